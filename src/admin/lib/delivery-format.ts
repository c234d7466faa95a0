import type { DeliveryRun, DepotFleet, FleetBody } from "./delivery-types"

/** Today's date "YYYY-MM-DD" in a time zone (the depot's), falling back to the browser's. */
export const todayIn = (timeZone?: string, now: Date = new Date()): string => {
  try {
    return new Intl.DateTimeFormat("en-CA", { timeZone, year: "numeric", month: "2-digit", day: "2-digit" }).format(now)
  } catch {
    return new Intl.DateTimeFormat("en-CA", { year: "numeric", month: "2-digit", day: "2-digit" }).format(now)
  }
}

/**
 * The day's totals from the stored runs: every run of one build carries the same baseline (one
 * trip per transfer over the stops served), so km saved is that baseline minus the runs' km.
 */
export const runTotals = (runs: DeliveryRun[]) => {
  const km = runs.reduce((a, r) => a + r.total_km, 0)
  const latest = [...runs].sort((a, b) => (a.created_at < b.created_at ? 1 : -1))[0]
  const build = latest ? runs.filter((r) => r.build_id === latest.build_id) : []
  const buildKm = build.reduce((a, r) => a + r.total_km, 0)
  const baseline = latest?.baseline_km ?? null
  const saved = baseline === null ? null : Math.round((baseline - buildKm) * 10) / 10
  return {
    runs: runs.length,
    km: Math.round(km * 10) / 10,
    units: runs.reduce((a, r) => a + r.units, 0),
    stops: runs.reduce((a, r) => a + r.stops.length, 0),
    baselineKm: baseline,
    savedKm: saved,
    savedPercent: baseline && saved !== null ? Math.round((1000 * saved) / baseline) / 10 : null,
  }
}

/** The km back to the depot after the last stop. */
export const returnKm = (run: DeliveryRun): number => {
  const last = run.stops[run.stops.length - 1]
  return Math.max(0, Math.round((run.total_km - (last?.cumulative_km ?? 0)) * 10) / 10)
}

export type FleetForm = Record<keyof FleetBody, string>

export const fleetForm = (locationId: string, f?: DepotFleet | null): FleetForm => ({
  location_id: locationId,
  vehicle_count: String(f?.vehicle_count ?? 2),
  capacity_units: String(f?.capacity_units ?? 300),
  capacity_volume: f?.capacity_volume == null ? "" : String(f.capacity_volume),
  max_route_km: f?.max_route_km == null ? "" : String(f.max_route_km),
  max_duration_minutes: f?.max_duration_minutes == null ? "" : String(f.max_duration_minutes),
  speed_kmh: String(f?.speed_kmh ?? 35),
  service_minutes: String(f?.service_minutes ?? 15),
  available_from: f?.available_from ?? "06:00",
  available_until: f?.available_until ?? "",
})

const TIME = /^([01]\d|2[0-3]):[0-5]\d$|^24:00$/

/** The fleet body, or the first field that is wrong (its key). Empty optional fields become null. */
export const fleetBody = (f: FleetForm): { body: FleetBody } | { field: keyof FleetBody } => {
  const int = (s: string, min: number, max: number) => (/^\d+$/.test(s.trim()) && +s >= min && +s <= max ? +s : null)
  const pos = (s: string, max: number) => (s.trim() !== "" && Number.isFinite(+s) && +s > 0 && +s <= max ? +s : null)
  const vehicle_count = int(f.vehicle_count, 1, 500)
  if (vehicle_count === null) return { field: "vehicle_count" }
  const capacity_units = int(f.capacity_units, 1, 1_000_000)
  if (capacity_units === null) return { field: "capacity_units" }
  type Read = { value: number | null } | { field: keyof FleetBody }
  const optional = (s: string, parse: (s: string) => number | null, field: keyof FleetBody): Read => {
    if (s.trim() === "") return { value: null }
    const v = parse(s)
    return v === null ? { field } : { value: v }
  }
  const volume = optional(f.capacity_volume, (s) => pos(s, 1000), "capacity_volume")
  if ("field" in volume) return { field: volume.field }
  const maxKm = optional(f.max_route_km, (s) => pos(s, 5000), "max_route_km")
  if ("field" in maxKm) return { field: maxKm.field }
  const maxMin = optional(f.max_duration_minutes, (s) => int(s, 1, 1440), "max_duration_minutes")
  if ("field" in maxMin) return { field: maxMin.field }
  const speed = Number(f.speed_kmh)
  if (!(f.speed_kmh.trim() !== "" && speed >= 5 && speed <= 120)) return { field: "speed_kmh" }
  const service = int(f.service_minutes, 0, 240)
  if (service === null) return { field: "service_minutes" }
  if (!TIME.test(f.available_from.trim())) return { field: "available_from" }
  if (f.available_until.trim() !== "" && !TIME.test(f.available_until.trim())) return { field: "available_until" }
  return {
    body: {
      location_id: f.location_id,
      vehicle_count,
      capacity_units,
      capacity_volume: volume.value,
      max_route_km: maxKm.value,
      max_duration_minutes: maxMin.value,
      speed_kmh: speed,
      service_minutes: service,
      available_from: f.available_from.trim(),
      available_until: f.available_until.trim() || null,
    },
  }
}
