import { Migration } from '@mikro-orm/migrations';

export class Migration20261124221901_task_filters extends Migration {

  override name = 'Migration20261124221901_task_filters';

  override up(): void | Promise<void> {
    this.addSql(`create index "task_status_category_index" on "task" ("status", "category_id") where "deleted_at" is null;`);
  }

  override down(): void | Promise<void> {
    this.addSql(`drop index "task_status_category_index";`);
  }

}
