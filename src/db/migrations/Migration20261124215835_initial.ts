import { Migration } from '@mikro-orm/migrations';

export class Migration20261124215835_initial extends Migration {

  override name = 'Migration20261124215835_initial';

  override up(): void | Promise<void> {
    this.addSql(`create table "category" ("id" serial primary key, "slug" varchar(60) not null, "name" varchar(120) not null, "description" text not null, "position" int not null);`);
    this.addSql(`alter table "category" add constraint "category_slug_unique" unique ("slug");`);

    this.addSql(`create table "domain_event" ("id" bigserial primary key, "type" text not null, "recipient_id" int not null, "actor_id" int null, "payload" jsonb not null, "occurred_at" timestamptz not null, "processed_at" timestamptz null);`);
    this.addSql(`create index "domain_event_recipient_id_index" on "domain_event" ("recipient_id");`);

    this.addSql(`create table "skill" ("id" serial primary key, "slug" varchar(60) not null, "name" varchar(120) not null, "category_id" int null);`);
    this.addSql(`alter table "skill" add constraint "skill_slug_unique" unique ("slug");`);

    this.addSql(`create table "app_user" ("id" serial primary key, "created_at" timestamptz not null, "updated_at" timestamptz not null, "username" varchar(30) not null, "email" varchar(254) null, "password_hash" text null, "google_subject" varchar(255) null, "first_name" varchar(60) not null default '', "last_name" varchar(60) not null default '', "bio" text not null default '', "avatar_url" varchar(500) null, "location" varchar(120) not null default '', "hourly_rate_minor" bigint null, "currency" text not null default 'usd', "is_client" boolean not null default false, "is_freelancer" boolean not null default false, "email_verified_at" timestamptz null, "rating_sum" int not null default 0, "reviews_count" int not null default 0, "auth_version" int not null default 1, "deleted_at" timestamptz null);`);
    this.addSql(`alter table "app_user" add constraint "app_user_google_subject_unique" unique ("google_subject");`);
    this.addSql(`create unique index "app_user_username_lower_unique" on "app_user" (lower("username"));`);
    this.addSql(`create unique index "app_user_email_lower_unique" on "app_user" (lower("email")) where "email" is not null;`);

    this.addSql(`create table "task" ("id" serial primary key, "created_at" timestamptz not null, "updated_at" timestamptz not null, "client_id" int not null, "title" varchar(120) not null, "description" text not null, "category_id" int not null, "budget_minor" bigint not null, "currency" text not null, "deadline" timestamptz null, "remote" boolean not null default true, "location" varchar(120) null, "status" text not null default 'open', "freelancer_id" int null, "accepted_application_id" int null, "completed_at" timestamptz null, "cancelled_at" timestamptz null, "deleted_at" timestamptz null, "search_vector" tsvector generated always as (setweight(to_tsvector('english', "title"), 'A') || setweight(to_tsvector('english', "description"), 'B')) stored not null);`);
    this.addSql(`create index "task_client_id_index" on "task" ("client_id");`);
    this.addSql(`create index "task_freelancer_id_index" on "task" ("freelancer_id");`);
    this.addSql(`create index "task_search_vector_index" on "task" using gin ("search_vector");`);
    this.addSql(`create index "task_board_index" on "task" ("status", "created_at" desc, "id" desc) where "deleted_at" is null;`);

    this.addSql(`create table "task_skills" ("task_id" int not null, "skill_id" int not null, primary key ("task_id", "skill_id"));`);

    this.addSql(`create table "saved_task" ("id" serial primary key, "user_id" int not null, "task_id" int not null, "saved_at" timestamptz not null);`);
    this.addSql(`create index "saved_task_task_id_index" on "saved_task" ("task_id");`);
    this.addSql(`alter table "saved_task" add constraint "saved_task_user_id_task_id_unique" unique ("user_id", "task_id");`);

    this.addSql(`create table "review" ("id" serial primary key, "task_id" int not null, "reviewer_id" int not null, "reviewee_id" int not null, "role" text not null, "rating" int not null, "comment" text not null default '', "created_at" timestamptz not null);`);
    this.addSql(`create index "review_reviewee_id_index" on "review" ("reviewee_id");`);
    this.addSql(`alter table "review" add constraint "review_task_id_reviewer_id_unique" unique ("task_id", "reviewer_id");`);

    this.addSql(`create table "refresh_token" ("id" uuid not null, "user_id" int not null, "family_id" uuid not null, "created_at" timestamptz not null, "expires_at" timestamptz not null, "used_at" timestamptz null, "revoked_at" timestamptz null, primary key ("id"));`);
    this.addSql(`create index "refresh_token_user_id_index" on "refresh_token" ("user_id");`);
    this.addSql(`create index "refresh_token_family_id_index" on "refresh_token" ("family_id");`);

    this.addSql(`create table "portfolio_item" ("id" serial primary key, "created_at" timestamptz not null, "updated_at" timestamptz not null, "owner_id" int not null, "title" varchar(120) not null, "description" text not null default '', "url" varchar(500) null, "image_url" varchar(500) null, "completed_on" date null);`);
    this.addSql(`create index "portfolio_item_owner_id_index" on "portfolio_item" ("owner_id");`);

    this.addSql(`create table "portfolio_item_skills" ("portfolio_item_id" int not null, "skill_id" int not null, primary key ("portfolio_item_id", "skill_id"));`);

    this.addSql(`create table "email_token" ("id" serial primary key, "user_id" int not null, "purpose" text not null, "token_hash" varchar(64) not null, "created_at" timestamptz not null, "expires_at" timestamptz not null, "used_at" timestamptz null);`);
    this.addSql(`create index "email_token_user_id_index" on "email_token" ("user_id");`);
    this.addSql(`alter table "email_token" add constraint "email_token_token_hash_unique" unique ("token_hash");`);

    this.addSql(`create table "task_application" ("id" serial primary key, "created_at" timestamptz not null, "updated_at" timestamptz not null, "task_id" int not null, "freelancer_id" int not null, "proposal" text not null, "bid_minor" bigint not null, "currency" text not null, "status" text not null default 'pending', "decided_at" timestamptz null);`);
    this.addSql(`create index "task_application_freelancer_id_index" on "task_application" ("freelancer_id");`);
    this.addSql(`alter table "task_application" add constraint "task_application_task_id_freelancer_id_unique" unique ("task_id", "freelancer_id");`);

    this.addSql(`create table "user_skill" ("user_id" int not null, "skill_id" int not null, "level" text not null, "years_experience" int not null, primary key ("user_id", "skill_id"));`);
    this.addSql(`create index "user_skill_skill_id_index" on "user_skill" ("skill_id");`);

    this.addSql(`alter table "domain_event" add constraint "domain_event_type_check" check ("type" in ('application_received', 'application_accepted', 'application_rejected', 'application_withdrawn', 'task_completed', 'task_cancelled', 'review_received'));`);

    this.addSql(`alter table "skill" add constraint "skill_category_id_foreign" foreign key ("category_id") references "category" ("id") on delete set null;`);

    this.addSql(`alter table "app_user" add constraint "app_user_currency_check" check ("currency" in ('usd', 'eur', 'gbp'));`);

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

    this.addSql(`alter table "refresh_token" add constraint "refresh_token_user_id_foreign" foreign key ("user_id") references "app_user" ("id") on delete cascade;`);

    this.addSql(`alter table "portfolio_item" add constraint "portfolio_item_owner_id_foreign" foreign key ("owner_id") references "app_user" ("id") on delete cascade;`);

    this.addSql(`alter table "portfolio_item_skills" add constraint "portfolio_item_skills_portfolio_item_id_foreign" foreign key ("portfolio_item_id") references "portfolio_item" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "portfolio_item_skills" add constraint "portfolio_item_skills_skill_id_foreign" foreign key ("skill_id") references "skill" ("id") on update cascade on delete cascade;`);

    this.addSql(`alter table "email_token" add constraint "email_token_user_id_foreign" foreign key ("user_id") references "app_user" ("id") on delete cascade;`);
    this.addSql(`alter table "email_token" add constraint "email_token_purpose_check" check ("purpose" in ('verify_email', 'password_reset'));`);

    this.addSql(`alter table "task_application" add constraint "task_application_task_id_foreign" foreign key ("task_id") references "task" ("id");`);
    this.addSql(`alter table "task_application" add constraint "task_application_freelancer_id_foreign" foreign key ("freelancer_id") references "app_user" ("id");`);
    this.addSql(`alter table "task_application" add constraint "task_application_currency_check" check ("currency" in ('usd', 'eur', 'gbp'));`);
    this.addSql(`alter table "task_application" add constraint "task_application_status_check" check ("status" in ('pending', 'accepted', 'rejected', 'withdrawn'));`);

    this.addSql(`alter table "user_skill" add constraint "user_skill_user_id_foreign" foreign key ("user_id") references "app_user" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "user_skill" add constraint "user_skill_skill_id_foreign" foreign key ("skill_id") references "skill" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "user_skill" add constraint "user_skill_level_check" check ("level" in ('beginner', 'intermediate', 'expert'));`);

    // Written by hand: the curated catalogue, with the ids the contract's examples use.
    this.addSql(`insert into "category" ("id", "slug", "name", "description", "position") values
      (1, 'design', 'Design & Creative', 'Logos, branding, UI and UX design, illustration.', 1),
      (2, 'writing', 'Writing & Translation', 'Copywriting, editing, translation and localisation.', 2),
      (3, 'web-development', 'Web Development', 'Websites, web applications, APIs and integrations.', 3),
      (4, 'mobile-development', 'Mobile Development', 'iOS, Android and cross-platform apps.', 4),
      (5, 'data-science', 'Data Science & Analytics', 'Data collection, analysis, machine learning and dashboards.', 5),
      (6, 'marketing', 'Sales & Marketing', 'Campaigns, SEO, social media and lead generation.', 6);`);
    this.addSql(`insert into "skill" ("id", "slug", "name", "category_id") values
      (11, 'python', 'Python', 5), (12, 'typescript', 'TypeScript', 3), (13, 'react', 'React', 3),
      (14, 'postgresql', 'PostgreSQL', 5), (15, 'figma', 'Figma', 1), (16, 'copywriting', 'Copywriting', 2),
      (17, 'rest-apis', 'REST APIs', 3), (18, 'django', 'Django', 3);`);
    this.addSql(`select setval('category_id_seq', 100), setval('skill_id_seq', 100);`);
  }

