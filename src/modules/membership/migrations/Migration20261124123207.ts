import { Migration } from "@medusajs/framework/mikro-orm/migrations";

export class Migration20261124123207 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table if not exists "member_consent" ("id" text not null, "member_id" text not null, "kind" text not null, "version" text not null, "granted" boolean not null, "channel" text null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "member_consent_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_member_consent_deleted_at" ON "member_consent" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_member_consent_member" ON "member_consent" ("member_id", "kind", "created_at") WHERE deleted_at IS NULL;`);

    this.addSql(`create table if not exists "member_coupon" ("id" text not null, "member_id" text not null, "promotion_id" text not null, "code" text not null, "status" text check ("status" in ('granted', 'redeemed', 'expired', 'revoked')) not null default 'granted', "source" text not null, "source_id" text null, "expires_at" timestamptz null, "redeemed_at" timestamptz null, "order_id" text null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "member_coupon_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_member_coupon_deleted_at" ON "member_coupon" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_member_coupon_code" ON "member_coupon" ("code") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_member_coupon_member" ON "member_coupon" ("member_id", "status") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_member_coupon_source" ON "member_coupon" ("member_id", "source", "source_id") WHERE deleted_at IS NULL AND source_id IS NOT NULL;`);

    this.addSql(`create table if not exists "member_earn_rule" ("id" text not null, "name" text not null, "kind" text check ("kind" in ('base', 'bonus')) not null, "points_per_yuan" real null, "multiplier" real null, "sales_channel_id" text null, "category_id" text null, "shop_id" text null, "weekdays" jsonb null, "month_days" jsonb null, "starts_at" timestamptz null, "ends_at" timestamptz null, "active" boolean not null default true, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "member_earn_rule_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_member_earn_rule_deleted_at" ON "member_earn_rule" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_member_earn_rule_active" ON "member_earn_rule" ("active") WHERE deleted_at IS NULL;`);

    this.addSql(`create table if not exists "member_merge" ("id" text not null, "survivor_id" text not null, "absorbed_id" text not null, "absorbed_customer_id" text not null, "moved" jsonb not null, "reason" text not null, "actor" text null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "member_merge_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_member_merge_deleted_at" ON "member_merge" ("deleted_at") WHERE deleted_at IS NULL;`);

    this.addSql(`create table if not exists "member_otp" ("id" text not null, "phone" text not null, "purpose" text not null, "customer_id" text null, "code_hash" text not null, "expires_at" timestamptz not null, "attempts" integer not null default 0, "consumed_at" timestamptz null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "member_otp_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_member_otp_deleted_at" ON "member_otp" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_member_otp_phone" ON "member_otp" ("phone", "created_at") WHERE deleted_at IS NULL;`);

    this.addSql(`create table if not exists "member_program" ("id" text not null, "downgrade_policy" text check ("downgrade_policy" in ('one_step', 'recompute')) not null default 'one_step', "grace_days" integer not null default 0, "return_window_days" jsonb not null, "expiry" jsonb not null, "redeem_points_per_yuan" integer not null default 100, "redeem_block" integer not null default 100, "redeem_max_share" real not null default 0.5, "consent_version" text not null default '1', "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "member_program_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_member_program_deleted_at" ON "member_program" ("deleted_at") WHERE deleted_at IS NULL;`);

    this.addSql(`create table if not exists "member_tier" ("id" text not null, "code" text not null, "name" text not null, "name_en" text null, "rank" integer not null, "qualify_spend" numeric null, "qualify_points" integer null, "points_multiplier" real not null default 1, "customer_group_id" text null, "free_shipping_threshold" numeric null, "presale_priority" integer not null default 0, "birthday_promotion_id" text null, "metadata" jsonb null, "raw_qualify_spend" jsonb null, "raw_free_shipping_threshold" jsonb null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "member_tier_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_member_tier_deleted_at" ON "member_tier" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_member_tier_code" ON "member_tier" ("code") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_member_tier_rank" ON "member_tier" ("rank") WHERE deleted_at IS NULL;`);

    this.addSql(`create table if not exists "member" ("id" text not null, "customer_id" text not null, "status" text check ("status" in ('active', 'merged', 'erased')) not null default 'active', "tier_id" text null, "tier_since" timestamptz null, "tier_grace_until" timestamptz null, "joined_at" timestamptz not null, "joined_via" text null, "joined_shop_id" text null, "birthday" text null, "points_available" integer not null default 0, "points_pending" integer not null default 0, "points_held" integer not null default 0, "merged_into_id" text null, "erased_at" timestamptz null, "metadata" jsonb null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "member_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_member_tier_id" ON "member" ("tier_id") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_member_deleted_at" ON "member" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_member_customer_id" ON "member" ("customer_id") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_member_joined_at" ON "member" ("joined_at") WHERE deleted_at IS NULL;`);

    this.addSql(`create table if not exists "member_identity" ("id" text not null, "member_id" text not null, "kind" text check ("kind" in ('phone', 'wechat_unionid', 'wechat_openid', 'douyin_openid', 'pos_card')) not null, "app_id" text not null default '', "value" text not null, "verified_at" timestamptz null, "verified_by" text null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "member_identity_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_member_identity_member_id" ON "member_identity" ("member_id") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_member_identity_deleted_at" ON "member_identity" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_member_identity_value" ON "member_identity" ("kind", "app_id", "value") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_member_identity_member" ON "member_identity" ("member_id") WHERE deleted_at IS NULL;`);

    this.addSql(`create table if not exists "member_tier_change" ("id" text not null, "member_id" text not null, "from_tier_id" text null, "to_tier_id" text not null, "reason" text not null, "spend_12m" numeric null, "points_12m" integer null, "actor" text null, "raw_spend_12m" jsonb null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "member_tier_change_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_member_tier_change_deleted_at" ON "member_tier_change" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_member_tier_change_member" ON "member_tier_change" ("member_id", "created_at") WHERE deleted_at IS NULL;`);

    this.addSql(`create table if not exists "points_entry" ("id" text not null, "member_id" text not null, "kind" text check ("kind" in ('earn', 'redeem', 'expire', 'adjust', 'reverse')) not null, "status" text check ("status" in ('pending', 'available')) not null default 'available', "points" integer not null, "remaining" integer not null default 0, "amount" numeric not null default 0, "source_type" text not null, "source_id" text not null, "related_entry_id" text null, "order_id" text null, "sales_channel_id" text null, "shop_id" text null, "actor" text null, "reason" text null, "available_at" timestamptz null, "expires_at" timestamptz null, "lines" jsonb null, "raw_amount" jsonb not null default '{"value":"0","precision":20}', "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "points_entry_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_points_entry_deleted_at" ON "points_entry" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_points_entry_source" ON "points_entry" ("source_type", "source_id", "kind") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_points_entry_member" ON "points_entry" ("member_id", "created_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_points_entry_lots" ON "points_entry" ("member_id", "expires_at") WHERE deleted_at IS NULL AND remaining > 0;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_points_entry_maturing" ON "points_entry" ("available_at") WHERE deleted_at IS NULL AND status = 'pending';`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_points_entry_order" ON "points_entry" ("order_id") WHERE deleted_at IS NULL AND order_id IS NOT NULL;`);

    this.addSql(`create table if not exists "points_hold" ("id" text not null, "member_id" text not null, "cart_id" text not null, "points" integer not null, "amount" numeric not null, "currency_code" text not null, "promotion_id" text null, "code" text not null, "status" text check ("status" in ('held', 'consumed', 'released')) not null default 'held', "order_id" text null, "expires_at" timestamptz not null, "released_reason" text null, "raw_amount" jsonb not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "points_hold_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_points_hold_deleted_at" ON "points_hold" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_points_hold_cart" ON "points_hold" ("cart_id") WHERE deleted_at IS NULL AND status = 'held';`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_points_hold_member" ON "points_hold" ("member_id", "status") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_points_hold_expiry" ON "points_hold" ("expires_at") WHERE deleted_at IS NULL AND status = 'held';`);

    this.addSql(`create table if not exists "points_take" ("id" text not null, "entry_id" text not null, "lot_id" text not null, "points" integer not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "points_take_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_points_take_deleted_at" ON "points_take" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_points_take_entry" ON "points_take" ("entry_id") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_points_take_lot" ON "points_take" ("lot_id") WHERE deleted_at IS NULL;`);

    this.addSql(`alter table if exists "member" add constraint "member_tier_id_foreign" foreign key ("tier_id") references "member_tier" ("id") on update cascade on delete set null;`);

    this.addSql(`alter table if exists "member_identity" add constraint "member_identity_member_id_foreign" foreign key ("member_id") references "member" ("id") on update cascade;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table if exists "member" drop constraint if exists "member_tier_id_foreign";`);

    this.addSql(`alter table if exists "member_identity" drop constraint if exists "member_identity_member_id_foreign";`);

    this.addSql(`drop table if exists "member_consent" cascade;`);

    this.addSql(`drop table if exists "member_coupon" cascade;`);

    this.addSql(`drop table if exists "member_earn_rule" cascade;`);

    this.addSql(`drop table if exists "member_merge" cascade;`);

    this.addSql(`drop table if exists "member_otp" cascade;`);

    this.addSql(`drop table if exists "member_program" cascade;`);

    this.addSql(`drop table if exists "member_tier" cascade;`);

    this.addSql(`drop table if exists "member" cascade;`);

    this.addSql(`drop table if exists "member_identity" cascade;`);

    this.addSql(`drop table if exists "member_tier_change" cascade;`);

    this.addSql(`drop table if exists "points_entry" cascade;`);

    this.addSql(`drop table if exists "points_hold" cascade;`);

    this.addSql(`drop table if exists "points_take" cascade;`);
  }

}
