import { Migration } from "@medusajs/framework/mikro-orm/migrations";

export class Migration20261124081501 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table if exists "forecast_run" add column if not exists "as_of" text null, add column if not exists "policies_written" integer not null default 0, add column if not exists "overrides_kept" integer not null default 0, add column if not exists "resumed_count" integer not null default 0, add column if not exists "error" text null;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_forecast_run_one_running" ON "forecast_run" ("status") WHERE status = 'running' AND deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_forecast_run_created_at" ON "forecast_run" ("created_at") WHERE deleted_at IS NULL;`);

    this.addSql(`alter table if exists "stock_policy" add column if not exists "override_service_level" real null, add column if not exists "override_service_level_type" text check ("override_service_level_type" in ('cycle', 'fill_rate')) null, add column if not exists "overrides_applied" jsonb null, add column if not exists "last_run_id" text null;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_stock_policy_demand_class" ON "stock_policy" ("demand_class") WHERE deleted_at IS NULL;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop index if exists "IDX_forecast_run_one_running";`);
    this.addSql(`drop index if exists "IDX_forecast_run_created_at";`);
    this.addSql(`alter table if exists "forecast_run" drop column if exists "as_of", drop column if exists "policies_written", drop column if exists "overrides_kept", drop column if exists "resumed_count", drop column if exists "error";`);

    this.addSql(`drop index if exists "IDX_stock_policy_demand_class";`);
    this.addSql(`alter table if exists "stock_policy" drop column if exists "override_service_level", drop column if exists "override_service_level_type", drop column if exists "overrides_applied", drop column if exists "last_run_id";`);
  }

}
