import { Migration } from "@medusajs/framework/mikro-orm/migrations";

export class Migration20261124100430 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table if not exists "delivery_run" ("id" text not null, "depot_location_id" text not null, "run_date" text not null, "vehicle" integer not null, "status" text check ("status" in ('planned', 'dispatched', 'completed', 'cancelled')) not null default 'planned', "stops" jsonb not null, "total_km" real not null, "units" integer not null, "transfer_ids" jsonb not null, "build_id" text not null, "baseline_km" real null, "created_by" text null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "delivery_run_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_delivery_run_deleted_at" ON "delivery_run" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_delivery_run_depot_date" ON "delivery_run" ("depot_location_id", "run_date") WHERE deleted_at IS NULL;`);

    this.addSql(`create table if not exists "depot_fleet" ("id" text not null, "location_id" text not null, "vehicle_count" integer not null, "capacity_units" integer not null, "capacity_volume" real null, "max_route_km" real null, "max_duration_minutes" integer null, "speed_kmh" real not null default 35, "service_minutes" integer not null default 15, "available_from" text not null default '06:00', "available_until" text null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "depot_fleet_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_depot_fleet_deleted_at" ON "depot_fleet" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_depot_fleet_location" ON "depot_fleet" ("location_id") WHERE deleted_at IS NULL;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "delivery_run" cascade;`);

    this.addSql(`drop table if exists "depot_fleet" cascade;`);
  }

}
