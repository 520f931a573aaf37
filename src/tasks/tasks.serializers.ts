/**
 * Task-domain entities → the contract's shapes (loaded with their relations).
 */
import { toUserSummary } from '../auth/auth.serializers.ts';
import type * as S from '../contract/schemas.ts';
import { fromMinor } from '../lib/money.ts';
import type { Application, Review, SavedTask, Task } from './tasks.entities.ts';

/** Relations to load for `toTaskSummary`. */
export const TASK_SUMMARY_POPULATE = ['category', 'client'] as const;

export function toTaskSummary(task: Task): S.TaskSummary {
  return {
    id: task.id,
    title: task.title,
    status: task.status,
    budget: fromMinor(task.budgetMinor),
    currency: task.currency,
    category: { id: task.category.id, slug: task.category.slug, name: task.category.name, description: task.category.description },
    client: toUserSummary(task.client),
    deadline: task.deadline?.toISOString() ?? null,
    created_at: task.createdAt.toISOString(),
  };
}

export function toApplication(application: Application): S.Application {
  return {
    id: application.id,
    task: toTaskSummary(application.task),
    freelancer: toUserSummary(application.freelancer),
    proposal: application.proposal,
    bid_amount: fromMinor(application.bidMinor),
    currency: application.currency,
    status: application.status,
    created_at: application.createdAt.toISOString(),
    updated_at: application.updatedAt.toISOString(),
    decided_at: application.decidedAt?.toISOString() ?? null,
  };
}

export function toReview(review: Review): S.Review {
  return {
    id: review.id,
    task_id: review.task.id,
    reviewer: toUserSummary(review.reviewer),
    reviewee: toUserSummary(review.reviewee),
    role: review.role,
    rating: review.rating,
    comment: review.comment,
    created_at: review.createdAt.toISOString(),
  };
}

export function toSavedTask(saved: SavedTask): S.SavedTask {
  return { id: saved.id, task: toTaskSummary(saved.task), saved_at: saved.savedAt.toISOString() };
}
