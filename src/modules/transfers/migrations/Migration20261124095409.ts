import { Migration } from "@medusajs/framework/mikro-orm/migrations";

export class Migration20261124095409 extends Migration {

  override async up(): Promise<void> {
    // Document numbers (TR-000123) come from a sequence: unique across processes, never reused.
    this.addSql(`CREATE SEQUENCE IF NOT EXISTS "transfer_number_seq";`);
    this.addSql(`create table if not exists "transfer" ("id" text not null, "number" text not null, "origin" text check ("origin" in ('manual', 'plan', 'allocation', 'distribution')) not null default 'manual', "status" text check ("status" in ('draft', 'requested', 'approved', 'in_transit', 'partially_received', 'received', 'closed_short', 'cancelled')) not null default 'draft', "source_location_id" text not null, "reason" text null, "note" text null, "plan_id" text null, "order_id" text null, "created_by" text null, "requested_at" timestamptz null, "approved_at" timestamptz null, "approved_by" text null, "shipped_at" timestamptz null, "shipped_by" text null, "received_at" timestamptz null, "closed_at" timestamptz null, "cancelled_at" timestamptz null, "metadata" jsonb null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "transfer_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_transfer_deleted_at" ON "transfer" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_transfer_number" ON "transfer" ("number") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_transfer_status" ON "transfer" ("status") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_transfer_source" ON "transfer" ("source_location_id", "status") WHERE deleted_at IS NULL;`);

    this.addSql(`create table if not exists "transfer_line" ("id" text not null, "transfer_id" text not null, "destination_location_id" text not null, "variant_id" text not null, "inventory_item_id" text not null, "units_per_item" integer not null default 1, "status" text check ("status" in ('pending', 'approved', 'rejected')) not null default 'pending', "quantity_requested" integer not null, "quantity_approved" integer not null default 0, "quantity_shipped" integer not null default 0, "quantity_received" integer not null default 0, "quantity_over" integer not null default 0, "quantity_damaged" integer not null default 0, "quantity_rejected" integer not null default 0, "quantity_closed_short" integer not null default 0, "reservation_id" text null, "expected_at" timestamptz null, "proposal_ids" jsonb null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "transfer_line_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_transfer_line_transfer_id" ON "transfer_line" ("transfer_id") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_transfer_line_deleted_at" ON "transfer_line" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_transfer_line_destination" ON "transfer_line" ("destination_location_id") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_transfer_line_variant" ON "transfer_line" ("variant_id") WHERE deleted_at IS NULL;`);

    this.addSql(`create table if not exists "transfer_movement" ("id" text not null, "seq" serial, "transfer_id" text not null, "line_id" text null, "kind" text check ("kind" in ('reserve', 'release', 'ship', 'receive', 'over', 'damage', 'reject', 'close_short')) not null, "action" text not null, "location_id" text not null, "inventory_item_id" text not null, "quantity" integer not null, "delta_stocked" integer not null default 0, "delta_reserved" integer not null default 0, "delta_incoming" integer not null default 0, "actor" text null, "reason" text null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "transfer_movement_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_transfer_movement_transfer_id" ON "transfer_movement" ("transfer_id") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_transfer_movement_deleted_at" ON "transfer_movement" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_transfer_movement_location_item" ON "transfer_movement" ("location_id", "inventory_item_id") WHERE deleted_at IS NULL;`);

    this.addSql(`alter table if exists "transfer_line" add constraint "transfer_line_transfer_id_foreign" foreign key ("transfer_id") references "transfer" ("id") on update cascade;`);

    this.addSql(`alter table if exists "transfer_movement" add constraint "transfer_movement_transfer_id_foreign" foreign key ("transfer_id") references "transfer" ("id") on update cascade;`);
  }

  override async down(): Promise<void> {
    this.addSql(`DROP SEQUENCE IF EXISTS "transfer_number_seq";`);
    this.addSql(`alter table if exists "transfer_line" drop constraint if exists "transfer_line_transfer_id_foreign";`);

    this.addSql(`alter table if exists "transfer_movement" drop constraint if exists "transfer_movement_transfer_id_foreign";`);

    this.addSql(`drop table if exists "transfer" cascade;`);

    this.addSql(`drop table if exists "transfer_line" cascade;`);

    this.addSql(`drop table if exists "transfer_movement" cascade;`);
  }

}
