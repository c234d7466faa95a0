import { defineRouteConfig } from "@medusajs/admin-sdk"
import { MapPin } from "@medusajs/icons"
import { Alert, Button, Container, Heading, Input, Label, Text } from "@medusajs/ui"
import { useMemo } from "react"
import { useTranslation } from "react-i18next"
import { useSearchParams } from "react-router-dom"
import { LoadError, SectionSkeleton } from "../../components/common/query-state"
import { ShopSelect } from "../../components/common/shop-select"
import { TranslatedCrumb } from "../../components/common/translated-crumb"
import { FleetForm } from "../../components/delivery-runs/fleet-form"
import { RunsList } from "../../components/delivery-runs/runs-list"
import { RunsSummary } from "../../components/delivery-runs/runs-summary"
import { UnassignedStops } from "../../components/delivery-runs/unassigned-stops"
import { useBuildRuns, useFleets, useRuns } from "../../components/delivery-runs/use-delivery-runs"
import { useAllShops } from "../../hooks/use-shops"
import { errorMessage } from "../../lib/api-error"
import { runTotals, todayIn } from "../../lib/delivery-format"

/**
 * Sidebar "Delivery runs": a depot and a day (`?depot=<shop id>&date=`), Build runs merges that
 * depot's approved transfers into vehicle runs; the day's runs with their stops, km saved against
 * one trip per transfer, the depot's fleet, and a printable run sheet per run.
 */
const DeliveryRunsPage = () => {
  const { t } = useTranslation("mendian")
  const [params, setParams] = useSearchParams()
  const shops = useAllShops({ order: "code" })
  const depotId = params.get("depot") ?? undefined
  const depot = shops.data?.find((s) => s.id === depotId)
  const date = params.get("date") ?? todayIn(depot?.timezone)
  const set = (patch: Record<string, string | undefined>) =>
    setParams((prev) => {
      const next = new URLSearchParams(prev)
      for (const [k, v] of Object.entries(patch)) v ? next.set(k, v) : next.delete(k)
      return next
    })
  const runs = useRuns(depot?.stock_location_id, date)
  const fleets = useFleets()
  const build = useBuildRuns()
  const byLocation = useMemo(() => new Map((shops.data ?? []).map((s) => [s.stock_location_id, s])), [shops.data])
  const list = runs.data?.delivery_runs ?? []
  const totals = useMemo(() => runTotals(list), [list])
  const built = build.data && build.data.depot.shop_id === depotId && build.data.date === date ? build.data : undefined
  const fleet = depot ? fleets.data?.find((f) => f.location_id === depot.stock_location_id) ?? null : null

  return (
    <div className="flex flex-col gap-y-3" data-testid="delivery-runs-page">
      <Container className="flex flex-col gap-y-3 px-6 py-4">
        <div>
          <Heading>{t("deliveryRuns.title")}</Heading>
          <Text size="small" className="text-ui-fg-subtle">
            {t("deliveryRuns.subtitle")}
          </Text>
        </div>
        <div className="flex flex-wrap items-end gap-3">
          <div className="flex flex-col gap-y-1">
            <Label size="small">{t("deliveryRuns.depot")}</Label>
            <ShopSelect value={depotId} onChange={(id) => set({ depot: id })} ariaLabel={t("deliveryRuns.depot")} placeholder={t("deliveryRuns.pickDepot")} testId="runs-depot" />
          </div>
          <div className="flex flex-col gap-y-1">
            <Label size="small" htmlFor="runs-date">
              {t("deliveryRuns.date")}
            </Label>
            <Input id="runs-date" type="date" size="small" value={date} onChange={(e) => set({ date: e.target.value || undefined })} />
          </div>
          <Button
            size="small"
            disabled={!depotId}
            isLoading={build.isPending}
            onClick={() => depotId && build.mutate({ depot: { shop_id: depotId }, date })}
            data-testid="runs-build"
          >
            {t("deliveryRuns.build")}
          </Button>
        </div>
        {build.error && (
          <Alert variant="error" dismissible={false} data-testid="runs-build-error">
            {errorMessage(build.error, t("common.unknownError"))}
          </Alert>
        )}
        {built && (
          <Text size="small" className="text-ui-fg-subtle" data-testid="runs-built">
            {t("deliveryRuns.built", { count: built.runs.length, transfers: built.transfers })}
            {!built.fleet.configured && ` ${t("deliveryRuns.fleetDefault")}`}
          </Text>
        )}
      </Container>
      {!depot ? (
        <Container className="px-6 py-8">
          <Text size="small" className="text-ui-fg-muted text-center">
            {t("deliveryRuns.needDepot")}
          </Text>
        </Container>
      ) : runs.isLoading ? (
        <SectionSkeleton rows={3} />
      ) : runs.error ? (
        <LoadError error={runs.error} />
      ) : (
        <>
          {list.length > 0 && <RunsSummary totals={totals} trips={built?.baseline.trips} />}
          {built && <UnassignedStops stops={built.unassigned} />}
          <RunsList runs={list} shopAt={(id) => byLocation.get(id)} />
        </>
      )}
      {depot && !fleets.isLoading && <FleetForm locationId={depot.stock_location_id} fleet={fleet} />}
    </div>
  )
}

export const config = defineRouteConfig({
  label: "deliveryRuns.nav",
  translationNs: "mendian",
  icon: MapPin,
})

export const handle = {
  breadcrumb: () => <TranslatedCrumb k="deliveryRuns.nav" />,
}

export default DeliveryRunsPage
