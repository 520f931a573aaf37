import { Migration } from '@mikro-orm/migrations';

/** Written by hand (the ledger's tables are outside the schema diff): a user's and a task's accounts found by index. */
export class Migration20261125193000_ledger_lookups extends Migration {

  override name = 'Migration20261125193000_ledger_lookups';

  override up(): void | Promise<void> {
    this.addSql(`create index "ledger_account_user_index" on "ledger_account" ("user_id", "kind", "currency") where "user_id" is not null;`);
    this.addSql(`create index "ledger_account_task_index" on "ledger_account" ("task_id") where "task_id" is not null;`);
  }

  override down(): void | Promise<void> {
    this.addSql(`drop index "ledger_account_user_index";`);
    this.addSql(`drop index "ledger_account_task_index";`);
  }

}
