import { PlaySolid } from "@medusajs/icons"
import { Button, StatusBadge, Text, toast } from "@medusajs/ui"
import { useMutation, useQueryClient } from "@tanstack/react-query"
import { useEffect, useRef, useState } from "react"
import { useTranslation } from "react-i18next"
import { queryKeys } from "../../hooks/query-keys"
import { useLocale } from "../../hooks/use-locale"
import { isRunActive, useForecastRun } from "../../hooks/use-replenishment"
import { errorMessage } from "../../lib/api-error"
import { formatDateTime } from "../../lib/format"
import { newIdempotencyKey } from "../../lib/idempotency-key"
import { startForecastRun } from "../../lib/replenishment-api"
import type { RunStatus } from "../../lib/replenishment-types"

const STATUS_COLORS: Record<RunStatus, "grey" | "blue" | "green" | "red" | "orange"> = {
  queued: "grey",
  running: "blue",
  completed: "green",
  failed: "red",
  canceled: "orange",
}

/** The last run started from this page is remembered per shop, so leaving and coming back shows it. */
const storageKey = (shopId: string) => `mendian.replenishment.run.${shopId}`
const remembered = (shopId: string) => {
  try {
    return localStorage.getItem(storageKey(shopId))
  } catch {
    return null
  }
}

/** "Run forecast for this shop", then the run's status and progress, asked again while it works. */
export const ForecastRunButton = ({ shopId }: { shopId: string }) => {
  const { t } = useTranslation("mendian")
  const locale = useLocale()
  const queryClient = useQueryClient()
  const [runId, setRunId] = useState<string | null>(() => remembered(shopId))
  const { data: run } = useForecastRun(runId)
  const lastStatus = useRef<string | undefined>()

  useEffect(() => setRunId(remembered(shopId)), [shopId])

  const start = useMutation({
    mutationFn: () => startForecastRun(shopId, newIdempotencyKey()),
    onSuccess: ({ forecast_run }) => {
      try {
        localStorage.setItem(storageKey(shopId), forecast_run.id)
      } catch {
        // private mode: the run is still shown until the page is left
      }
      queryClient.setQueryData(queryKeys.forecastRun(forecast_run.id), forecast_run)
      setRunId(forecast_run.id)
      toast.success(t("replenishment.run.queued"))
    },
    onError: (e) => toast.error(errorMessage(e, t("common.unknownError"))),
  })

  // A run that just finished has written new policies: reload the tables.
  useEffect(() => {
    if (isRunActive(lastStatus.current) && run && !isRunActive(run.status)) {
      queryClient.invalidateQueries({ queryKey: queryKeys.replenishment })
    }
    lastStatus.current = run?.status
  }, [run, queryClient])

  const active = isRunActive(run?.status)
  const pct = run && run.series_total > 0 ? Math.round((run.series_done / run.series_total) * 100) : 0

  return (
    <div className="flex flex-wrap items-center gap-3" data-testid="forecast-run">
      {run && (
        <div className="flex items-center gap-x-3" data-testid="forecast-run-status" data-status={run.status}>
          <Text size="small" className="text-ui-fg-subtle">
            {t("replenishment.run.label")}
          </Text>
          <StatusBadge color={STATUS_COLORS[run.status] ?? "grey"}>
            {t(`replenishment.run.status.${run.status}`, { defaultValue: run.status })}
          </StatusBadge>
          {run.status === "running" && (
            <div className="bg-ui-bg-subtle h-1.5 w-[120px] overflow-hidden rounded-full" role="progressbar" aria-valuenow={pct} aria-valuemin={0} aria-valuemax={100}>
              <div className="bg-ui-fg-interactive h-full transition-[width]" style={{ width: `${pct}%` }} />
            </div>
          )}
          {run.series_total > 0 && (
            <Text size="small" className="text-ui-fg-muted tabular-nums">
              {t("replenishment.run.progress", { done: run.series_done, total: run.series_total })}
            </Text>
          )}
          {!active && run.finished_at && (
            <Text size="small" className="text-ui-fg-muted">
              {t("replenishment.run.finished", { time: formatDateTime(run.finished_at, locale) })}
            </Text>
          )}
          {!!run.failure_count && (
            <Text size="small" className="text-ui-fg-error">
              {t("replenishment.run.failures", { count: run.failure_count })}
            </Text>
          )}
          {run.status === "failed" && run.error && (
            <Text size="small" className="text-ui-fg-error max-w-[320px] truncate" title={run.error}>
              {run.error}
            </Text>
          )}
        </div>
      )}
      <Button size="small" variant="secondary" onClick={() => start.mutate()} isLoading={start.isPending} disabled={active} data-testid="forecast-run-start">
        <PlaySolid />
        {t("replenishment.run.start")}
      </Button>
    </div>
  )
}
