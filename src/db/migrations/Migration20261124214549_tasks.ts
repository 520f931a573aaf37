import { Migration } from '@mikro-orm/migrations';

export class Migration20261124214549_tasks extends Migration {

  override name = 'Migration20261124214549_tasks';

  override up(): void | Promise<void> {
    this.addSql(`create table "domain_event" ("id" bigserial primary key, "type" text not null, "recipient_id" int not null, "actor_id" int null, "payload" jsonb not null, "occurred_at" timestamptz not null, "processed_at" timestamptz null);`);
    this.addSql(`create index "domain_event_recipient_id_index" on "domain_event" ("recipient_id");`);

    this.addSql(`create table "task" ("id" serial primary key, "created_at" timestamptz not null, "updated_at" timestamptz not null, "client_id" int not null, "title" varchar(120) not null, "description" text not null, "category_id" int not null, "budget_minor" bigint not null, "currency" text not null, "deadline" timestamptz null, "remote" boolean not null default true, "location" varchar(120) null, "status" text not null default 'open', "freelancer_id" int null, "accepted_application_id" int null, "completed_at" timestamptz null, "cancelled_at" timestamptz null, "deleted_at" timestamptz null, "search_vector" tsvector generated always as (setweight(to_tsvector('english', "title"), 'A') || setweight(to_tsvector('english', "description"), 'B')) stored not null);`);
    this.addSql(`create index "task_client_id_index" on "task" ("client_id");`);
    this.addSql(`create index "task_freelancer_id_index" on "task" ("freelancer_id");`);
    this.addSql(`create index "task_search_vector_index" on "task" using gin ("search_vector");`);
    this.addSql(`create index "task_board_index" on "task" ("status", "created_at" desc, "id" desc) where "deleted_at" is null;`);

    this.addSql(`create table "task_skills" ("id" serial primary key, "task_id" int not null, "skill_id" int not null);`);

    this.addSql(`create table "saved_task" ("id" serial primary key, "user_id" int not null, "task_id" int not null, "saved_at" timestamptz not null);`);
    this.addSql(`create index "saved_task_task_id_index" on "saved_task" ("task_id");`);
    this.addSql(`alter table "saved_task" add constraint "saved_task_user_id_task_id_unique" unique ("user_id", "task_id");`);

    this.addSql(`create table "review" ("id" serial primary key, "task_id" int not null, "reviewer_id" int not null, "reviewee_id" int not null, "role" text not null, "rating" int not null, "comment" text not null default '', "created_at" timestamptz not null);`);
    this.addSql(`create index "review_reviewee_id_index" on "review" ("reviewee_id");`);
    this.addSql(`alter table "review" add constraint "review_task_id_reviewer_id_unique" unique ("task_id", "reviewer_id");`);

    this.addSql(`create table "task_application" ("id" serial primary key, "created_at" timestamptz not null, "updated_at" timestamptz not null, "task_id" int not null, "freelancer_id" int not null, "proposal" text not null, "bid_minor" bigint not null, "currency" text not null, "status" text not null default 'pending', "decided_at" timestamptz null);`);
    this.addSql(`create index "task_application_freelancer_id_index" on "task_application" ("freelancer_id");`);
    this.addSql(`alter table "task_application" add constraint "task_application_task_id_freelancer_id_unique" unique ("task_id", "freelancer_id");`);

    this.addSql(`alter table "domain_event" add constraint "domain_event_type_check" check ("type" in ('application_received', 'application_accepted', 'application_rejected', 'application_withdrawn', 'task_completed', 'task_cancelled', 'review_received'));`);

    this.addSql(`alter table "task" add constraint "task_client_id_foreign" foreign key ("client_id") references "app_user" ("id");`);
    this.addSql(`alter table "task" add constraint "task_category_id_foreign" foreign key ("category_id") references "category" ("id");`);
    this.addSql(`alter table "task" add constraint "task_freelancer_id_foreign" foreign key ("freelancer_id") references "app_user" ("id") on delete set null;`);
    this.addSql(`alter table "task" add constraint "task_currency_check" check ("currency" in ('usd', 'eur', 'gbp'));`);
    this.addSql(`alter table "task" add constraint "task_status_check" check ("status" in ('open', 'in_progress', 'completed', 'cancelled'));`);

    this.addSql(`alter table "task_skills" add constraint "task_skills_task_id_foreign" foreign key ("task_id") references "task" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "task_skills" add constraint "task_skills_skill_id_foreign" foreign key ("skill_id") references "skill" ("id") on update cascade on delete cascade;`);

    this.addSql(`alter table "saved_task" add constraint "saved_task_user_id_foreign" foreign key ("user_id") references "app_user" ("id") on delete cascade;`);
    this.addSql(`alter table "saved_task" add constraint "saved_task_task_id_foreign" foreign key ("task_id") references "task" ("id") on delete cascade;`);

    this.addSql(`alter table "review" add constraint "review_task_id_foreign" foreign key ("task_id") references "task" ("id");`);
    this.addSql(`alter table "review" add constraint "review_reviewer_id_foreign" foreign key ("reviewer_id") references "app_user" ("id");`);
    this.addSql(`alter table "review" add constraint "review_reviewee_id_foreign" foreign key ("reviewee_id") references "app_user" ("id");`);
    this.addSql(`alter table "review" add constraint "review_role_check" check ("role" in ('client_to_freelancer', 'freelancer_to_client'));`);

    this.addSql(`alter table "task_application" add constraint "task_application_task_id_foreign" foreign key ("task_id") references "task" ("id");`);
    this.addSql(`alter table "task_application" add constraint "task_application_freelancer_id_foreign" foreign key ("freelancer_id") references "app_user" ("id");`);
    this.addSql(`alter table "task_application" add constraint "task_application_currency_check" check ("currency" in ('usd', 'eur', 'gbp'));`);
    this.addSql(`alter table "task_application" add constraint "task_application_status_check" check ("status" in ('pending', 'accepted', 'rejected', 'withdrawn'));`);
  }

  override down(): void | Promise<void> {
    this.addSql(`alter table "task_skills" drop constraint "task_skills_task_id_foreign";`);
    this.addSql(`alter table "saved_task" drop constraint "saved_task_task_id_foreign";`);
    this.addSql(`alter table "review" drop constraint "review_task_id_foreign";`);
    this.addSql(`alter table "task_application" drop constraint "task_application_task_id_foreign";`);

    this.addSql(`drop table if exists "domain_event" cascade;`);
    this.addSql(`drop table if exists "task" cascade;`);
    this.addSql(`drop table if exists "task_skills" cascade;`);
    this.addSql(`drop table if exists "saved_task" cascade;`);
    this.addSql(`drop table if exists "review" cascade;`);
    this.addSql(`drop table if exists "task_application" cascade;`);
  }

}
