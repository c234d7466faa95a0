import { Migration } from "@medusajs/framework/mikro-orm/migrations";

export class Migration20261124080154 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table if not exists "demand_event" ("id" text not null, "order_id" text not null, "line_item_id" text not null, "variant_id" text not null, "location_id" text not null, "kind" text check ("kind" in ('sold', 'returned', 'canceled')) not null, "reference" text not null default '', "quantity" integer not null, "business_date" text not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "demand_event_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_demand_event_deleted_at" ON "demand_event" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_demand_event_line_location_kind" ON "demand_event" ("line_item_id", "location_id", "kind", "reference") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_demand_event_order_id" ON "demand_event" ("order_id") WHERE deleted_at IS NULL;`);

    this.addSql(`create table if not exists "demand_series" ("id" text not null, "variant_id" text not null, "location_id" text not null, "origin_date" text null, "days" text not null, "format_version" integer not null default 1, "first_sale_date" text null, "last_sale_date" text null, "total_sold" integer not null default 0, "total_returned" integer not null default 0, "sale_days" integer not null default 0, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "demand_series_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_demand_series_deleted_at" ON "demand_series" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_demand_series_variant_location" ON "demand_series" ("variant_id", "location_id") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_demand_series_location_id" ON "demand_series" ("location_id") WHERE deleted_at IS NULL;`);

    this.addSql(`create table if not exists "forecast_run" ("id" text not null, "scope" jsonb not null, "status" text check ("status" in ('queued', 'running', 'completed', 'failed', 'canceled')) not null default 'queued', "started_at" timestamptz null, "finished_at" timestamptz null, "series_total" integer not null default 0, "series_done" integer not null default 0, "cursor" text null, "failure_count" integer not null default 0, "failures" jsonb null, "lease_owner" text null, "heartbeat_at" timestamptz null, "lease_expires_at" timestamptz null, "requested_by" text null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "forecast_run_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_forecast_run_deleted_at" ON "forecast_run" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_forecast_run_status" ON "forecast_run" ("status") WHERE deleted_at IS NULL;`);

    this.addSql(`create table if not exists "stock_policy" ("id" text not null, "variant_id" text not null, "location_id" text not null, "demand_class" text null, "method" text null, "forecast" jsonb null, "forecast_error" real null, "service_level_target" real not null default 0.95, "service_level_type" text check ("service_level_type" in ('cycle', 'fill_rate')) not null default 'cycle', "lead_time_mean_days" real null, "lead_time_sd_days" real null, "review_period_days" integer not null default 7, "safety_stock" integer null, "reorder_point" integer null, "order_up_to" integer null, "override_min" integer null, "override_max" integer null, "frozen" boolean not null default false, "computed_at" timestamptz null, "metadata" jsonb null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "stock_policy_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_stock_policy_deleted_at" ON "stock_policy" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_stock_policy_variant_location" ON "stock_policy" ("variant_id", "location_id") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_stock_policy_location_id" ON "stock_policy" ("location_id") WHERE deleted_at IS NULL;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "demand_event" cascade;`);

    this.addSql(`drop table if exists "demand_series" cascade;`);

    this.addSql(`drop table if exists "forecast_run" cascade;`);

    this.addSql(`drop table if exists "stock_policy" cascade;`);
  }

}
