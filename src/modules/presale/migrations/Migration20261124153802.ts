import { Migration } from "@medusajs/framework/mikro-orm/migrations";

export class Migration20261124153802 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table if not exists "presale_campaign" ("id" text not null, "title" text not null, "description" text null, "status" text check ("status" in ('draft', 'active', 'closed', 'canceled')) not null default 'draft', "region_id" text not null, "currency_code" text not null default 'cny', "location_id" text not null, "payment_mode" text check ("payment_mode" in ('full', 'deposit')) not null default 'full', "deposit" numeric null, "deposit_value" numeric null, "balance_opens_at" timestamptz null, "balance_closes_at" timestamptz null, "ship_date" timestamptz not null, "shipping_option_id" text null, "supply_kind" text check ("supply_kind" in ('purchase_order', 'expected_arrival', 'stock_at_location')) not null default 'expected_arrival', "supply_reference" text null, "supply_expected_at" timestamptz null, "supply_location_id" text null, "per_member_limit" integer null, "per_phone_limit" integer null, "channel_caps" jsonb null, "payment_ttl_minutes" integer not null default 30, "cancel_refund" text check ("cancel_refund" in ('full', 'keep_deposit')) not null default 'full', "buckets" integer not null default 1, "metadata" jsonb null, "raw_deposit" jsonb null, "raw_deposit_value" jsonb null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "presale_campaign_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_presale_campaign_deleted_at" ON "presale_campaign" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_presale_campaign_status" ON "presale_campaign" ("status") WHERE deleted_at IS NULL;`);

    this.addSql(`create table if not exists "presale_counter" ("id" text not null, "campaign_id" text not null, "item_id" text not null, "bucket" integer not null, "sold" integer not null default 0, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "presale_counter_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_presale_counter_deleted_at" ON "presale_counter" ("deleted_at") WHERE deleted_at IS NULL;`);
    // Units given back never take a counter below zero: a double release would fail loudly.
    this.addSql(`alter table if exists "presale_counter" add constraint "presale_counter_sold_check" check ("sold" >= 0);`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_presale_counter_item_bucket" ON "presale_counter" ("item_id", "bucket") WHERE deleted_at IS NULL;`);

    this.addSql(`create table if not exists "presale_item" ("id" text not null, "campaign_id" text not null, "variant_id" text not null, "product_id" text not null, "inventory_item_id" text not null, "title" text not null, "sku" text null, "quantity" integer not null, "price" numeric not null, "converted" integer not null default 0, "raw_price" jsonb not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "presale_item_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_presale_item_campaign_id" ON "presale_item" ("campaign_id") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_presale_item_deleted_at" ON "presale_item" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_presale_item_campaign_variant" ON "presale_item" ("campaign_id", "variant_id") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_presale_item_variant" ON "presale_item" ("variant_id") WHERE deleted_at IS NULL;`);

    this.addSql(`create table if not exists "presale_quota_use" ("id" text not null, "campaign_id" text not null, "kind" text check ("kind" in ('member', 'phone', 'channel')) not null, "subject" text not null, "units" integer not null default 0, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "presale_quota_use_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_presale_quota_use_deleted_at" ON "presale_quota_use" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_presale_quota_use_subject" ON "presale_quota_use" ("campaign_id", "kind", "subject") WHERE deleted_at IS NULL;`);

    this.addSql(`create table if not exists "presale_reservation" ("id" text not null, "campaign_id" text not null, "item_id" text not null, "variant_id" text not null, "quantity" integer not null, "customer_id" text not null, "member_id" text null, "phone" text null, "sales_channel_id" text not null, "tier_priority" integer not null default 0, "bucket" integer not null default 0, "status" text check ("status" in ('reserved', 'deposit_paid', 'paid', 'converted', 'expired', 'canceled', 'forfeited')) not null default 'reserved', "order_id" text null, "deposit_collection_id" text null, "balance_collection_id" text null, "total" numeric not null, "first_payment" numeric not null, "balance" numeric not null, "expires_at" timestamptz null, "first_paid_at" timestamptz null, "balance_paid_at" timestamptz null, "converted_at" timestamptz null, "location_id" text null, "ended_at" timestamptz null, "end_reason" text null, "waitlist_entry_id" text null, "shipping_address" jsonb null, "metadata" jsonb null, "raw_total" jsonb not null, "raw_first_payment" jsonb not null, "raw_balance" jsonb not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "presale_reservation_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_presale_reservation_deleted_at" ON "presale_reservation" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_presale_reservation_campaign_status" ON "presale_reservation" ("campaign_id", "status") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_presale_reservation_customer" ON "presale_reservation" ("customer_id") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_presale_reservation_expiry" ON "presale_reservation" ("expires_at") WHERE deleted_at IS NULL AND status = 'reserved';`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_presale_reservation_order" ON "presale_reservation" ("order_id") WHERE deleted_at IS NULL;`);

    this.addSql(`create table if not exists "presale_waitlist_entry" ("id" text not null, "campaign_id" text not null, "item_id" text not null, "quantity" integer not null, "customer_id" text not null, "member_id" text null, "phone" text null, "sales_channel_id" text not null, "tier_priority" integer not null default 0, "status" text check ("status" in ('waiting', 'promoted', 'left', 'refused')) not null default 'waiting', "reservation_id" text null, "reason" text null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "presale_waitlist_entry_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_presale_waitlist_entry_deleted_at" ON "presale_waitlist_entry" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_presale_waitlist_queue" ON "presale_waitlist_entry" ("campaign_id", "status", "tier_priority", "created_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_presale_waitlist_customer" ON "presale_waitlist_entry" ("campaign_id", "item_id", "customer_id") WHERE deleted_at IS NULL AND status = 'waiting';`);

    this.addSql(`create table if not exists "presale_window" ("id" text not null, "campaign_id" text not null, "opens_at" timestamptz not null, "tier_id" text null, "min_priority" integer not null default 0, "share" real null, "label" text null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "presale_window_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_presale_window_campaign_id" ON "presale_window" ("campaign_id") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_presale_window_deleted_at" ON "presale_window" ("deleted_at") WHERE deleted_at IS NULL;`);

    this.addSql(`alter table if exists "presale_item" add constraint "presale_item_campaign_id_foreign" foreign key ("campaign_id") references "presale_campaign" ("id") on update cascade on delete cascade;`);

    this.addSql(`alter table if exists "presale_window" add constraint "presale_window_campaign_id_foreign" foreign key ("campaign_id") references "presale_campaign" ("id") on update cascade on delete cascade;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table if exists "presale_item" drop constraint if exists "presale_item_campaign_id_foreign";`);

    this.addSql(`alter table if exists "presale_window" drop constraint if exists "presale_window_campaign_id_foreign";`);

    this.addSql(`drop table if exists "presale_campaign" cascade;`);

    this.addSql(`drop table if exists "presale_counter" cascade;`);

    this.addSql(`drop table if exists "presale_item" cascade;`);

    this.addSql(`drop table if exists "presale_quota_use" cascade;`);

    this.addSql(`drop table if exists "presale_reservation" cascade;`);

    this.addSql(`drop table if exists "presale_waitlist_entry" cascade;`);

    this.addSql(`drop table if exists "presale_window" cascade;`);
  }

}
