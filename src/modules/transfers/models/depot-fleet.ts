import { model } from "@medusajs/framework/utils"

/** The vehicles a depot (a DC or any shop that ships) sends out each day; one vehicle type per depot. */
const DepotFleet = model
  .define("depot_fleet", {
    id: model.id({ prefix: "dfleet" }).primaryKey(),
    location_id: model.text(),
    vehicle_count: model.number(),
    capacity_units: model.number(),
    capacity_volume: model.float().nullable(),
    max_route_km: model.float().nullable(),
    max_duration_minutes: model.number().nullable(),
    speed_kmh: model.float().default(35),
    service_minutes: model.number().default(15),
    // Local "HH:MM" the vehicles may leave and must be back by.
    available_from: model.text().default("06:00"),
    available_until: model.text().nullable(),
  })
  .indexes([{ name: "IDX_depot_fleet_location", on: ["location_id"], unique: true, where: "deleted_at IS NULL" }])

export default DepotFleet
