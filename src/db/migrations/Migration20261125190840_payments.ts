import { Migration } from '@mikro-orm/migrations';

export class Migration20261125190840_payments extends Migration {

  override name = 'Migration20261125190840_payments';

  override up(): void | Promise<void> {
    this.addSql(`create table "idempotency_key" ("id" bigserial primary key, "user_id" int not null, "key" varchar(255) not null, "operation" varchar(60) not null, "request_hash" varchar(64) not null, "response_status" int null, "response_body" jsonb null, "created_at" timestamptz not null);`);
    this.addSql(`create index "idempotency_key_created_at_index" on "idempotency_key" ("created_at");`);
    this.addSql(`alter table "idempotency_key" add constraint "idempotency_key_user_id_key_unique" unique ("user_id", "key");`);

    this.addSql(`create table "stripe_event" ("id" varchar(255) not null, "type" varchar(100) not null, "received_at" timestamptz not null, primary key ("id"));`);
    this.addSql(`create index "stripe_event_received_at_index" on "stripe_event" ("received_at");`);

    this.addSql(`create table "payment_method" ("id" serial primary key, "created_at" timestamptz not null, "updated_at" timestamptz not null, "user_id" int not null, "stripe_payment_method_id" varchar(255) not null, "brand" varchar(40) not null, "last4" varchar(4) not null, "exp_month" int not null, "exp_year" int not null, "is_default" boolean not null default false);`);
    this.addSql(`alter table "payment_method" add constraint "payment_method_user_id_stripe_payment_method_id_unique" unique ("user_id", "stripe_payment_method_id");`);
    this.addSql(`create unique index "payment_method_one_default" on "payment_method" ("user_id") where "is_default";`);

    this.addSql(`create table "payment_customer" ("id" serial primary key, "created_at" timestamptz not null, "updated_at" timestamptz not null, "user_id" int not null, "stripe_customer_id" varchar(255) not null);`);
    this.addSql(`alter table "payment_customer" add constraint "payment_customer_user_id_unique" unique ("user_id");`);
    this.addSql(`alter table "payment_customer" add constraint "payment_customer_stripe_customer_id_unique" unique ("stripe_customer_id");`);

    this.addSql(`create table "escrow" ("id" serial primary key, "created_at" timestamptz not null, "updated_at" timestamptz not null, "task_id" int not null, "client_id" int not null, "amount_minor" bigint not null, "currency" text not null, "status" text not null default 'pending_payment', "payment_intent_id" varchar(255) not null, "platform_fee_minor" bigint null, "freelancer_amount_minor" bigint null, "funded_at" timestamptz null, "released_at" timestamptz null, "refunded_at" timestamptz null, "cancelled_at" timestamptz null, "refund_id" varchar(255) null, "refund_reason" varchar(40) null);`);
    this.addSql(`create index "escrow_task_id_index" on "escrow" ("task_id");`);
    this.addSql(`create index "escrow_client_id_index" on "escrow" ("client_id");`);
    this.addSql(`alter table "escrow" add constraint "escrow_payment_intent_id_unique" unique ("payment_intent_id");`);
    this.addSql(`create index "escrow_funded_index" on "escrow" ("task_id") where "status" = 'funded';`);
    this.addSql(`create unique index "escrow_live_per_task" on "escrow" ("task_id") where "status" in ('pending_payment', 'funded');`);

    this.addSql(`create table "connect_account" ("id" serial primary key, "created_at" timestamptz not null, "updated_at" timestamptz not null, "user_id" int not null, "stripe_account_id" varchar(255) not null, "country" varchar(2) not null, "charges_enabled" boolean not null default false, "payouts_enabled" boolean not null default false, "details_submitted" boolean not null default false, "requirements_due" jsonb not null);`);
    this.addSql(`alter table "connect_account" add constraint "connect_account_user_id_unique" unique ("user_id");`);
    this.addSql(`alter table "connect_account" add constraint "connect_account_stripe_account_id_unique" unique ("stripe_account_id");`);

    this.addSql(`create table "withdrawal" ("id" serial primary key, "created_at" timestamptz not null, "updated_at" timestamptz not null, "user_id" int not null, "amount_minor" bigint not null, "currency" text not null, "status" text not null default 'pending', "stripe_account_id" varchar(255) not null, "stripe_transfer_id" varchar(255) null, "stripe_payout_id" varchar(255) null, "failure_reason" text null, "processed_at" timestamptz null);`);
    this.addSql(`create index "withdrawal_user_id_index" on "withdrawal" ("user_id");`);
    this.addSql(`alter table "withdrawal" add constraint "withdrawal_stripe_payout_id_unique" unique ("stripe_payout_id");`);

    this.addSql(`alter table "domain_event" drop constraint "domain_event_type_check";`);
    this.addSql(`alter table "domain_event" add constraint "domain_event_type_check" check ("type" in ('application_received', 'application_accepted', 'application_rejected', 'application_withdrawn', 'task_completed', 'task_cancelled', 'review_received', 'payment_received', 'payment_released', 'payment_refunded', 'withdrawal_paid', 'withdrawal_failed'));`);

    this.addSql(`alter table "payment_method" add constraint "payment_method_user_id_foreign" foreign key ("user_id") references "app_user" ("id");`);

    this.addSql(`alter table "payment_customer" add constraint "payment_customer_user_id_foreign" foreign key ("user_id") references "app_user" ("id");`);

    this.addSql(`alter table "escrow" add constraint "escrow_task_id_foreign" foreign key ("task_id") references "task" ("id");`);
    this.addSql(`alter table "escrow" add constraint "escrow_client_id_foreign" foreign key ("client_id") references "app_user" ("id");`);
    this.addSql(`alter table "escrow" add constraint "escrow_currency_check" check ("currency" in ('usd', 'eur', 'gbp'));`);
    this.addSql(`alter table "escrow" add constraint "escrow_status_check" check ("status" in ('pending_payment', 'funded', 'released', 'refunded', 'cancelled'));`);

    this.addSql(`alter table "connect_account" add constraint "connect_account_user_id_foreign" foreign key ("user_id") references "app_user" ("id");`);

    this.addSql(`alter table "withdrawal" add constraint "withdrawal_user_id_foreign" foreign key ("user_id") references "app_user" ("id");`);
    this.addSql(`alter table "withdrawal" add constraint "withdrawal_currency_check" check ("currency" in ('usd', 'eur', 'gbp'));`);
    this.addSql(`alter table "withdrawal" add constraint "withdrawal_status_check" check ("status" in ('pending', 'processing', 'paid', 'failed'));`);
  }

  override down(): void | Promise<void> {
    this.addSql(`drop table if exists "idempotency_key" cascade;`);
    this.addSql(`drop table if exists "stripe_event" cascade;`);
    this.addSql(`drop table if exists "payment_method" cascade;`);
    this.addSql(`drop table if exists "payment_customer" cascade;`);
    this.addSql(`drop table if exists "escrow" cascade;`);
    this.addSql(`drop table if exists "connect_account" cascade;`);
    this.addSql(`drop table if exists "withdrawal" cascade;`);

    this.addSql(`alter table "domain_event" drop constraint "domain_event_type_check";`);
    this.addSql(`alter table "domain_event" add constraint "domain_event_type_check" check ("type" in ('application_received', 'application_accepted', 'application_rejected', 'application_withdrawn', 'task_completed', 'task_cancelled', 'review_received'));`);
  }

}
