import { Migration } from "@medusajs/framework/mikro-orm/migrations";

export class Migration20261124100044 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table if not exists "transfer_plan" ("id" text not null, "status" text check ("status" in ('proposed', 'applied', 'discarded')) not null default 'proposed', "scope" jsonb not null, "total_cost" real not null, "baseline_cost" real null, "result" jsonb not null, "proposal_ids" jsonb null, "transfer_ids" jsonb null, "created_by" text null, "applied_at" timestamptz null, "applied_by" text null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "transfer_plan_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_transfer_plan_deleted_at" ON "transfer_plan" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_transfer_plan_status" ON "transfer_plan" ("status") WHERE deleted_at IS NULL;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "transfer_plan" cascade;`);
  }

}
