import { ArrowLeft } from "@medusajs/icons"
import { Button } from "@medusajs/ui"
import { useState } from "react"
import { useTranslation } from "react-i18next"
import { Link, useParams, type UIMatch } from "react-router-dom"
import { LoadError, SectionSkeleton } from "../../../components/common/query-state"
import { AdjustPointsDrawer } from "../../../components/members/adjust-points-drawer"
import { MemberHeader } from "../../../components/members/member-header"
import { MemberIdentities } from "../../../components/members/member-identities"
import { MemberLedger } from "../../../components/members/member-ledger"
import { MemberTierHistory } from "../../../components/members/member-tier-history"
import { MemberCoupons, MemberHolds } from "../../../components/members/member-wallet"
import { useMember } from "../../../hooks/use-members"
import { useTiers } from "../../../hooks/use-members-settings"
import { customerName } from "../../../lib/membership-format"

/** One member: tier and balances, the ledger with manual adjustments, identities, history, wallet. */
const MemberPage = () => {
  const { t } = useTranslation("mendian")
  const { id } = useParams()
  const { data: member, isLoading, error } = useMember(id)
  const tiers = useTiers()
  const [adjusting, setAdjusting] = useState(false)

  if (isLoading) {
    return (
      <div className="flex flex-col gap-y-3">
        <SectionSkeleton rows={4} />
        <SectionSkeleton rows={6} />
      </div>
    )
  }
  if (error || !member) {
    return (
      <div className="flex flex-col items-start gap-y-3">
        <LoadError error={error ?? new Error(t("membership.detail.notFound"))} />
        <Button size="small" variant="secondary" asChild>
          <Link to="/members">
            <ArrowLeft />
            {t("membership.detail.backToList")}
          </Link>
        </Button>
      </div>
    )
  }
  const ladder = tiers.data ?? []
  return (
    <div className="flex flex-col gap-x-4 gap-y-3 xl:flex-row xl:items-start" data-testid="member-detail" data-member-id={member.id}>
      <div className="flex w-full min-w-0 flex-col gap-y-3">
        <MemberHeader member={member} ladder={ladder} onAdjust={() => setAdjusting(true)} />
        <MemberLedger memberId={member.id} />
      </div>
      <div className="flex w-full flex-col gap-y-3 xl:max-w-[420px]">
        <MemberIdentities identities={member.identities} />
        <MemberTierHistory changes={member.tier_history} ladder={ladder} />
        <MemberCoupons coupons={member.coupons} />
        <MemberHolds holds={member.holds} />
      </div>
      <AdjustPointsDrawer member={member} open={adjusting} onClose={() => setAdjusting(false)} />
    </div>
  )
}

/** The crumb names the member once loaded (from the same cache). */
const MemberCrumb = ({ id }: { id?: string }) => {
  const { data } = useMember(id)
  return <>{(data && customerName(data.customer)) || id}</>
}

export const handle = {
  breadcrumb: (match: UIMatch) => <MemberCrumb id={(match.params as { id?: string }).id} />,
}

export default MemberPage
