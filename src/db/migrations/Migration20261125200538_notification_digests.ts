import { Migration } from '@mikro-orm/migrations';

export class Migration20261125200538_notification_digests extends Migration {

  override name = 'Migration20261125200538_notification_digests';

  override up(): void | Promise<void> {
    this.addSql(`create table "notification_digest_item" ("id" bigserial primary key, "user_id" int not null, "title" varchar(200) not null, "body" text not null, "created_at" timestamptz not null);`);
    this.addSql(`create index "notification_digest_item_user_id_index" on "notification_digest_item" ("user_id");`);

    this.addSql(`alter table "notification_digest_item" add constraint "notification_digest_item_user_id_foreign" foreign key ("user_id") references "app_user" ("id") on delete cascade;`);
  }

  override down(): void | Promise<void> {
    this.addSql(`drop table if exists "notification_digest_item" cascade;`);
  }

}
