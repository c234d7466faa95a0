import { Migration } from "@medusajs/framework/mikro-orm/migrations";

export class Migration20261124190657 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table if exists "presale_waitlist_entry" drop constraint if exists "presale_waitlist_entry_status_check";`);

    this.addSql(`alter table if exists "presale_waitlist_entry" add constraint "presale_waitlist_entry_status_check" check("status" in ('waiting', 'promoted', 'left', 'refused', 'closed'));`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table if exists "presale_waitlist_entry" drop constraint if exists "presale_waitlist_entry_status_check";`);

    this.addSql(`alter table if exists "presale_waitlist_entry" add constraint "presale_waitlist_entry_status_check" check("status" in ('waiting', 'promoted', 'left', 'refused'));`);
  }

}
