/**
 * The marketplace rules: posting and editing tasks, applying, hiring (accept/reject), the task
 * lifecycle open → in_progress → completed | cancelled, reviews, saved tasks. Every state change
 * happens in one transaction with the domain events it causes.
 */
import { LockMode, UniqueConstraintViolationException } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { User } from '../auth/auth.entities.ts';
import { findUserByUsername } from '../auth/auth.service.ts';
import { Category, Skill } from '../catalog/catalog.entities.ts';
import type * as S from '../contract/schemas.ts';
import { querySql } from '../db/sql.ts';
import { recordEvent } from '../events/record-event.ts';
import { MAX_MONEY_MINOR, MIN_BUDGET_MINOR, toMinor } from '../lib/money.ts';
import { pageWindow, type PageQuery } from '../lib/pagination.ts';
import { problems } from '../lib/problem.ts';
import { applyStatement, type ApplyOutcome } from './apply-statement.ts';
import { taskByIdQuery, taskCountQuery, taskFromRow, taskListQuery, type TaskFilters, type TaskRow } from './task-views.ts';
import { Application, Review, SavedTask, Task } from './tasks.entities.ts';
import { TASK_SUMMARY_POPULATE, toApplication, toReview, toSavedTask } from './tasks.serializers.ts';


type TaskInput = Partial<S.CreateTaskRequest>;

/** Run in the transaction that cancels a task (Payments refunds its escrow); throws to refuse. */
export type TaskCancellationHook = (em: EntityManager, task: Task, actor: User) => Promise<void>;

