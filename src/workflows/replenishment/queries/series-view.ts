import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils"
import { decodeDemand, emptySeries, toDailyArrays } from "../../../lib/demand-codec"
import { formatCalendarDate, localBusinessDate, parseCalendarDate } from "../../../lib/opening-hours"
import { normalQuantile } from "../../../lib/safety-stock"
import { REPLENISHMENT_MODULE } from "../../../modules/replenishment"
import type ReplenishmentModuleService from "../../../modules/replenishment/service"

/** The forecast band shown around the mean: a central 80 % interval. */
export const INTERVAL_LEVEL = 0.8

/**
 * One series as a chart needs it: the last `days` days of demand with their stock-out and
 * promotion flags, and the stored forecast dated from its run's business date with a band of
 * ± z·σ per day (σ: the policy's one-day forecast error), never below zero.
 */
export async function seriesView(container: MedusaContainer, variantId: string, locationId: string, days: number, now = new Date()) {
  const service = container.resolve<ReplenishmentModuleService>(REPLENISHMENT_MODULE)
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data: locations } = await query.graph({ entity: "stock_location", fields: ["id"], filters: { id: locationId } })
  if (!locations.length) throw new MedusaError(MedusaError.Types.NOT_FOUND, `location_id: stock location ${locationId} was not found`)
  const { data: shops } = await query.graph({ entity: "shop", fields: ["timezone"], filters: { stock_location_id: locationId } as any })
  const tz = (shops[0] as any)?.timezone ?? "Asia/Shanghai"
  const today = parseCalendarDate(localBusinessDate(tz, now))!
  const from = today - days + 1
  const stored = await service.retrieveDemandHistory(variantId, locationId)
  const arrays = toDailyArrays(stored?.series ?? emptySeries(), from, today)
  const history = Array.from({ length: days }, (_, i) => ({
    date: formatCalendarDate(from + i),
    sold: arrays.sold[i],
    returned: arrays.returned[i],
    stockout: arrays.stockout[i] === 1,
    promotion: arrays.promotion[i] === 1,
  }))
  const [policy] = await service.listStockPolicies({ variant_id: variantId, location_id: locationId }, { take: 1 })
  let forecast: { date: string; mean: number; low: number; high: number }[] = []
  if (policy?.forecast && Array.isArray(policy.forecast)) {
    const run = policy.last_run_id ? (await service.listForecastRuns({ id: policy.last_run_id }, { take: 1 }))[0] : null
    const start = parseCalendarDate(run?.as_of) ?? (policy.computed_at ? parseCalendarDate(localBusinessDate(tz, new Date(policy.computed_at as any))) : null)
    if (start !== null) {
      const z = normalQuantile(0.5 + INTERVAL_LEVEL / 2)
      const sigma = Number(policy.forecast_error ?? 0)
      forecast = (policy.forecast as number[]).map((mean, i) => ({
        date: formatCalendarDate(start + i),
        mean,
        low: Math.max(0, Math.round((mean - z * sigma) * 1000) / 1000),
        high: Math.round((mean + z * sigma) * 1000) / 1000,
      }))
    }
  }
  return { variant_id: variantId, location_id: locationId, timezone: tz, interval_level: INTERVAL_LEVEL, history, forecast, policy: policy ?? null }
}
