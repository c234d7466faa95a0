import { Alert, Badge, Button, Container, Heading, Text } from "@medusajs/ui"
import { useQueries } from "@tanstack/react-query"
import { useTranslation } from "react-i18next"
import { Link } from "react-router-dom"
import { useLocale } from "../../hooks/use-locale"
import { errorCode, errorMessage } from "../../lib/api-error"
import { formatMoney, formatNumber } from "../../lib/format"
import { savingPercent } from "../../lib/planner-format"
import type { PlanView } from "../../lib/planner-types"
import { formatShortDateTime } from "../../lib/replenishment-format"
import { getTransfer } from "../../lib/transfers-api"
import { useApplyPlan } from "./use-planner"

/** An applied plan's transfers by number (read one by one: the list API has no id filter; a plan makes one per source). */
const StoredTransferLinks = ({ ids }: { ids: string[] }) => {
  const transfers = useQueries({
    queries: ids.slice(0, 50).map((id) => ({ queryKey: ["mendian", "transfers", "detail", id], queryFn: () => getTransfer(id).then((r) => r.transfer) })),
  })
  return (
    <>
      {ids.slice(0, 50).map((id, i) => (
        <Link key={id} to={`/transfers/${id}`} className="text-ui-fg-interactive font-mono txt-compact-small hover:underline" data-transfer-number={transfers[i]?.data?.number}>
          {transfers[i]?.data?.number ?? "…"}
        </Link>
      ))}
    </>
  )
}

const Figure = ({ label, value, testId, hint }: { label: string; value: string; testId: string; hint?: string }) => (
  <div className="flex flex-col" title={hint}>
    <Text size="xsmall" className="text-ui-fg-subtle">
      {label}
    </Text>
    <Text size="large" weight="plus" className="tabular-nums" data-testid={testId}>
      {value}
    </Text>
  </div>
)

export const PlanStatusBadge = ({ status }: { status: PlanView["status"] }) => {
  const { t } = useTranslation("mendian")
  const color = status === "applied" ? "green" : status === "discarded" ? "grey" : "blue"
  return (
    <Badge size="2xsmall" color={color} data-testid="plan-status" data-status={status}>
      {t(`planner.result.status.${status}`)}
    </Badge>
  )
}

/** The plan against the greedy baseline, how it was solved, and Apply with its outcome. */
export const PlanSummary = ({ plan }: { plan: PlanView }) => {
  const { t } = useTranslation("mendian")
  const locale = useLocale()
  const apply = useApplyPlan(plan)
  const s = plan.result.stats
  const money = (v: number | null | undefined) => (v === null || v === undefined ? "–" : formatMoney(v, "cny", locale))
  const saving = savingPercent(plan.total_cost, plan.baseline_cost)
  const code = errorCode(apply.error)
  const created = apply.data?.transfers
  return (
    <Container className="flex flex-col gap-y-4 px-6 py-4" data-testid="plan-summary" data-plan-id={plan.id} data-status={plan.status}>
      <div className="flex flex-wrap items-start justify-between gap-3">
        <div className="flex items-center gap-x-2">
          <Heading level="h2">{t("planner.result.title")}</Heading>
          <PlanStatusBadge status={plan.status} />
          <Text size="small" className="text-ui-fg-subtle">
            {t("planner.result.created", { when: formatShortDateTime(plan.created_at, locale) })}
          </Text>
        </div>
        {plan.status === "proposed" && plan.result.lines.length > 0 && (
          <Button size="small" onClick={() => apply.mutate()} isLoading={apply.isPending} data-testid="plan-apply">
            {t("planner.apply.button")}
          </Button>
        )}
      </div>
      <div className="grid grid-cols-2 gap-4 md:grid-cols-5">
        <Figure label={t("planner.result.total")} value={money(plan.total_cost)} testId="plan-total" />
        <Figure label={t("planner.result.baseline")} value={money(plan.baseline_cost)} testId="plan-baseline" />
        <Figure
          label={t("planner.result.saving")}
          hint={t("planner.result.savingHint")}
          value={saving === null ? "–" : `${formatNumber(Math.round(saving * 10) / 10, locale)} %`}
          testId="plan-saving"
        />
        <Figure label={t("planner.result.moved")} value={formatNumber(s.units_moved ?? 0, locale)} testId="plan-moved" />
        <Figure label={t("planner.result.unmet")} value={formatNumber(s.units_unmet ?? 0, locale)} testId="plan-unmet" />
      </div>
      <div className="flex flex-wrap items-center gap-2" data-testid="plan-stats">
        <Text size="small" className="text-ui-fg-subtle">
          {t("planner.result.solve")}:{" "}
          {t("planner.result.solveStats", {
            ms: formatNumber(Math.round(s.solve_ms), locale),
            method: s.method,
            status: s.status,
            iterations: s.iterations,
            columns: formatNumber(s.columns, locale),
            lanes: formatNumber(s.lanes_total, locale),
          })}
        </Text>
        {s.certificate && (
          <Badge size="2xsmall" color={s.certificate.proven_optimal ? "green" : "orange"} data-testid="plan-certificate">
            {t(s.certificate.proven_optimal ? "planner.result.proven" : "planner.result.notProven")}
          </Badge>
        )}
        {s.fallback && (
          <Badge size="2xsmall" color="orange">
            {t("planner.result.fallback", { reason: s.fallback })}
          </Badge>
        )}
      </div>
      {plan.result.lines.length === 0 && plan.result.unmet.length === 0 && (
        <Text size="small" className="text-ui-fg-muted" data-testid="plan-empty">
          {t("planner.result.empty")}
        </Text>
      )}
      {apply.error ? (
        <Alert variant="error" dismissible={false} data-testid="plan-apply-error" data-code={code}>
          {(code === "plan_stale" || code === "plan_not_proposed") && <span className="block font-medium">{t(`planner.apply.refusal.${code}`)}</span>}
          <span className="block">{errorMessage(apply.error, t("common.unknownError"))}</span>
        </Alert>
      ) : null}
      {(created ? created.length > 0 : (plan.transfer_ids?.length ?? 0) > 0) && (
        <div className="flex flex-col gap-y-1" data-testid="plan-transfers">
          <Text size="small" weight="plus">
            {t("planner.apply.transfers")}
          </Text>
          <div className="flex flex-wrap gap-2">
            {created
              ? created.map((tr) => (
                  <Link key={tr.id} to={`/transfers/${tr.id}`} className="text-ui-fg-interactive font-mono txt-compact-small hover:underline" data-transfer-number={tr.number}>
                    {tr.number}
                  </Link>
                ))
              : <StoredTransferLinks ids={plan.transfer_ids!} />}
          </div>
        </div>
      )}
    </Container>
  )
}