export function createTasksService(now: () => Date, hooks: { onCancel?: TaskCancellationHook[] } = {}) {
  /** A visible (not deleted) task, or 404. `lock` takes its row lock and re-reads it under the lock. */
  async function findTask(em: EntityManager, id: number, lock = false): Promise<Task> {
    const task = await em.findOne(Task, { id, deletedAt: null }, lock ? { lockMode: LockMode.PESSIMISTIC_WRITE, refresh: true } : {});
    if (!task) throw problems.notFound(`There is no task ${id}.`);
    return task;
  }

  function requireOwner(task: Task, user: User, action: string): void {
    if (task.client.id !== user.id) throw problems.forbidden(`Only the task's client can ${action}.`);
  }

  async function taskView(em: EntityManager, id: number): Promise<S.Task> {
    const [row] = await querySql<TaskRow>(em, taskByIdQuery(id));
    if (!row) throw problems.notFound(`There is no task ${id}.`);
    return taskFromRow(row);
  }

  /** Checks and applies task fields (create, PUT, PATCH); fields left out keep their value. */
  async function applyTaskInput(em: EntityManager, task: Task, input: TaskInput, hasApplications: boolean): Promise<void> {
    const errors: Record<string, string[]> = {};
    if (input.budget !== undefined) {
      const minor = toMinor(input.budget);
      if (minor < MIN_BUDGET_MINOR || minor > MAX_MONEY_MINOR) errors.budget = ['The budget is from 5.00 to 1000000.00.'];
    }
    let category: Category | null = null;
    if (input.category !== undefined) {
      category = await em.findOne(Category, input.category);
      if (!category) errors.category = [`There is no category ${input.category}.`];
    }
    let skills: Skill[] | null = null;
    if (input.skills !== undefined) {
      const found = await em.find(Skill, { id: { $in: input.skills } });
      const ids = new Set(found.map((skill) => skill.id));
      input.skills.forEach((id, index) => {
        if (!ids.has(id)) errors[`skills.${index}`] = [`There is no skill ${id}.`];
      });
      skills = input.skills.map((id) => found.find((skill) => skill.id === id)!).filter(Boolean);
    }
    const remote = input.remote ?? task.remote ?? true;
    const location = input.location !== undefined ? input.location : task.location;
    if (!remote && !location) errors.location = ['Say where the work happens when it is not remote.'];
    if (Object.keys(errors).length) throw problems.validation(errors);
    if (input.deadline && new Date(input.deadline) <= now()) {
      throw problems.businessRule('The deadline must be in the future.', { deadline: ['The deadline must be in the future.'] });
    }
    if (input.currency !== undefined && task.currency && input.currency !== task.currency && hasApplications) {
      throw problems.businessRule('The currency cannot change once the task has applications: their bids are in it.', {
        currency: ['The task has applications in its current currency.'],
      });
    }
    if (input.title !== undefined) task.title = input.title;
    if (input.description !== undefined) task.description = input.description;
    if (category) task.category = category;
    if (input.budget !== undefined) task.budgetMinor = toMinor(input.budget);
    if (input.currency !== undefined) task.currency = input.currency;
    if (input.deadline !== undefined) task.deadline = input.deadline ? new Date(input.deadline) : null;
    if (skills) task.skills.set(skills);
    task.remote = remote;
    task.location = location ?? null;
  }

  /** Withdraws the task's pending applications, telling each freelancer. */
  async function withdrawPending(em: EntityManager, task: Task, actor: User, reason: string): Promise<void> {
    const pending = await em.find(Application, { task, status: 'pending' });
    for (const application of pending) {
      application.status = 'withdrawn';
      application.decidedAt = now();
      recordEvent(em, 'application_withdrawn', {
        recipientId: application.freelancer.id,
        actorId: actor.id,
        payload: { task_id: task.id, application_id: application.id, reason },
      });
    }
  }

  /** Cancels `task`: pending applications withdrawn, and its freelancer (if any) told. */
  async function cancelTask(em: EntityManager, task: Task, actor: User, withdrawal: string, reason: string | null): Promise<void> {
    for (const settle of hooks.onCancel ?? []) await settle(em, task, actor);
    await withdrawPending(em, task, actor, withdrawal);
    task.status = 'cancelled';
    task.cancelledAt = now();
    if (task.freelancer) {
      recordEvent(em, 'task_cancelled', { recipientId: task.freelancer.id, actorId: actor.id, payload: { task_id: task.id, reason } });
    }
  }

  async function loadApplication(em: EntityManager, id: number): Promise<Application> {
    const application = await em.findOne(Application, id, { populate: ['task', 'task.category', 'task.client', 'freelancer'] });
    if (!application || application.task.deletedAt) throw problems.notFound(`There is no application ${id}.`);
    return application;
  }

  return {
    /**
     * An account is being deleted (this runs in the deletion's transaction): refused while a task
     * it takes part in is in progress; otherwise its open tasks are cancelled and its pending
     * applications withdrawn, the other party told in each case.
     */
    async releaseAccount(em: EntityManager, user: User): Promise<void> {
      const pending = await em.find(Application, { freelancer: user.id, status: 'pending' });
      // Every task the account touches is locked: no accept or apply slips in before the end.
      const tasks = await em.find(
        Task,
        {
          deletedAt: null,
          status: { $in: ['open', 'in_progress'] },
          $or: [{ client: user.id }, { freelancer: user.id }, { id: { $in: pending.map((application) => application.task.id) } }],
        },
        { lockMode: LockMode.PESSIMISTIC_WRITE, refresh: true },
      );
      if (tasks.some((task) => task.status === 'in_progress' && (task.client.id === user.id || task.freelancer?.id === user.id))) {
        throw problems.invalidState('A task you take part in is in progress: complete or cancel it before deleting the account.');
      }
      for (const task of tasks.filter((one) => one.client.id === user.id)) await cancelTask(em, task, user, 'account_deleted', 'account_deleted');
      for (const application of await em.find(Application, { freelancer: user.id, status: 'pending' }, { refresh: true })) {
        application.status = 'withdrawn';
        application.decidedAt = now();
        const task = tasks.find((one) => one.id === application.task.id);
        if (!task) continue;
        recordEvent(em, 'application_withdrawn', {
          recipientId: task.client.id,
          actorId: user.id,
          payload: { task_id: task.id, application_id: application.id, reason: 'account_deleted' },
        });
      }
    },

    async list(em: EntityManager, filters: TaskFilters, page: PageQuery): Promise<{ count: number; results: S.Task[] }> {
      if (filters.min_budget && filters.max_budget && toMinor(filters.min_budget) > toMinor(filters.max_budget)) {
        throw problems.validation({ 'query.min_budget': ['min_budget is above max_budget.'] });
      }
      const [rows, [counted]] = await Promise.all([
        querySql<TaskRow>(em, taskListQuery(filters, pageWindow(page))),
        querySql<{ count: number }>(em, taskCountQuery(filters)),
      ]);
      return { count: counted?.count ?? 0, results: rows.map(taskFromRow) };
    },

    get: taskView,

    async create(em: EntityManager, user: User, input: S.CreateTaskRequest): Promise<S.Task> {
      if (!user.isClient) throw problems.forbidden('Only clients post tasks. Turn on is_client in your profile first.');
      // The catalog is read and the input checked before anything is written; the flush is then
      // one short transaction holding only the inserts.
      const task = em.create(Task, {
        client: em.getReference(User, user.id),
        title: input.title,
        description: input.description,
        category: em.getReference(Category, input.category),
        budgetMinor: toMinor(input.budget),
        currency: input.currency,
      });
      await applyTaskInput(em, task, { ...input, remote: input.remote ?? true, skills: input.skills ?? [] }, false);
      await em.flush();
      return taskView(em, task.id);
    },

    async update(em: EntityManager, user: User, id: number, input: TaskInput): Promise<S.Task> {
      await em.transactional(async (tx) => {
        const task = await findTask(tx, id, true);
        requireOwner(task, user, 'edit it');
        if (task.status !== 'open') throw problems.invalidState(`Task ${id} is ${task.status}; only open tasks can be edited.`);
        const hasApplications = (await tx.count(Application, { task })) > 0;
        await applyTaskInput(tx, task, input, hasApplications);
      });
      return taskView(em, id);
    },

    async remove(em: EntityManager, user: User, id: number): Promise<void> {
      await em.transactional(async (tx) => {
        const task = await findTask(tx, id, true);
        requireOwner(task, user, 'delete it');
        if (task.status !== 'open' || task.acceptedApplicationId) {
          throw problems.invalidState(`Task ${id} is ${task.status}; only open tasks nobody was hired for can be deleted. Cancel it instead.`);
        }
        await withdrawPending(tx, task, user, 'task_deleted');
        task.deletedAt = now();
      });
    },

    async cancel(em: EntityManager, user: User, id: number, reason: string | undefined): Promise<S.Task> {
      await em.transactional(async (tx) => {
        const task = await findTask(tx, id, true);
        requireOwner(task, user, 'cancel it');
        if (task.status !== 'open' && task.status !== 'in_progress') {
          throw problems.invalidState(`Task ${id} is ${task.status}; only open or in-progress tasks can be cancelled.`);
        }
        await cancelTask(tx, task, user, 'task_cancelled', reason ?? null);
      });
      return taskView(em, id);
    },

    async complete(em: EntityManager, user: User, id: number): Promise<S.Task> {
      await em.transactional(async (tx) => {
        const task = await findTask(tx, id, true);
        requireOwner(task, user, 'complete it');
        if (task.status !== 'in_progress') throw problems.invalidState(`Task ${id} is ${task.status}; only in-progress tasks can be completed.`);
        task.status = 'completed';
        task.completedAt = now();
        recordEvent(tx, 'task_completed', { recipientId: task.freelancer!.id, actorId: user.id, payload: { task_id: task.id } });
      });
      return taskView(em, id);
    },

    async apply(em: EntityManager, user: User, id: number, input: S.ApplyToTaskRequest): Promise<S.ApplyToTaskResponse> {
      if (!user.isFreelancer) throw problems.forbidden('Only freelancers apply. Turn on is_freelancer in your profile first.');
      const bidMinor = toMinor(input.bid_amount);
      if (bidMinor <= 0 || bidMinor > MAX_MONEY_MINOR) throw problems.field('bid_amount', 'The bid is above 0.00 and at most 1000000.00.');
      // One statement checks, locks, inserts and records the event (see apply-statement.ts).
      const [seen] = await querySql<ApplyOutcome>(
        em,
        applyStatement({ taskId: id, freelancerId: user.id, proposal: input.proposal, bidMinor, bidAmount: input.bid_amount, at: new Date() }),
      );
      if (seen?.application_id) return { application_id: seen.application_id, status: 'pending', task_id: id };
      if (!seen?.task_status) throw problems.notFound(`There is no task ${id}.`);
      if (!seen.freelancer_active) throw problems.tokenInvalid('This account was deleted.');
      if (seen.client_id === user.id) throw problems.forbidden('You cannot apply to your own task.');
      if (seen.task_status !== 'open') throw problems.invalidState(`Task ${id} is ${seen.task_status}; only open tasks accept applications.`);
      throw problems.alreadyExists(`You already applied to task ${id}.`);
    },

    async accept(em: EntityManager, user: User, applicationId: number): Promise<S.Application> {
      await em.transactional(async (tx) => {
        const found = await loadApplication(tx, applicationId);
        requireOwner(found.task, user, 'accept its applications');
        // Concurrent accepts queue on this lock; the second one then sees the task in progress.
        const task = await findTask(tx, found.task.id, true);
        await tx.refresh(found);
        if (task.status !== 'open') throw problems.invalidState(`Task ${task.id} is ${task.status}; it already has a freelancer or is closed.`);
        if (found.status !== 'pending') throw problems.invalidState(`Application ${applicationId} is ${found.status}; only pending applications can be accepted.`);
        found.status = 'accepted';
        found.decidedAt = now();
        task.status = 'in_progress';
        task.freelancer = found.freelancer;
        task.acceptedApplicationId = found.id;
        recordEvent(tx, 'application_accepted', { recipientId: found.freelancer.id, actorId: user.id, payload: { task_id: task.id, application_id: found.id } });
        const others = await tx.find(Application, { task, status: 'pending', id: { $ne: found.id } });
        for (const other of others) {
          other.status = 'rejected';
          other.decidedAt = now();
          recordEvent(tx, 'application_rejected', { recipientId: other.freelancer.id, actorId: user.id, payload: { task_id: task.id, application_id: other.id, reason: 'another_application_accepted' } });
        }
      });
      return toApplication(await loadApplication(em.fork(), applicationId));
    },

    async reject(em: EntityManager, user: User, applicationId: number, reason: string | undefined): Promise<S.Application> {
      await em.transactional(async (tx) => {
        const found = await loadApplication(tx, applicationId);
        requireOwner(found.task, user, 'reject its applications');
        await findTask(tx, found.task.id, true);
        await tx.refresh(found);
        if (found.status !== 'pending') throw problems.invalidState(`Application ${applicationId} is ${found.status}; only pending applications can be rejected.`);
        found.status = 'rejected';
        found.decidedAt = now();
        recordEvent(tx, 'application_rejected', { recipientId: found.freelancer.id, actorId: user.id, payload: { task_id: found.task.id, application_id: found.id, reason: reason ?? null } });
      });
      return toApplication(await loadApplication(em.fork(), applicationId));
    },

    async applicationsOfTask(em: EntityManager, user: User, id: number, query: PageQuery & { status?: S.ApplicationStatus; ordering: string }) {
      const task = await findTask(em, id);
      requireOwner(task, user, 'see its applications');
      const direction = query.ordering.startsWith('-') ? 'desc' : 'asc';
      const field = query.ordering.replace('-', '') === 'bid_amount' ? 'bidMinor' : 'createdAt';
      const { limit, offset } = pageWindow(query);
      const [items, count] = await em.findAndCount(
        Application,
        { task, ...(query.status ? { status: query.status } : {}) },
        { populate: ['task', 'task.category', 'task.client', 'freelancer'], orderBy: [{ [field]: direction }, { id: direction }], limit, offset },
      );
      return { count, results: items.map(toApplication) };
    },

    async applicationsOfFreelancer(em: EntityManager, user: User, query: PageQuery & { status?: S.ApplicationStatus }) {
      const { limit, offset } = pageWindow(query);
      const [items, count] = await em.findAndCount(
        Application,
        { freelancer: user.id, task: { deletedAt: null }, ...(query.status ? { status: query.status } : {}) },
        { populate: ['task', 'task.category', 'task.client', 'freelancer'], orderBy: [{ createdAt: 'desc' }, { id: 'desc' }], limit, offset },
      );
      return { count, results: items.map(toApplication) };
    },

    async review(em: EntityManager, user: User, id: number, input: S.CreateReviewRequest): Promise<S.Review> {
      try {
        const reviewId = await em.transactional(async (tx) => {
          const task = await findTask(tx, id);
          const isClient = task.client.id === user.id;
          const isFreelancer = task.freelancer?.id === user.id;
          if (!isClient && !isFreelancer) throw problems.forbidden('Only the task’s client and its freelancer review each other.');
          if (task.status !== 'completed') throw problems.invalidState(`Task ${id} is ${task.status}; reviews come after completion.`);
          if (await tx.count(Review, { task, reviewer: user.id })) throw problems.alreadyExists(`You already reviewed task ${id}.`);
          const revieweeId = isClient ? task.freelancer!.id : task.client.id;
          // The reviewee's running totals change under a lock, so concurrent reviews add up.
          const reviewee = await tx.findOneOrFail(User, revieweeId, { lockMode: LockMode.PESSIMISTIC_WRITE });
          reviewee.ratingSum += input.rating;
          reviewee.reviewsCount += 1;
          const review = tx.create(Review, {
            task,
            reviewer: tx.getReference(User, user.id),
            reviewee,
            role: isClient ? 'client_to_freelancer' : 'freelancer_to_client',
            rating: input.rating,
            comment: input.comment ?? '',
          });
          await tx.flush();
          recordEvent(tx, 'review_received', { recipientId: reviewee.id, actorId: user.id, payload: { task_id: task.id, review_id: review.id, rating: input.rating } });
          return review.id;
        });
        const review = await em.fork().findOneOrFail(Review, reviewId, { populate: ['task', 'reviewer', 'reviewee'] });
        return toReview(review);
      } catch (error) {
        if (error instanceof UniqueConstraintViolationException) throw problems.alreadyExists(`You already reviewed task ${id}.`);
        throw error;
      }
    },

    async reviewsOfTask(em: EntityManager, id: number, query: PageQuery) {
      const task = await findTask(em, id);
      const { limit, offset } = pageWindow(query);
      const [items, count] = await em.findAndCount(Review, { task }, { populate: ['reviewer', 'reviewee'], orderBy: [{ createdAt: 'desc' }, { id: 'desc' }], limit, offset });
      return { count, results: items.map(toReview) };
    },

    async reviewsOfUser(em: EntityManager, username: string, query: PageQuery & { role?: 'as_client' | 'as_freelancer' }) {
      const user = await findUserByUsername(em, username);
      if (!user) throw problems.notFound(`No user is called ${username}.`);
      const role = query.role === 'as_client' ? 'freelancer_to_client' : query.role === 'as_freelancer' ? 'client_to_freelancer' : undefined;
      const { limit, offset } = pageWindow(query);
      const [items, count] = await em.findAndCount(
        Review,
        { reviewee: user, ...(role ? { role } : {}) },
        { populate: ['reviewer', 'reviewee'], orderBy: [{ createdAt: 'desc' }, { id: 'desc' }], limit, offset },
      );
      return { count, results: items.map(toReview) };
    },

    async save(em: EntityManager, user: User, id: number): Promise<{ saved: S.SavedTask; created: boolean }> {
      const task = await findTask(em, id);
      const existing = await em.findOne(SavedTask, { user: user.id, task });
      if (existing) return { saved: toSavedTask(await em.populate(existing, TASK_SUMMARY_POPULATE.map((p) => `task.${p}` as const))), created: false };
      try {
        const saved = em.create(SavedTask, { user: em.getReference(User, user.id), task });
        await em.flush();
        await em.populate(saved, ['task.category', 'task.client']);
        return { saved: toSavedTask(saved), created: true };
      } catch (error) {
        // Saved twice at the same moment: the other request's bookmark is the one.
        if (!(error instanceof UniqueConstraintViolationException)) throw error;
        const winner = await em.fork().findOneOrFail(SavedTask, { user: user.id, task: id }, { populate: ['task.category', 'task.client'] });
        return { saved: toSavedTask(winner), created: false };
      }
    },

    async savedStatus(em: EntityManager, user: User, id: number): Promise<S.TaskSavedStatus> {
      const task = await findTask(em, id);
      const saved = await em.findOne(SavedTask, { user: user.id, task });
      return { task_id: task.id, is_saved: saved != null, saved_at: saved?.savedAt.toISOString() ?? null };
    },

    async unsave(em: EntityManager, user: User, taskId: number): Promise<void> {
      const deleted = await em.nativeDelete(SavedTask, { user: user.id, task: taskId });
      if (!deleted) throw problems.notFound(`Task ${taskId} is not in your saved tasks.`);
    },

    async savedTasks(em: EntityManager, user: User, query: PageQuery) {
      const { limit, offset } = pageWindow(query);
      const [items, count] = await em.findAndCount(
        SavedTask,
        { user: user.id, task: { deletedAt: null } },
        { populate: ['task.category', 'task.client'], orderBy: [{ savedAt: 'desc' }, { id: 'desc' }], limit, offset },
      );
      return { count, results: items.map(toSavedTask) };
    },
  };
}

export type TasksService = ReturnType<typeof createTasksService>;
