import { Migration } from '@mikro-orm/migrations';

export class Migration20261125195414_notifications extends Migration {

  override name = 'Migration20261125195414_notifications';

  override up(): void | Promise<void> {
    this.addSql(`create table "notification_preferences" ("user_id" int not null, "email_enabled" boolean not null, "in_app_enabled" boolean not null, "digest" text not null, "types" jsonb not null, "updated_at" timestamptz not null, primary key ("user_id"));`);

    this.addSql(`create table "notification" ("id" bigserial primary key, "recipient_id" int not null, "type" text not null, "title" varchar(200) not null, "body" text not null, "actor_id" int null, "target_kind" text null, "target_id" int null, "target_url" varchar(300) null, "event_id" bigint null, "read_at" timestamptz null, "created_at" timestamptz not null);`);
    this.addSql(`alter table "notification" add constraint "notification_event_id_unique" unique ("event_id");`);
    this.addSql(`create index "notification_inbox_index" on "notification" ("recipient_id", "id" desc);`);
    this.addSql(`create index "notification_unread_index" on "notification" ("recipient_id") where "read_at" is null;`);

    this.addSql(`create index "domain_event_pending_index" on "domain_event" ("recipient_id", "id") where "processed_at" is null;`);
    this.addSql(`create or replace function "domain_event_domain_event_notify_fn"() returns trigger as \$\$ begin perform pg_notify('domain_event', new.recipient_id::text); return null; end; \$\$ language plpgsql;`);
    this.addSql(`create trigger "domain_event_notify" AFTER INSERT on "domain_event" for each ROW execute function "domain_event_domain_event_notify_fn"();`);

    this.addSql(`alter table "notification_preferences" add constraint "notification_preferences_user_id_foreign" foreign key ("user_id") references "app_user" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "notification_preferences" add constraint "notification_preferences_digest_check" check ("digest" in ('none', 'daily', 'weekly'));`);

    this.addSql(`alter table "notification" add constraint "notification_recipient_id_foreign" foreign key ("recipient_id") references "app_user" ("id") on delete cascade;`);
    this.addSql(`alter table "notification" add constraint "notification_actor_id_foreign" foreign key ("actor_id") references "app_user" ("id") on delete set null;`);
    this.addSql(`alter table "notification" add constraint "notification_type_check" check ("type" in ('application_received', 'application_accepted', 'application_rejected', 'message_received', 'task_completed', 'task_cancelled', 'review_received', 'payment_received', 'payment_released', 'payment_refunded', 'withdrawal_paid', 'withdrawal_failed'));`);
    this.addSql(`alter table "notification" add constraint "notification_target_kind_check" check ("target_kind" in ('task', 'application', 'conversation', 'escrow', 'withdrawal', 'review'));`);
  }

  override down(): void | Promise<void> {
    this.addSql(`drop table if exists "notification_preferences" cascade;`);
    this.addSql(`drop table if exists "notification" cascade;`);

    this.addSql(`drop index "domain_event_pending_index";`);
    this.addSql(`drop trigger if exists "domain_event_notify" on "domain_event";`);
    this.addSql(`drop function if exists "domain_event_domain_event_notify_fn"();`);
  }

}
