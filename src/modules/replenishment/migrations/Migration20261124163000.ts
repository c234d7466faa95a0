import { Migration } from "@medusajs/framework/mikro-orm/migrations";

/**
 * Forecast runs read demand_series in (location_id, id) order, so each location's proposals can
 * be evaluated as soon as its last chunk is written: the location index gains the id and keeps
 * serving the location-only lookups it served before.
 */
export class Migration20261124163000 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_demand_series_location_id_id" ON "demand_series" ("location_id", "id") WHERE deleted_at IS NULL;`);
    this.addSql(`DROP INDEX IF EXISTS "IDX_demand_series_location_id";`);
  }

  override async down(): Promise<void> {
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_demand_series_location_id" ON "demand_series" ("location_id") WHERE deleted_at IS NULL;`);
    this.addSql(`DROP INDEX IF EXISTS "IDX_demand_series_location_id_id";`);
  }

}
