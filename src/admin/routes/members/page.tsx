import { defineRouteConfig } from "@medusajs/admin-sdk"
import { CardSparkle, CogSixTooth } from "@medusajs/icons"
import { Button, Container, Heading, Text } from "@medusajs/ui"
import { useTranslation } from "react-i18next"
import { Link } from "react-router-dom"
import { LoadError } from "../../components/common/query-state"
import { TablePagination } from "../../components/common/table-pagination"
import { TranslatedCrumb } from "../../components/common/translated-crumb"
import { LiabilitySummary } from "../../components/members/liability-summary"
import { MembersFilters } from "../../components/members/members-filters"
import { MembersTable } from "../../components/members/members-table"
import { MEMBERS_PAGE_SIZE, useMemberFilters } from "../../hooks/use-members-filters"
import { useMembers } from "../../hooks/use-members"
import { useTiers } from "../../hooks/use-members-settings"

/** Sidebar "Members": the points liability, then every member, searchable by any identity. */
const MembersPage = () => {
  const { t } = useTranslation("mendian")
  const { filters, update } = useMemberFilters()
  const tiers = useTiers()
  const list = useMembers({ q: filters.q, tier_id: filters.tier_id, limit: MEMBERS_PAGE_SIZE, offset: filters.page * MEMBERS_PAGE_SIZE })

  return (
    <Container className="divide-y p-0" data-testid="members-page">
      <div className="flex flex-wrap items-start justify-between gap-3 px-6 py-4">
        <div>
          <Heading>{t("membership.list.title")}</Heading>
          <Text size="small" className="text-ui-fg-subtle">
            {t("membership.list.subtitle")}
          </Text>
        </div>
        <Button size="small" variant="secondary" asChild>
          <Link to="/members/settings" data-testid="members-settings-link">
            <CogSixTooth />
            {t("membership.nav.settings")}
          </Link>
        </Button>
      </div>
      <LiabilitySummary />
      <MembersFilters filters={filters} tiers={tiers.data ?? []} onChange={update} />
      {list.error ? (
        <div className="px-6 py-4">
          <LoadError error={list.error} />
        </div>
      ) : (
        <div className={list.isFetching ? "opacity-70 transition-opacity" : undefined} data-testid="members-results" data-count={list.data?.count}>
          <MembersTable members={list.data?.members ?? []} tiers={tiers.data ?? []} />
          <TablePagination
            count={list.data?.count ?? 0}
            pageIndex={filters.page}
            pageSize={MEMBERS_PAGE_SIZE}
            onPageChange={(page) => update({ page })}
          />
        </div>
      )}
    </Container>
  )
}

export const config = defineRouteConfig({
  label: "membership.nav.members",
  translationNs: "mendian",
  icon: CardSparkle,
})

export const handle = {
  breadcrumb: () => <TranslatedCrumb k="membership.nav.members" />,
}

export default MembersPage
