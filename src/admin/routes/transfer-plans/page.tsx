import { defineRouteConfig } from "@medusajs/admin-sdk"
import { Sparkles } from "@medusajs/icons"
import { Alert, Container, Heading, Text } from "@medusajs/ui"
import { useTranslation } from "react-i18next"
import { useSearchParams } from "react-router-dom"
import { LoadError, SectionSkeleton } from "../../components/common/query-state"
import { TranslatedCrumb } from "../../components/common/translated-crumb"
import { PlanFlowMap } from "../../components/transfer-plans/plan-flow-map"
import { PlanForm } from "../../components/transfer-plans/plan-form"
import { PlanLinesTable } from "../../components/transfer-plans/plan-lines-table"
import { PlanSummary } from "../../components/transfer-plans/plan-summary"
import { PlansHistory } from "../../components/transfer-plans/plans-history"
import { usePlan, useRunPlan } from "../../components/transfer-plans/use-planner"
import { errorMessage } from "../../lib/api-error"

/**
 * Sidebar "Transfer planner": choose where and which shortfalls, run a dry run, read the plan
 * against the nearest-source baseline (figures, lines, map), apply it. The open plan is `?plan=`.
 */
const TransferPlansPage = () => {
  const { t } = useTranslation("mendian")
  const [params, setParams] = useSearchParams()
  const planId = params.get("plan") ?? undefined
  const page = Math.max(0, Number(params.get("page") ?? 0) || 0)
  const setParam = (patch: Record<string, string | undefined>) =>
    setParams((prev) => {
      const next = new URLSearchParams(prev)
      for (const [k, v] of Object.entries(patch)) v === undefined ? next.delete(k) : next.set(k, v)
      return next
    })
  const plan = usePlan(planId)
  const run = useRunPlan((p) => setParam({ plan: p.id }))

  return (
    <div className="flex flex-col gap-y-3" data-testid="planner-page">
      <Container className="px-6 py-4">
        <Heading>{t("planner.title")}</Heading>
        <Text size="small" className="text-ui-fg-subtle">
          {t("planner.subtitle")}
        </Text>
      </Container>
      <PlanForm
        onRun={(body) => run.mutate(body)}
        running={run.isPending}
        error={
          run.error ? (
            <Alert variant="error" dismissible={false} data-testid="planner-run-error">
              {errorMessage(run.error, t("common.unknownError"))}
            </Alert>
          ) : undefined
        }
      />
      {planId &&
        (plan.isLoading ? (
          <SectionSkeleton rows={4} />
        ) : plan.error ? (
          <LoadError error={plan.error} />
        ) : plan.data ? (
          <>
            <PlanSummary key={plan.data.id} plan={plan.data} />
            <PlanFlowMap plan={plan.data} />
            <PlanLinesTable plan={plan.data} />
          </>
        ) : null)}
      <PlansHistory page={page} onPage={(p) => setParam({ page: p ? String(p) : undefined })} onOpen={(id) => setParam({ plan: id })} current={planId} />
    </div>
  )
}

export const config = defineRouteConfig({
  label: "planner.nav",
  translationNs: "mendian",
  icon: Sparkles,
})

export const handle = {
  breadcrumb: () => <TranslatedCrumb k="planner.nav" />,
}

export default TransferPlansPage
