import { Badge, StatusBadge, Tooltip } from "@medusajs/ui"
import { useTranslation } from "react-i18next"
import type { OverrideApplied, PolicyStatus, ProposalStatus } from "../../lib/replenishment-types"

const POLICY_COLORS: Record<PolicyStatus, "green" | "red" | "grey"> = {
  ok: "green",
  below_reorder_point: "red",
  untracked: "grey",
}

export const PolicyStatusBadge = ({ status }: { status: PolicyStatus }) => {
  const { t } = useTranslation("mendian")
  return (
    <StatusBadge color={POLICY_COLORS[status] ?? "grey"} data-status={status}>
      {t(`replenishment.policyStatus.${status}`, { defaultValue: status })}
    </StatusBadge>
  )
}

const PROPOSAL_COLORS: Record<ProposalStatus, "orange" | "green" | "grey" | "blue"> = {
  open: "orange",
  approved: "green",
  dismissed: "grey",
  closed: "grey",
  consumed: "blue",
}

export const ProposalStatusBadge = ({ status }: { status: ProposalStatus }) => {
  const { t } = useTranslation("mendian")
  return (
    <StatusBadge color={PROPOSAL_COLORS[status] ?? "grey"} data-status={status}>
      {t(`replenishment.proposals.status.${status}`, { defaultValue: status })}
    </StatusBadge>
  )
}

/** Small tags for the overrides the last run or edit applied (min, max, frozen, target). */
export const OverrideMarkers = ({ applied }: { applied: OverrideApplied[] | null | undefined }) => {
  const { t } = useTranslation("mendian")
  if (!applied?.length) return null
  return (
    <Tooltip content={t("replenishment.overrides.title")}>
      <span className="inline-flex gap-1" data-testid="override-markers">
        {applied.map((o) => (
          <Badge key={o} size="2xsmall" color={o === "frozen" ? "blue" : "purple"} data-override={o}>
            {t(`replenishment.overrides.${o}`, { defaultValue: o })}
          </Badge>
        ))}
      </span>
    </Tooltip>
  )
}
