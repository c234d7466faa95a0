import { Migration } from "@medusajs/framework/mikro-orm/migrations";

export class Migration20261124093408 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table if not exists "service_target" ("id" text not null, "territory_id" text null, "category_id" text null, "abc_class" text check ("abc_class" in ('A', 'B', 'C')) null, "xyz_class" text check ("xyz_class" in ('X', 'Y', 'Z')) null, "level" real not null, "type" text check ("type" in ('cycle', 'fill_rate')) not null default 'cycle', "scope_key" text not null, "created_by" text null, "metadata" jsonb null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "service_target_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_service_target_deleted_at" ON "service_target" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_service_target_scope_key" ON "service_target" ("scope_key") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_service_target_territory_id" ON "service_target" ("territory_id") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_service_target_category_id" ON "service_target" ("category_id") WHERE deleted_at IS NULL;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "service_target" cascade;`);
  }

}
