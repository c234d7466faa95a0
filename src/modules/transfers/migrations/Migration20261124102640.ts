import { Migration } from "@medusajs/framework/mikro-orm/migrations";

export class Migration20261124102640 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table if not exists "order_allocation" ("id" text not null, "order_id" text not null, "cart_id" text null, "strategy" text not null, "customer_point" jsonb null, "pickup_location_id" text null, "cost" real null, "reasons" jsonb null, "metadata" jsonb null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "order_allocation_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_order_allocation_deleted_at" ON "order_allocation" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_order_allocation_order_id" ON "order_allocation" ("order_id") WHERE deleted_at IS NULL;`);

    this.addSql(`create table if not exists "order_allocation_line" ("id" text not null, "allocation_id" text not null, "order_line_item_id" text not null, "cart_line_item_id" text null, "variant_id" text null, "location_id" text not null, "quantity" integer not null, "backorder_quantity" integer not null default 0, "below_safety" integer not null default 0, "part" integer not null default 1, "parts" integer not null default 1, "reasons" jsonb null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "order_allocation_line_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_order_allocation_line_allocation_id" ON "order_allocation_line" ("allocation_id") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_order_allocation_line_deleted_at" ON "order_allocation_line" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_order_allocation_line_location" ON "order_allocation_line" ("location_id") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_order_allocation_line_item" ON "order_allocation_line" ("order_line_item_id") WHERE deleted_at IS NULL;`);

    this.addSql(`alter table if exists "order_allocation_line" add constraint "order_allocation_line_allocation_id_foreign" foreign key ("allocation_id") references "order_allocation" ("id") on update cascade;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table if exists "order_allocation_line" drop constraint if exists "order_allocation_line_allocation_id_foreign";`);

    this.addSql(`drop table if exists "order_allocation" cascade;`);

    this.addSql(`drop table if exists "order_allocation_line" cascade;`);
  }

}
