import { Migration } from "@medusajs/framework/mikro-orm/migrations";

export class Migration20261124094822 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table if exists "shop" add column if not exists "receiving_hours" jsonb null;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table if exists "shop" drop column if exists "receiving_hours";`);
  }

}
