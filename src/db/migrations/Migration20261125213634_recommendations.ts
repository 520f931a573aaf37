import { Migration } from '@mikro-orm/migrations';

export class Migration20261125213634_recommendations extends Migration {

  override name = 'Migration20261125213634_recommendations';

  override up(): void | Promise<void> {
    this.addSql(`create table "skill_demand" ("category_id" int not null, "skill_id" int not null, "open_tasks" int not null, primary key ("category_id", "skill_id"));`);

    this.addSql(`create table "skill_task_affinity" ("skill_id" int not null, "task_id" int not null, "applicants" int not null, primary key ("skill_id", "task_id"));`);
    this.addSql(`create index "skill_task_affinity_ranking_index" on "skill_task_affinity" ("skill_id", "applicants" desc, "task_id" desc);`);

    this.addSql(`create table "task_popularity" ("task_id" int not null, "applicants" int not null, primary key ("task_id"));`);
    this.addSql(`create index "task_popularity_ranking_index" on "task_popularity" ("applicants" desc, "task_id" desc);`);

    this.addSql(`create table "service_offering" ("id" serial primary key, "created_at" timestamptz not null, "updated_at" timestamptz not null, "freelancer_id" int not null, "title" varchar(120) not null, "description" text not null, "category_id" int not null, "price_from_minor" bigint not null, "currency" text not null, "delivery_days" int not null, "search_vector" tsvector generated always as (setweight(to_tsvector('english', "title"), 'A') || setweight(to_tsvector('english', "description"), 'B')) stored not null);`);
    this.addSql(`create index "service_offering_freelancer_id_index" on "service_offering" ("freelancer_id");`);
    this.addSql(`create index "service_offering_category_id_index" on "service_offering" ("category_id");`);
    this.addSql(`create index "service_offering_search_vector_index" on "service_offering" using gin ("search_vector");`);

    this.addSql(`create table "service_offering_skills" ("service_offering_id" int not null, "skill_id" int not null, primary key ("service_offering_id", "skill_id"));`);

    this.addSql(`create table "recommendation_preference" ("user_id" int not null, "preferred_category_ids" int[] not null, "preferred_skill_ids" int[] not null, "min_budget_minor" bigint null, "max_budget_minor" bigint null, "currency" text not null default 'usd', "remote_only" boolean not null default false, "email_digest" text not null default 'off', "created_at" timestamptz not null, "updated_at" timestamptz null, primary key ("user_id"));`);

    this.addSql(`create table "onboarding" ("user_id" int not null, "role" text not null, "category_ids" int[] not null, "experience_level" text not null, "completed_at" timestamptz not null, primary key ("user_id"));`);

    this.addSql(`create index "task_skills_by_skill_index" on "task_skills" ("skill_id", "task_id" desc);`);
    this.addSql(`create index "task_open_by_category_index" on "task" ("category_id", "created_at" desc, "id" desc) where "status" = 'open' and "deleted_at" is null;`);

    this.addSql(`alter table "skill_demand" add constraint "skill_demand_category_id_foreign" foreign key ("category_id") references "category" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "skill_demand" add constraint "skill_demand_skill_id_foreign" foreign key ("skill_id") references "skill" ("id") on update cascade on delete cascade;`);

    this.addSql(`alter table "skill_task_affinity" add constraint "skill_task_affinity_skill_id_foreign" foreign key ("skill_id") references "skill" ("id") on delete cascade;`);

    this.addSql(`alter table "service_offering" add constraint "service_offering_freelancer_id_foreign" foreign key ("freelancer_id") references "app_user" ("id") on delete cascade;`);
    this.addSql(`alter table "service_offering" add constraint "service_offering_category_id_foreign" foreign key ("category_id") references "category" ("id");`);
    this.addSql(`alter table "service_offering" add constraint "service_offering_currency_check" check ("currency" in ('usd', 'eur', 'gbp'));`);

    this.addSql(`alter table "service_offering_skills" add constraint "service_offering_skills_service_offering_id_foreign" foreign key ("service_offering_id") references "service_offering" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "service_offering_skills" add constraint "service_offering_skills_skill_id_foreign" foreign key ("skill_id") references "skill" ("id") on update cascade on delete cascade;`);

    this.addSql(`alter table "recommendation_preference" add constraint "recommendation_preference_user_id_foreign" foreign key ("user_id") references "app_user" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "recommendation_preference" add constraint "recommendation_preference_currency_check" check ("currency" in ('usd', 'eur', 'gbp'));`);
    this.addSql(`alter table "recommendation_preference" add constraint "recommendation_preference_email_digest_check" check ("email_digest" in ('off', 'daily', 'weekly'));`);

    this.addSql(`alter table "onboarding" add constraint "onboarding_user_id_foreign" foreign key ("user_id") references "app_user" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "onboarding" add constraint "onboarding_role_check" check ("role" in ('client', 'freelancer', 'both'));`);
    this.addSql(`alter table "onboarding" add constraint "onboarding_experience_level_check" check ("experience_level" in ('entry', 'intermediate', 'expert'));`);
    // Written by hand: the catalogue grows to the skills a marketplace of this size needs, so that
    // a skill says something about a task (the rarer, the more). Ids stay below 100, the curated range.
    this.addSql(`insert into "skill" ("id", "slug", "name", "category_id") values
      (19, 'ui-design', 'UI Design', 1), (20, 'ux-research', 'UX Research', 1), (21, 'logo-design', 'Logo Design', 1),
      (22, 'illustration', 'Illustration', 1), (23, 'branding', 'Branding', 1), (24, 'photoshop', 'Adobe Photoshop', 1),
      (25, 'motion-graphics', 'Motion Graphics', 1),
      (26, 'technical-writing', 'Technical Writing', 2), (27, 'arabic-translation', 'Arabic Translation', 2),
      (28, 'french-translation', 'French Translation', 2), (29, 'proofreading', 'Proofreading', 2),
      (30, 'blog-writing', 'Blog Writing', 2), (31, 'seo-writing', 'SEO Writing', 2),
      (32, 'nodejs', 'Node.js', 3), (33, 'vue', 'Vue.js', 3), (34, 'php', 'PHP', 3), (35, 'wordpress', 'WordPress', 3),
      (36, 'graphql', 'GraphQL', 3), (37, 'html-css', 'HTML & CSS', 3), (38, 'nextjs', 'Next.js', 3), (39, 'shopify', 'Shopify', 3),
      (40, 'swift', 'Swift', 4), (41, 'kotlin', 'Kotlin', 4), (42, 'flutter', 'Flutter', 4), (43, 'react-native', 'React Native', 4),
      (44, 'ios', 'iOS', 4), (45, 'android', 'Android', 4), (46, 'firebase', 'Firebase', 4),
      (47, 'machine-learning', 'Machine Learning', 5), (48, 'pandas', 'pandas', 5), (49, 'sql', 'SQL', 5),
      (50, 'data-visualization', 'Data Visualization', 5), (51, 'web-scraping', 'Web Scraping', 5), (52, 'power-bi', 'Power BI', 5),
      (53, 'nlp', 'NLP', 5), (54, 'excel', 'Excel', 5),
      (55, 'seo', 'SEO', 6), (56, 'social-media', 'Social Media Marketing', 6), (57, 'google-ads', 'Google Ads', 6),
      (58, 'email-marketing', 'Email Marketing', 6), (59, 'content-strategy', 'Content Strategy', 6),
      (60, 'lead-generation', 'Lead Generation', 6), (61, 'google-analytics', 'Google Analytics', 6);`);
  }

  override down(): void | Promise<void> {
    this.addSql(`delete from "skill" where "id" between 19 and 61;`);
    this.addSql(`alter table "service_offering_skills" drop constraint "service_offering_skills_service_offering_id_foreign";`);

    this.addSql(`drop table if exists "skill_demand" cascade;`);
    this.addSql(`drop table if exists "skill_task_affinity" cascade;`);
    this.addSql(`drop table if exists "task_popularity" cascade;`);
    this.addSql(`drop table if exists "service_offering" cascade;`);
    this.addSql(`drop table if exists "service_offering_skills" cascade;`);
    this.addSql(`drop table if exists "recommendation_preference" cascade;`);
    this.addSql(`drop table if exists "onboarding" cascade;`);

    this.addSql(`drop index "task_skills_by_skill_index";`);
    this.addSql(`drop index "task_open_by_category_index";`);
  }

}
