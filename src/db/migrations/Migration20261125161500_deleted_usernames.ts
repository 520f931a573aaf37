import { Migration } from '@mikro-orm/migrations';

/** Deleted accounts move to names no one can register (see deletedUsername in auth.service). */
export class Migration20261125161500_deleted_usernames extends Migration {

  override name = 'Migration20261125161500_deleted_usernames';

  override up(): void | Promise<void> {
    this.addSql(`update "app_user" set "username" = '~deleted-' || "id" where "deleted_at" is not null;`);
  }

  override down(): void | Promise<void> {
    this.addSql(`update "app_user" set "username" = 'deleted-' || "id" where "deleted_at" is not null;`);
  }

}
