/** Shapes of /admin/delivery-runs and /admin/depot-fleets answers (src/api/admin/delivery-runs). */

export type RunStop = {
  location_id: string
  shop_code: string | null
  transfer_ids: string[]
  part: number | null
  units: number
  leg_km: number
  cumulative_km: number
  arrival: string | null
  departure: string | null
  wait_minutes: number
}

export type DeliveryRun = {
  id: string
  depot_location_id: string
  run_date: string
  vehicle: number
  status: "planned" | "dispatched" | "completed" | "cancelled"
  stops: RunStop[]
  total_km: number
  units: number
  transfer_ids: string[]
  build_id: string
  baseline_km: number | null
  created_at: string
}

export type DepotFleet = {
  id?: string
  location_id: string
  vehicle_count: number
  capacity_units: number
  capacity_volume: number | null
  max_route_km: number | null
  max_duration_minutes: number | null
  speed_kmh: number
  service_minutes: number
  available_from: string
  available_until: string | null
}

export type Unassigned = { id: string; shop_code: string | null; reason: string; detail: string; units: number }

export type BuildResult = {
  build_id: string
  depot: { shop_id: string; code: string; name: string; location_id: string }
  date: string
  fleet: DepotFleet & { configured: boolean }
  runs: DeliveryRun[]
  unassigned: Unassigned[]
  totals: { runs?: number; km: number; units?: number; stops?: number }
  baseline: { trips: number; km: number; savedKm: number; savedPercent: number }
  transfers: number
}

export type FleetBody = Omit<DepotFleet, "id">
