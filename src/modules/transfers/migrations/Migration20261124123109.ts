import { Migration } from "@medusajs/framework/mikro-orm/migrations";

export class Migration20261124123109 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table if exists "transfer_movement" drop constraint if exists "transfer_movement_kind_check";`);

    this.addSql(`alter table if exists "order_allocation" add column if not exists "released_at" timestamptz null;`);

    this.addSql(`alter table if exists "order_allocation_line" add column if not exists "transfer_id" text null;`);

    this.addSql(`alter table if exists "transfer_line" add column if not exists "order_line_item_id" text null;`);

    this.addSql(`alter table if exists "transfer_movement" add constraint "transfer_movement_kind_check" check("kind" in ('reserve', 'release', 'ship', 'receive', 'over', 'damage', 'reject', 'close_short', 'order_reserve'));`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table if exists "transfer_movement" drop constraint if exists "transfer_movement_kind_check";`);

    this.addSql(`alter table if exists "order_allocation" drop column if exists "released_at";`);

    this.addSql(`alter table if exists "order_allocation_line" drop column if exists "transfer_id";`);

    this.addSql(`alter table if exists "transfer_line" drop column if exists "order_line_item_id";`);

    this.addSql(`alter table if exists "transfer_movement" add constraint "transfer_movement_kind_check" check("kind" in ('reserve', 'release', 'ship', 'receive', 'over', 'damage', 'reject', 'close_short'));`);
  }

}
