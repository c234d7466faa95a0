import type { MedusaContainer } from "@medusajs/framework/types"
import { toDailyArrays } from "../../lib/demand-codec"
import { formatCalendarDate, parseCalendarDate } from "../../lib/opening-hours"
import { REPLENISHMENT_MODULE } from "../../modules/replenishment"
import type ReplenishmentModuleService from "../../modules/replenishment/service"

/**
 * Reads one loaded series back through the replenishment module (retrieveDemandHistory decodes
 * it with the codec) and checks it spans the generated range: the best-selling series at the
 * sample's location, so a slow mover's late first sale does not hide a short history. Throws
 * when the series is missing or shorter than min(180, the range); returns a one-line summary.
 */
export async function verifyDemandHistory(container: MedusaContainer, variantId: string, locationId: string, from: string, to: string) {
  const service = container.resolve<ReplenishmentModuleService>(REPLENISHMENT_MODULE)
  const [best] = await service.listDemandSeries(
    { location_id: locationId },
    { select: ["variant_id", "location_id"], order: { sale_days: "DESC" }, take: 1 }
  )
  const variant = best?.variant_id ?? variantId
  const history = await service.retrieveDemandHistory(variant, locationId)
  if (!history) throw new Error(`no demand series for ${variant} at ${locationId} after loading the history`)
  const fromDay = parseCalendarDate(from)!
  const toDay = parseCalendarDate(to)!
  const a = toDailyArrays(history.series, fromDay, toDay)
  let first = -1
  let last = -1
  let units = 0
  let saleDays = 0
  let stockoutDays = 0
  let promoDays = 0
  for (let i = 0; i < a.sold.length; i++) {
    if (a.sold[i] > 0 || a.stockout[i] || a.promotion[i]) {
      if (first < 0) first = i
      last = i
    }
    if (a.sold[i] > 0) saleDays++
    units += a.sold[i]
    stockoutDays += a.stockout[i]
    promoDays += a.promotion[i]
  }
  const span = first < 0 ? 0 : last - first + 1
  const need = Math.min(180, a.sold.length - 14)
  if (span < need) throw new Error(`demand series ${history.id} spans ${span} days, expected at least ${need}`)
  return (
    `series ${history.id} (${variant} at ${locationId}) decodes to ${span} days ${formatCalendarDate(fromDay + first)} … ` +
    `${formatCalendarDate(fromDay + last)}: ${units} units on ${saleDays} sale days, ${stockoutDays} stock-out days, ${promoDays} promotion days`
  )
}
