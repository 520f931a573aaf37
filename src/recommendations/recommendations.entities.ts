/**
 * What recommendations know about people and work: skills with level and experience (also shown
 * on public profiles), preferences, onboarding answers, the services freelancers offer, and the
 * figures a job precomputes so that ranking reads a few indexed rows instead of every task.
 */
import { OptionalProps, defineEntity, p } from '@mikro-orm/core';
import { CURRENCIES, User } from '../auth/auth.entities.ts';
import { Category, Skill } from '../catalog/catalog.entities.ts';
import { baseProperties } from '../db/base-properties.ts';

export const SKILL_LEVELS = ['beginner', 'intermediate', 'expert'] as const;
export const EXPERIENCE_LEVELS = ['entry', 'intermediate', 'expert'] as const;
export const EMAIL_DIGESTS = ['off', 'daily', 'weekly'] as const;
export const ROLES = ['client', 'freelancer', 'both'] as const;

const UserSkillSchema = defineEntity({
  name: 'UserSkill',
  properties: {
    user: () => p.manyToOne(User).primary().deleteRule('cascade'),
    skill: () => p.manyToOne(Skill).primary().deleteRule('cascade').index(),
    level: p.enum(SKILL_LEVELS),
    yearsExperience: p.integer(),
  },
});
export class UserSkill extends UserSkillSchema.class {}
UserSkillSchema.setClass(UserSkill);

const integerArray = () => p.array(Number).columnType('int[]');

const RecommendationPreferenceSchema = defineEntity({
  name: 'RecommendationPreference',
  properties: {
    user: () => p.manyToOne(User).primary().deleteRule('cascade'),
    // Ids in the caller's order; the catalogue's foreign keys are checked when they are written.
    preferredCategoryIds: integerArray(),
    preferredSkillIds: integerArray(),
    minBudgetMinor: p.bigint('number').nullable(),
    maxBudgetMinor: p.bigint('number').nullable(),
    currency: p.enum(CURRENCIES).default('usd'),
    remoteOnly: p.boolean().default(false),
    emailDigest: p.enum(EMAIL_DIGESTS).default('off'),
    createdAt: p.datetime(),
    // Null while the preferences are the ones onboarding derived.
    updatedAt: p.datetime().nullable(),
  },
});
export class RecommendationPreference extends RecommendationPreferenceSchema.class {}
RecommendationPreferenceSchema.setClass(RecommendationPreference);

const OnboardingSchema = defineEntity({
  name: 'Onboarding',
  properties: {
    user: () => p.manyToOne(User).primary().deleteRule('cascade'),
    role: p.enum(ROLES),
    // The interests picked: the cold-start list ranks these categories first.
    categoryIds: integerArray(),
    experienceLevel: p.enum(EXPERIENCE_LEVELS),
    completedAt: p.datetime(),
  },
});
export class Onboarding extends OnboardingSchema.class {}
OnboardingSchema.setClass(Onboarding);

const ServiceOfferingSchema = defineEntity({
  name: 'ServiceOffering',
  properties: {
    ...baseProperties,
    freelancer: () => p.manyToOne(User).deleteRule('cascade').index(),
    title: p.string().length(120),
    description: p.text(),
    category: () => p.manyToOne(Category).index(),
    skills: () => p.manyToMany(Skill),
    priceFromMinor: p.bigint('number'),
    currency: p.enum(CURRENCIES),
    deliveryDays: p.integer(),
    searchVector: p
      .type('tsvector')
      .columnType('tsvector')
      .generated(`(setweight(to_tsvector('english', "title"), 'A') || setweight(to_tsvector('english', "description"), 'B')) stored`)
      .lazy()
      .hidden(),
  },
  indexes: [{ name: 'service_offering_search_vector_index', properties: ['searchVector'], type: 'gin' }],
});
export class ServiceOffering extends ServiceOfferingSchema.class {
  // Computed by PostgreSQL, never written.
  declare [OptionalProps]?: 'searchVector';
}
ServiceOfferingSchema.setClass(ServiceOffering);

/**
 * Open tasks per (category, skill), rebuilt by the `recommendations.refresh` job: how rare a skill
 * is (its weight in a match) and a category's most requested skills.
 */
const SkillDemandSchema = defineEntity({
  name: 'SkillDemand',
  properties: {
    category: () => p.manyToOne(Category).primary().deleteRule('cascade'),
    skill: () => p.manyToOne(Skill).primary().deleteRule('cascade'),
    openTasks: p.integer(),
  },
});
export class SkillDemand extends SkillDemandSchema.class {}
SkillDemandSchema.setClass(SkillDemand);

/**
 * How many freelancers with a skill applied to an open task, for each skill's most applied tasks,
 * rebuilt by the same job: the collaborative signal ("freelancers with your Python skill
 * applied") read by index per skill.
 */
const SkillTaskAffinitySchema = defineEntity({
  name: 'SkillTaskAffinity',
  properties: {
    skill: () => p.manyToOne(Skill).primary().deleteRule('cascade'),
    // No foreign key: the table is rebuilt whole, and a task that closed meanwhile is filtered out.
    taskId: p.integer().primary(),
    applicants: p.integer(),
  },
  indexes: [{ name: 'skill_task_affinity_ranking_index', expression: 'create index "skill_task_affinity_ranking_index" on "skill_task_affinity" ("skill_id", "applicants" desc, "task_id" desc)' }],
});
export class SkillTaskAffinity extends SkillTaskAffinitySchema.class {}
SkillTaskAffinitySchema.setClass(SkillTaskAffinity);

/** Applicants per open task, rebuilt by the same job: the popularity that a cold start falls back on. */
const TaskPopularitySchema = defineEntity({
  name: 'TaskPopularity',
  properties: {
    taskId: p.integer().primary().autoincrement(false),
    applicants: p.integer(),
  },
  indexes: [{ name: 'task_popularity_ranking_index', expression: 'create index "task_popularity_ranking_index" on "task_popularity" ("applicants" desc, "task_id" desc)' }],
});
export class TaskPopularity extends TaskPopularitySchema.class {}
TaskPopularitySchema.setClass(TaskPopularity);

export const recommendationsEntities = [
  UserSkillSchema,
  RecommendationPreferenceSchema,
  OnboardingSchema,
  ServiceOfferingSchema,
  SkillDemandSchema,
  SkillTaskAffinitySchema,
  TaskPopularitySchema,
];