  override down(): void | Promise<void> {
    this.addSql(`alter table "skill" drop constraint "skill_category_id_foreign";`);
    this.addSql(`alter table "task" drop constraint "task_category_id_foreign";`);
    this.addSql(`alter table "task_skills" drop constraint "task_skills_skill_id_foreign";`);
    this.addSql(`alter table "portfolio_item_skills" drop constraint "portfolio_item_skills_skill_id_foreign";`);
    this.addSql(`alter table "user_skill" drop constraint "user_skill_skill_id_foreign";`);
    this.addSql(`alter table "task" drop constraint "task_client_id_foreign";`);
    this.addSql(`alter table "task" drop constraint "task_freelancer_id_foreign";`);
    this.addSql(`alter table "saved_task" drop constraint "saved_task_user_id_foreign";`);
    this.addSql(`alter table "review" drop constraint "review_reviewer_id_foreign";`);
    this.addSql(`alter table "review" drop constraint "review_reviewee_id_foreign";`);
    this.addSql(`alter table "refresh_token" drop constraint "refresh_token_user_id_foreign";`);
    this.addSql(`alter table "portfolio_item" drop constraint "portfolio_item_owner_id_foreign";`);
    this.addSql(`alter table "email_token" drop constraint "email_token_user_id_foreign";`);
    this.addSql(`alter table "task_application" drop constraint "task_application_freelancer_id_foreign";`);
    this.addSql(`alter table "user_skill" drop constraint "user_skill_user_id_foreign";`);
    this.addSql(`alter table "task_skills" drop constraint "task_skills_task_id_foreign";`);
    this.addSql(`alter table "saved_task" drop constraint "saved_task_task_id_foreign";`);
    this.addSql(`alter table "review" drop constraint "review_task_id_foreign";`);
    this.addSql(`alter table "task_application" drop constraint "task_application_task_id_foreign";`);
    this.addSql(`alter table "portfolio_item_skills" drop constraint "portfolio_item_skills_portfolio_item_id_foreign";`);

    this.addSql(`drop table if exists "category" cascade;`);
    this.addSql(`drop table if exists "domain_event" cascade;`);
    this.addSql(`drop table if exists "skill" cascade;`);
    this.addSql(`drop table if exists "app_user" cascade;`);
    this.addSql(`drop table if exists "task" cascade;`);
    this.addSql(`drop table if exists "task_skills" cascade;`);
    this.addSql(`drop table if exists "saved_task" cascade;`);
    this.addSql(`drop table if exists "review" cascade;`);
    this.addSql(`drop table if exists "refresh_token" cascade;`);
    this.addSql(`drop table if exists "portfolio_item" cascade;`);
    this.addSql(`drop table if exists "portfolio_item_skills" cascade;`);
    this.addSql(`drop table if exists "email_token" cascade;`);
    this.addSql(`drop table if exists "task_application" cascade;`);
    this.addSql(`drop table if exists "user_skill" cascade;`);
  }

}
