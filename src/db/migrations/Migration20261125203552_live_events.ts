import { Migration } from '@mikro-orm/migrations';

export class Migration20261125203552_live_events extends Migration {

  override name = 'Migration20261125203552_live_events';

  override up(): void | Promise<void> {
    this.addSql(`create table "live_event" ("id" bigserial primary key, "user_id" int not null, "type" text not null, "payload" jsonb not null, "created_at" timestamptz not null, "transaction_id" xid8 not null default pg_current_xact_id());`);
    this.addSql(`create index "live_event_created_at_index" on "live_event" ("created_at");`);
    this.addSql(`create index "live_event_user_index" on "live_event" ("user_id", "id");`);

    this.addSql(`create table "stream_ticket" ("ticket" varchar(64) not null, "user_id" int not null, "expires_at" timestamptz not null, "used_at" timestamptz null, primary key ("ticket"));`);
    this.addSql(`create index "stream_ticket_expires_at_index" on "stream_ticket" ("expires_at");`);

    this.addSql(`alter table "live_event" add constraint "live_event_type_check" check ("type" in ('notification.created', 'message.created', 'conversation.read'));`);
    this.addSql(`create or replace function "live_event_live_event_notify_fn"() returns trigger as \$\$ begin perform pg_notify('live_event', new.user_id::text); return null; end; \$\$ language plpgsql;`);
    this.addSql(`create trigger "live_event_notify" AFTER INSERT on "live_event" for each ROW execute function "live_event_live_event_notify_fn"();`);

    this.addSql(`alter table "stream_ticket" add constraint "stream_ticket_user_id_foreign" foreign key ("user_id") references "app_user" ("id") on delete cascade;`);
  }

  override down(): void | Promise<void> {
    this.addSql(`drop trigger if exists "live_event_notify" on "live_event";`);
    this.addSql(`drop function if exists "live_event_live_event_notify_fn"();`);
    this.addSql(`drop table if exists "live_event" cascade;`);
    this.addSql(`drop table if exists "stream_ticket" cascade;`);
  }

}
