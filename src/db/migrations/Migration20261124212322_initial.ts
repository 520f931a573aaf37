import { Migration } from '@mikro-orm/migrations';

export class Migration20261124212322_initial extends Migration {

  override name = 'Migration20261124212322_initial';

  override up(): void | Promise<void> {
    this.addSql(`create table "category" ("id" serial primary key, "slug" varchar(60) not null, "name" varchar(120) not null, "description" text not null, "position" int not null);`);
    this.addSql(`alter table "category" add constraint "category_slug_unique" unique ("slug");`);

    this.addSql(`create table "skill" ("id" serial primary key, "slug" varchar(60) not null, "name" varchar(120) not null, "category_id" int null);`);
    this.addSql(`alter table "skill" add constraint "skill_slug_unique" unique ("slug");`);

    this.addSql(`create table "app_user" ("id" serial primary key, "created_at" timestamptz not null, "updated_at" timestamptz not null, "username" varchar(30) not null, "email" varchar(254) null, "password_hash" text null, "google_subject" varchar(255) null, "first_name" varchar(60) not null default '', "last_name" varchar(60) not null default '', "bio" text not null default '', "avatar_url" varchar(500) null, "location" varchar(120) not null default '', "hourly_rate_minor" bigint null, "currency" text not null default 'usd', "is_client" boolean not null default false, "is_freelancer" boolean not null default false, "email_verified_at" timestamptz null, "rating_sum" int not null default 0, "reviews_count" int not null default 0, "auth_version" int not null default 1, "deleted_at" timestamptz null);`);
    this.addSql(`alter table "app_user" add constraint "app_user_google_subject_unique" unique ("google_subject");`);

    this.addSql(`create table "refresh_token" ("id" uuid not null, "user_id" int not null, "family_id" uuid not null, "created_at" timestamptz not null, "expires_at" timestamptz not null, "used_at" timestamptz null, "revoked_at" timestamptz null, primary key ("id"));`);
    this.addSql(`create index "refresh_token_family_id_index" on "refresh_token" ("family_id");`);

    this.addSql(`create table "portfolio_item" ("id" serial primary key, "created_at" timestamptz not null, "updated_at" timestamptz not null, "owner_id" int not null, "title" varchar(120) not null, "description" text not null default '', "url" varchar(500) null, "image_url" varchar(500) null, "completed_on" date null);`);

    this.addSql(`create table "portfolio_item_skills" ("id" serial primary key, "portfolio_item_id" int not null, "skill_id" int not null);`);

    this.addSql(`create table "email_token" ("id" serial primary key, "user_id" int not null, "purpose" text not null, "token_hash" varchar(64) not null, "created_at" timestamptz not null, "expires_at" timestamptz not null, "used_at" timestamptz null);`);
    this.addSql(`alter table "email_token" add constraint "email_token_token_hash_unique" unique ("token_hash");`);

    this.addSql(`create table "user_skill" ("user_id" int not null, "skill_id" int not null, "level" text not null, "years_experience" int not null, primary key ("user_id", "skill_id"));`);

    this.addSql(`alter table "skill" add constraint "skill_category_id_foreign" foreign key ("category_id") references "category" ("id") on delete set null;`);

    this.addSql(`alter table "app_user" add constraint "app_user_currency_check" check ("currency" in ('usd', 'eur', 'gbp'));`);

    this.addSql(`alter table "refresh_token" add constraint "refresh_token_user_id_foreign" foreign key ("user_id") references "app_user" ("id") on delete cascade;`);

    this.addSql(`alter table "portfolio_item" add constraint "portfolio_item_owner_id_foreign" foreign key ("owner_id") references "app_user" ("id") on delete cascade;`);

    this.addSql(`alter table "portfolio_item_skills" add constraint "portfolio_item_skills_portfolio_item_id_foreign" foreign key ("portfolio_item_id") references "portfolio_item" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "portfolio_item_skills" add constraint "portfolio_item_skills_skill_id_foreign" foreign key ("skill_id") references "skill" ("id") on update cascade on delete cascade;`);

    this.addSql(`alter table "email_token" add constraint "email_token_user_id_foreign" foreign key ("user_id") references "app_user" ("id") on delete cascade;`);
    this.addSql(`alter table "email_token" add constraint "email_token_purpose_check" check ("purpose" in ('verify_email', 'password_reset'));`);

    this.addSql(`alter table "user_skill" add constraint "user_skill_user_id_foreign" foreign key ("user_id") references "app_user" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "user_skill" add constraint "user_skill_skill_id_foreign" foreign key ("skill_id") references "skill" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "user_skill" add constraint "user_skill_level_check" check ("level" in ('beginner', 'intermediate', 'expert'));`);

    // Written by hand: what the entity metadata cannot say.
    // Usernames and emails are unique ignoring case.
    this.addSql(`create unique index "app_user_username_lower_unique" on "app_user" (lower("username"));`);
    this.addSql(`create unique index "app_user_email_lower_unique" on "app_user" (lower("email")) where "email" is not null;`);
    // Foreign keys used in lookups get an index.
    this.addSql(`create index "refresh_token_user_id_index" on "refresh_token" ("user_id");`);
    this.addSql(`create index "email_token_user_id_index" on "email_token" ("user_id");`);
    this.addSql(`create index "portfolio_item_owner_id_index" on "portfolio_item" ("owner_id");`);
    this.addSql(`create index "user_skill_skill_id_index" on "user_skill" ("skill_id");`);

    // The curated catalogue.
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
    this.addSql(`alter table "portfolio_item_skills" drop constraint "portfolio_item_skills_skill_id_foreign";`);
    this.addSql(`alter table "user_skill" drop constraint "user_skill_skill_id_foreign";`);
    this.addSql(`alter table "refresh_token" drop constraint "refresh_token_user_id_foreign";`);
    this.addSql(`alter table "portfolio_item" drop constraint "portfolio_item_owner_id_foreign";`);
    this.addSql(`alter table "email_token" drop constraint "email_token_user_id_foreign";`);
    this.addSql(`alter table "user_skill" drop constraint "user_skill_user_id_foreign";`);
    this.addSql(`alter table "portfolio_item_skills" drop constraint "portfolio_item_skills_portfolio_item_id_foreign";`);

    this.addSql(`drop table if exists "category" cascade;`);
    this.addSql(`drop table if exists "skill" cascade;`);
    this.addSql(`drop table if exists "app_user" cascade;`);
    this.addSql(`drop table if exists "refresh_token" cascade;`);
    this.addSql(`drop table if exists "portfolio_item" cascade;`);
    this.addSql(`drop table if exists "portfolio_item_skills" cascade;`);
    this.addSql(`drop table if exists "email_token" cascade;`);
    this.addSql(`drop table if exists "user_skill" cascade;`);
  }

}
