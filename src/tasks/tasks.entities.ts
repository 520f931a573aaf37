/**
 * The marketplace: tasks, applications (bids), reviews and saved tasks.
 */
import { OptionalProps, defineEntity, p } from '@mikro-orm/core';
import { CURRENCIES, User } from '../auth/auth.entities.ts';
import { Category, Skill } from '../catalog/catalog.entities.ts';
import { baseProperties } from '../db/base-properties.ts';

export const TASK_STATUSES = ['open', 'in_progress', 'completed', 'cancelled'] as const;
export type TaskStatus = (typeof TASK_STATUSES)[number];
export const APPLICATION_STATUSES = ['pending', 'accepted', 'rejected', 'withdrawn'] as const;

const TaskSchema = defineEntity({
  name: 'Task',
  properties: {
    ...baseProperties,
    client: () => p.manyToOne(User).index(),
    title: p.string().length(120),
    description: p.text(),
    category: () => p.manyToOne(Category),
    budgetMinor: p.bigint('number'),
    currency: p.enum(CURRENCIES),
    deadline: p.datetime().nullable(),
    skills: () => p.manyToMany(Skill).pivotEntity(() => TaskSkill),
    remote: p.boolean().default(true),
    location: p.string().length(120).nullable(),
    status: p.enum(TASK_STATUSES).default('open'),
    freelancer: () => p.manyToOne(User).nullable().index(),
    acceptedApplicationId: p.integer().nullable(),
    completedAt: p.datetime().nullable(),
    cancelledAt: p.datetime().nullable(),
    // Deleted tasks stay for the applications that point at them, hidden everywhere.
    deletedAt: p.datetime().nullable(),
    // Full-text search over title (weighted first) and description, kept by PostgreSQL.
    searchVector: p
      .type('tsvector')
      .columnType('tsvector')
      .generated(`(setweight(to_tsvector('english', "title"), 'A') || setweight(to_tsvector('english', "description"), 'B')) stored`)
      .lazy()
      .hidden(),
  },
  indexes: [
    { name: 'task_search_vector_index', properties: ['searchVector'], type: 'gin' },
    // The board: visible tasks by status, newest first.
    { name: 'task_board_index', expression: 'create index "task_board_index" on "task" ("status", "created_at" desc, "id" desc) where "deleted_at" is null' },
    // The board filtered by category: narrows a search before the full-text match runs.
    { name: 'task_status_category_index', expression: 'create index "task_status_category_index" on "task" ("status", "category_id") where "deleted_at" is null' },
    // Recommendations: the newest open tasks of a category.
    { name: 'task_open_by_category_index', expression: 'create index "task_open_by_category_index" on "task" ("category_id", "created_at" desc, "id" desc) where "status" = \'open\' and "deleted_at" is null' },
  ],
});
export class Task extends TaskSchema.class {
  // Computed by PostgreSQL, never written.
  declare [OptionalProps]?: 'searchVector';
}
TaskSchema.setClass(Task);

/** A task's skills. Explicit for its index by skill: recommendations find tasks by the skills they need. */
const TaskSkillSchema = defineEntity({
  name: 'TaskSkill',
  tableName: 'task_skills',
  properties: {
    task: () => p.manyToOne(Task).primary().deleteRule('cascade'),
    skill: () => p.manyToOne(Skill).primary().deleteRule('cascade'),
  },
  indexes: [{ name: 'task_skills_by_skill_index', expression: 'create index "task_skills_by_skill_index" on "task_skills" ("skill_id", "task_id" desc)' }],
});
export class TaskSkill extends TaskSkillSchema.class {}
TaskSkillSchema.setClass(TaskSkill);

const ApplicationSchema = defineEntity({
  name: 'Application',
  tableName: 'task_application',
  properties: {
    ...baseProperties,
    task: () => p.manyToOne(Task),
    freelancer: () => p.manyToOne(User).index(),
    proposal: p.text(),
    bidMinor: p.bigint('number'),
    currency: p.enum(CURRENCIES),
    status: p.enum(APPLICATION_STATUSES).default('pending'),
    decidedAt: p.datetime().nullable(),
  },
  uniques: [{ properties: ['task', 'freelancer'] }],
});
export class Application extends ApplicationSchema.class {}
ApplicationSchema.setClass(Application);

export const REVIEW_ROLES = ['client_to_freelancer', 'freelancer_to_client'] as const;

const ReviewSchema = defineEntity({
  name: 'Review',
  properties: {
    id: p.integer().primary().autoincrement(),
    task: () => p.manyToOne(Task),
    reviewer: () => p.manyToOne(User),
    reviewee: () => p.manyToOne(User).index(),
    role: p.enum(REVIEW_ROLES),
    rating: p.integer(),
    comment: p.text().default(''),
    createdAt: p.datetime().onCreate(() => new Date()),
  },
  uniques: [{ properties: ['task', 'reviewer'] }],
});
export class Review extends ReviewSchema.class {}
ReviewSchema.setClass(Review);

const SavedTaskSchema = defineEntity({
  name: 'SavedTask',
  properties: {
    id: p.integer().primary().autoincrement(),
    user: () => p.manyToOne(User).deleteRule('cascade'),
    task: () => p.manyToOne(Task).deleteRule('cascade').index(),
    savedAt: p.datetime().onCreate(() => new Date()),
  },
  uniques: [{ properties: ['user', 'task'] }],
});
export class SavedTask extends SavedTaskSchema.class {}
SavedTaskSchema.setClass(SavedTask);

export const tasksEntities = [TaskSchema, TaskSkillSchema, ApplicationSchema, ReviewSchema, SavedTaskSchema];
