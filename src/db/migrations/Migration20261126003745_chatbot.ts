import { Migration } from '@mikro-orm/migrations';

export class Migration20261126003745_chatbot extends Migration {

  override name = 'Migration20261126003745_chatbot';

  override up(): void | Promise<void> {
    this.addSql(`create table "chat_session" ("id" serial primary key, "user_id" int not null, "title" varchar(120) not null, "status" text not null default 'active', "task_draft" jsonb null, "drafts_extracted" int not null default 0, "messages_count" int not null default 0, "last_message_at" timestamptz null, "created_at" timestamptz not null, "ended_at" timestamptz null);`);
    this.addSql(`create index "chat_session_user_index" on "chat_session" ("user_id", "id" desc);`);
    this.addSql(`create index "chat_session_idle_index" on "chat_session" ("last_message_at") where "status" = 'active';`);

    this.addSql(`create table "chat_message" ("id" serial primary key, "session_id" int not null, "role" text not null, "content" text not null, "rating" text null, "rating_comment" text null, "created_at" timestamptz not null);`);
    this.addSql(`create index "chat_message_session_index" on "chat_message" ("session_id", "id");`);

    this.addSql(`create table "assistant_usage" ("id" serial primary key, "user_id" int not null, "session_id" int null, "message_id" int null, "operation" text not null, "model" varchar(200) not null, "prompt_tokens" int not null, "completion_tokens" int not null, "created_at" timestamptz not null);`);
    this.addSql(`create index "assistant_usage_user_id_index" on "assistant_usage" ("user_id");`);

    this.addSql(`alter table "chat_session" add constraint "chat_session_user_id_foreign" foreign key ("user_id") references "app_user" ("id") on delete cascade;`);
    this.addSql(`alter table "chat_session" add constraint "chat_session_status_check" check ("status" in ('active', 'ended'));`);

    this.addSql(`alter table "chat_message" add constraint "chat_message_session_id_foreign" foreign key ("session_id") references "chat_session" ("id") on delete cascade;`);
    this.addSql(`alter table "chat_message" add constraint "chat_message_role_check" check ("role" in ('user', 'assistant'));`);
    this.addSql(`alter table "chat_message" add constraint "chat_message_rating_check" check ("rating" in ('up', 'down'));`);

    this.addSql(`alter table "assistant_usage" add constraint "assistant_usage_user_id_foreign" foreign key ("user_id") references "app_user" ("id") on delete cascade;`);
    this.addSql(`alter table "assistant_usage" add constraint "assistant_usage_session_id_foreign" foreign key ("session_id") references "chat_session" ("id") on delete set null;`);
    this.addSql(`alter table "assistant_usage" add constraint "assistant_usage_message_id_foreign" foreign key ("message_id") references "chat_message" ("id") on delete set null;`);
    this.addSql(`alter table "assistant_usage" add constraint "assistant_usage_operation_check" check ("operation" in ('chat', 'extract_task', 'suggest_category'));`);
  }

  override down(): void | Promise<void> {
    this.addSql(`alter table "chat_message" drop constraint "chat_message_session_id_foreign";`);
    this.addSql(`alter table "assistant_usage" drop constraint "assistant_usage_session_id_foreign";`);
    this.addSql(`alter table "assistant_usage" drop constraint "assistant_usage_message_id_foreign";`);

    this.addSql(`drop table if exists "chat_session" cascade;`);
    this.addSql(`drop table if exists "chat_message" cascade;`);
    this.addSql(`drop table if exists "assistant_usage" cascade;`);
  }

}
