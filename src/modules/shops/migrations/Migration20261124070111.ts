import { Migration } from "@medusajs/framework/mikro-orm/migrations";

export class Migration20261124070111 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table if exists "pos_token" drop constraint if exists "pos_token_hash_unique";`);
    this.addSql(`alter table if exists "shop" drop constraint if exists "shop_stock_location_id_unique";`);
    this.addSql(`alter table if exists "shop" drop constraint if exists "shop_code_unique";`);
    this.addSql(`alter table if exists "territory" drop constraint if exists "territory_code_unique";`);
    this.addSql(`create table if not exists "territory" ("id" text not null, "code" text not null, "name" text not null, "level" text check ("level" in ('hq', 'region', 'district')) not null, "parent_id" text null, "metadata" jsonb null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "territory_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_territory_parent_id" ON "territory" ("parent_id") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_territory_deleted_at" ON "territory" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_territory_code_unique" ON "territory" ("code") WHERE deleted_at IS NULL;`);

    this.addSql(`create table if not exists "shop" ("id" text not null, "code" text not null, "name" text not null, "kind" text check ("kind" in ('flagship', 'standard', 'mini', 'warehouse')) not null default 'standard', "status" text check ("status" in ('open', 'closed', 'planned')) not null default 'planned', "latitude" real not null, "longitude" real not null, "address" text null, "city" text not null, "province" text null, "phone" text null, "floor_area_m2" integer null, "staff_count" integer null, "opening_hours" jsonb null, "closures" jsonb null, "timezone" text not null default 'Asia/Shanghai', "stock_location_id" text not null, "territory_id" text null, "metadata" jsonb null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "shop_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_shop_territory_id" ON "shop" ("territory_id") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_shop_deleted_at" ON "shop" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_shop_code_unique" ON "shop" ("code") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_shop_stock_location_id_unique" ON "shop" ("stock_location_id") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_shop_lat_lng" ON "shop" ("latitude", "longitude") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_shop_city" ON "shop" ("city") WHERE deleted_at IS NULL;`);

    this.addSql(`create table if not exists "pos_token" ("id" text not null, "label" text not null, "token_hash" text not null, "token_hint" text not null, "created_by" text null, "last_used_at" timestamptz null, "revoked_at" timestamptz null, "shop_id" text not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "pos_token_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_pos_token_shop_id" ON "pos_token" ("shop_id") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_pos_token_deleted_at" ON "pos_token" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_pos_token_hash_unique" ON "pos_token" ("token_hash") WHERE deleted_at IS NULL;`);

    this.addSql(`alter table if exists "territory" add constraint "territory_parent_id_foreign" foreign key ("parent_id") references "territory" ("id") on update cascade on delete set null;`);

    this.addSql(`alter table if exists "shop" add constraint "shop_territory_id_foreign" foreign key ("territory_id") references "territory" ("id") on update cascade on delete set null;`);

    this.addSql(`alter table if exists "pos_token" add constraint "pos_token_shop_id_foreign" foreign key ("shop_id") references "shop" ("id") on update cascade;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table if exists "territory" drop constraint if exists "territory_parent_id_foreign";`);

    this.addSql(`alter table if exists "shop" drop constraint if exists "shop_territory_id_foreign";`);

    this.addSql(`alter table if exists "pos_token" drop constraint if exists "pos_token_shop_id_foreign";`);

    this.addSql(`drop table if exists "territory" cascade;`);

    this.addSql(`drop table if exists "shop" cascade;`);

    this.addSql(`drop table if exists "pos_token" cascade;`);
  }

}
