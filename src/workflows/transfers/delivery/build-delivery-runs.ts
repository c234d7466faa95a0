import { randomUUID } from "node:crypto"
import { ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils"
import { createStep, createWorkflow, StepResponse, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { formatCalendarDate, localBusinessDate, parseCalendarDate, parseTimeOfDay } from "../../../lib/opening-hours"
import { planRoutes, type RoutingStop, type VehicleFleet } from "../../../lib/routing"
import { receivingWindows } from "../../../lib/transfer-state/delivery"
import { TRANSFERS_MODULE } from "../../../modules/transfers"
import type TransfersModuleService from "../../../modules/transfers/service"

export type BuildDeliveryRunsInput = { depot: { shop_id?: string; location_id?: string }; date?: string; actor?: string | null }

/** When a depot has no fleet configured: two vans of 300 units, out from 06:00. */
export const DEFAULT_FLEET = { vehicle_count: 2, capacity_units: 300, capacity_volume: null, max_route_km: null, max_duration_minutes: null, speed_kmh: 35, service_minutes: 15, available_from: "06:00", available_until: null }

const hhmm = (m?: number) => (m === undefined ? null : `${String(Math.floor(m / 60)).padStart(2, "0")}:${String(Math.round(m % 60)).padStart(2, "0")}`)

/**
 * Merges the approved transfers leaving a depot into vehicle runs for one day: one stop per
 * destination shop (all its lines' units), inside its receiving windows that day, with the
 * depot's fleet (src/lib/routing: savings, local search, ruin-and-recreate). Replaces the runs
 * planned earlier for that depot and day; runs already dispatched are kept and their transfers
 * left out. Times are the depot's local time (the chain runs on one timezone).
 */
const buildDeliveryRunsStep = createStep(
  "build-delivery-runs",
  async (input: BuildDeliveryRunsInput, { container }) => {
    const query = container.resolve(ContainerRegistrationKeys.QUERY)
    const service = container.resolve<TransfersModuleService>(TRANSFERS_MODULE)
    if (!!input.depot?.shop_id === !!input.depot?.location_id) throw new MedusaError(MedusaError.Types.INVALID_DATA, "depot: give exactly one of shop_id and location_id")
    const { data: depots } = await query.graph({
      entity: "shop",
      fields: ["id", "code", "name", "latitude", "longitude", "timezone", "stock_location_id"],
      filters: (input.depot.shop_id ? { id: input.depot.shop_id } : { stock_location_id: input.depot.location_id }) as any,
    })
    const depot: any = depots[0]
    if (!depot) throw new MedusaError(MedusaError.Types.NOT_FOUND, `depot: ${input.depot.shop_id ?? input.depot.location_id} is not a shop's location`)
    const date = input.date ?? localBusinessDate(depot.timezone, new Date())
    const day = parseCalendarDate(date)
    if (day === null) throw new MedusaError(MedusaError.Types.INVALID_DATA, "date: must be YYYY-MM-DD")

    const [fleetRow] = await service.listDepotFleets({ location_id: depot.stock_location_id })
    const fleet: any = fleetRow ?? DEFAULT_FLEET
    const existing = await service.listDeliveryRuns({ depot_location_id: depot.stock_location_id, run_date: formatCalendarDate(day) })
    const dispatched = new Set(existing.filter((r: any) => r.status !== "planned" && r.status !== "cancelled").flatMap((r: any) => r.transfer_ids as string[]))
    const transfers = (await service.listTransfers({ source_location_id: depot.stock_location_id, status: "approved" } as any, { relations: ["lines"], take: null as any })).filter(
      (t: any) => !dispatched.has(t.id)
    )
    const byDestination = new Map<string, { units: number; transfers: Set<string> }>()
    for (const t of transfers as any[]) {
      for (const l of t.lines) {
        if (l.status !== "approved" || !l.quantity_approved) continue
        const s = byDestination.get(l.destination_location_id) ?? { units: 0, transfers: new Set<string>() }
        s.units += Number(l.quantity_approved)
        s.transfers.add(t.id)
        byDestination.set(l.destination_location_id, s)
      }
    }
    const { data: shops } = byDestination.size
      ? await query.graph({
          entity: "shop",
          fields: ["id", "code", "latitude", "longitude", "opening_hours", "receiving_hours", "closures", "stock_location_id"],
          filters: { stock_location_id: [...byDestination.keys()] } as any,
        })
      : { data: [] }
    const shopAt = new Map((shops as any[]).map((s) => [s.stock_location_id, s]))
    const stops: RoutingStop[] = [...byDestination.entries()].map(([location, s]) => {
      const shop: any = shopAt.get(location)
      return {
        id: location,
        units: s.units,
        transfers: s.transfers.size,
        ...(shop ? { location: { lat: shop.latitude, lng: shop.longitude }, windows: receivingWindows(shop, day) } : {}),
      }
    })
    const vehicles: VehicleFleet = {
      count: fleet.vehicle_count,
      capacityUnits: fleet.capacity_units,
      ...(fleet.capacity_volume ? { capacityVolume: fleet.capacity_volume } : {}),
      ...(fleet.max_route_km ? { maxRouteKm: fleet.max_route_km } : {}),
      ...(fleet.max_duration_minutes ? { maxDurationMinutes: fleet.max_duration_minutes } : {}),
      speedKmh: fleet.speed_kmh,
      serviceMinutes: fleet.service_minutes,
      availableFrom: parseTimeOfDay(fleet.available_from) ?? 0,
      ...(fleet.available_until ? { availableUntil: parseTimeOfDay(fleet.available_until, true) ?? undefined } : {}),
    }
    const result = planRoutes({ depot: { id: depot.stock_location_id, location: { lat: depot.latitude, lng: depot.longitude } }, stops, vehicles, distance: { kind: "haversine" } })
    const build_id = randomUUID()
    const replaced = existing.filter((r: any) => r.status === "planned").map((r: any) => r.id)
    if (replaced.length) await service.softDeleteDeliveryRuns(replaced)
    const runs = result.runs.length
      ? await service.createDeliveryRuns(
          result.runs.map((run) => ({
            depot_location_id: depot.stock_location_id,
            run_date: formatCalendarDate(day),
            vehicle: run.vehicle,
            status: "planned",
            stops: run.stops.map((s) => ({
              location_id: s.id,
              shop_code: shopAt.get(s.id)?.code ?? null,
              transfer_ids: [...(byDestination.get(s.id)?.transfers ?? [])],
              part: s.part ?? null,
              units: s.units,
              leg_km: Math.round(s.legKm * 10) / 10,
              cumulative_km: Math.round(s.cumulativeKm * 10) / 10,
              arrival: hhmm(s.arrival),
              departure: hhmm(s.departure),
              wait_minutes: s.waitMinutes ?? 0,
            })),
            total_km: Math.round(run.km * 10) / 10,
            units: run.units,
            transfer_ids: [...new Set(run.stops.flatMap((s) => [...(byDestination.get(s.id)?.transfers ?? [])]))],
            build_id,
            baseline_km: Math.round(result.baseline.km * 10) / 10,
            created_by: input.actor ?? null,
          })) as any
        )
      : []
    const summary = {
      build_id,
      depot: { shop_id: depot.id, code: depot.code, name: depot.name, location_id: depot.stock_location_id },
      date: formatCalendarDate(day),
      fleet: { ...fleet, configured: !!fleetRow },
      runs,
      unassigned: result.unassigned.map((u) => ({ ...u, shop_code: shopAt.get(u.id)?.code ?? null })),
      totals: result.totals,
      baseline: result.baseline,
      transfers: transfers.length,
    }
    return new StepResponse(summary, { created: (runs as any[]).map((r) => r.id), replaced })
  },
  async (undo, { container }) => {
    if (!undo) return
    const service = container.resolve<TransfersModuleService>(TRANSFERS_MODULE)
    if (undo.created.length) await service.deleteDeliveryRuns(undo.created)
    if (undo.replaced.length) await service.restoreDeliveryRuns(undo.replaced)
  }
)

export const buildDeliveryRunsWorkflow = createWorkflow("build-delivery-runs", (input: BuildDeliveryRunsInput) => {
  return new WorkflowResponse(buildDeliveryRunsStep(input))
})
