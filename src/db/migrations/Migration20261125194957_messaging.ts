import { Migration } from '@mikro-orm/migrations';

export class Migration20261125194957_messaging extends Migration {

  override name = 'Migration20261125194957_messaging';

  override up(): void | Promise<void> {
    this.addSql(`create table "conversation" ("id" serial primary key, "user_a_id" int not null, "user_b_id" int not null, "task_id" int null, "created_at" timestamptz not null, "updated_at" timestamptz not null);`);
    this.addSql(`create index "conversation_user_a_id_index" on "conversation" ("user_a_id");`);
    this.addSql(`create index "conversation_user_b_id_index" on "conversation" ("user_b_id");`);
    this.addSql(`create index "conversation_task_id_index" on "conversation" ("task_id");`);
    this.addSql(`create unique index "conversation_pair_task_unique" on "conversation" ("user_a_id", "user_b_id", coalesce("task_id", 0));`);

    this.addSql(`create table "message" ("id" serial primary key, "conversation_id" int not null, "sender_id" int not null, "content" text not null, "created_at" timestamptz not null, "read_at" timestamptz null);`);
    this.addSql(`create index "message_sender_id_index" on "message" ("sender_id");`);
    this.addSql(`create index "message_conversation_index" on "message" ("conversation_id", "id" desc);`);
    this.addSql(`create index "message_unread_index" on "message" ("conversation_id", "sender_id") where "read_at" is null;`);

    this.addSql(`alter table "domain_event" drop constraint "domain_event_type_check";`);
    this.addSql(`alter table "domain_event" add constraint "domain_event_type_check" check ("type" in ('application_received', 'application_accepted', 'application_rejected', 'application_withdrawn', 'task_completed', 'task_cancelled', 'review_received', 'message_received', 'payment_received', 'payment_released', 'payment_refunded', 'withdrawal_paid', 'withdrawal_failed'));`);

    this.addSql(`alter table "conversation" add constraint "conversation_user_a_id_foreign" foreign key ("user_a_id") references "app_user" ("id");`);
    this.addSql(`alter table "conversation" add constraint "conversation_user_b_id_foreign" foreign key ("user_b_id") references "app_user" ("id");`);
    this.addSql(`alter table "conversation" add constraint "conversation_task_id_foreign" foreign key ("task_id") references "task" ("id") on delete set null;`);

    this.addSql(`alter table "message" add constraint "message_conversation_id_foreign" foreign key ("conversation_id") references "conversation" ("id");`);
    this.addSql(`alter table "message" add constraint "message_sender_id_foreign" foreign key ("sender_id") references "app_user" ("id");`);
  }

  override down(): void | Promise<void> {
    this.addSql(`alter table "message" drop constraint "message_conversation_id_foreign";`);

    this.addSql(`drop table if exists "conversation" cascade;`);
    this.addSql(`drop table if exists "message" cascade;`);

    this.addSql(`alter table "domain_event" drop constraint "domain_event_type_check";`);
    this.addSql(`alter table "domain_event" add constraint "domain_event_type_check" check ("type" in ('application_received', 'application_accepted', 'application_rejected', 'application_withdrawn', 'task_completed', 'task_cancelled', 'review_received', 'payment_received', 'payment_released', 'payment_refunded', 'withdrawal_paid', 'withdrawal_failed'));`);
  }

}
