import { Migration } from "@medusajs/framework/mikro-orm/migrations";

export class Migration20261124092842 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table if not exists "replenishment_proposal" ("id" text not null, "variant_id" text not null, "location_id" text not null, "status" text check ("status" in ('open', 'approved', 'dismissed', 'closed', 'consumed')) not null default 'open', "quantity" integer not null, "on_hand" integer not null, "reserved" integer not null, "incoming" integer not null, "pending" integer not null default 0, "position" integer not null, "reorder_point" integer not null, "order_up_to" integer not null, "reason" text not null, "details" jsonb null, "run_id" text null, "approved_at" timestamptz null, "approved_by" text null, "dismissed_at" timestamptz null, "dismissed_by" text null, "consumed_at" timestamptz null, "consumed_by" text null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "replenishment_proposal_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_replenishment_proposal_deleted_at" ON "replenishment_proposal" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_rprop_open_variant_location" ON "replenishment_proposal" ("variant_id", "location_id") WHERE status = 'open' AND deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_rprop_location_status" ON "replenishment_proposal" ("location_id", "status") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_rprop_variant_id" ON "replenishment_proposal" ("variant_id") WHERE deleted_at IS NULL;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "replenishment_proposal" cascade;`);
  }

}
