/**
 * The Tasks operations of the contract: thin handlers over the tasks service.
 */
import { averageRating } from '../auth/auth.serializers.ts';
import { currentUser, mount, type AppRouter } from '../app/router.ts';
import { listCategories } from '../catalog/catalog-views.ts';
import { routes } from '../contract/routes.ts';
import { toPage } from '../lib/pagination.ts';
import type { TasksService } from './tasks.service.ts';
import { platformStatistics, userStatistics } from './tasks.statistics.ts';

export function registerTasksRoutes(router: AppRouter, tasks: TasksService): void {
  // Hono matches in registration order: fixed paths (/tasks/saved/) before /tasks/{id}/.
  mount(router, routes.listTasks, async (c) => {
    const { page, page_size, ...filters } = c.req.valid('query');
    const query = { page, page_size };
    const { count, results } = await tasks.list(c.get('em'), { ...filters, status: filters.status ?? 'open' }, query);
    return c.json(toPage(c.req.url, query, count, results), 200);
  });

  mount(router, routes.listMyTasks, async (c) => {
    const { page, page_size, ...filters } = c.req.valid('query');
    const query = { page, page_size };
    const { count, results } = await tasks.list(c.get('em'), { ...filters, clientId: currentUser(c).id }, query);
    return c.json(toPage(c.req.url, query, count, results), 200);
  });

  mount(router, routes.createTask, async (c) => c.json(await tasks.create(c.get('em'), currentUser(c), c.req.valid('json')), 201));

  mount(router, routes.listTaskCategories, async (c) => c.json({ results: await listCategories(c.get('em')) }, 200));

  mount(router, routes.listMyApplications, async (c) => {
    const query = c.req.valid('query');
    const { count, results } = await tasks.applicationsOfFreelancer(c.get('em'), currentUser(c), query);
    return c.json(toPage(c.req.url, query, count, results), 200);
  });

  mount(router, routes.getTaskStatistics, async (c) => c.json(await platformStatistics(c.get('em')), 200));

  mount(router, routes.getMyTaskStatistics, async (c) => {
    const user = currentUser(c);
    const figures = await userStatistics(c.get('em'), user.id);
    return c.json({ ...figures, rating: averageRating(user), reviews_count: user.reviewsCount }, 200);
  });

  mount(router, routes.listSavedTasks, async (c) => {
    const query = c.req.valid('query');
    const { count, results } = await tasks.savedTasks(c.get('em'), currentUser(c), query);
    return c.json(toPage(c.req.url, query, count, results), 200);
  });

  mount(router, routes.getTask, async (c) => c.json(await tasks.get(c.get('em'), c.req.valid('param').id), 200));

  mount(router, routes.updateTask, async (c) => {
    return c.json(await tasks.update(c.get('em'), currentUser(c), c.req.valid('param').id, c.req.valid('json')), 200);
  });

  mount(router, routes.partialUpdateTask, async (c) => {
    return c.json(await tasks.update(c.get('em'), currentUser(c), c.req.valid('param').id, c.req.valid('json')), 200);
  });

  mount(router, routes.deleteTask, async (c) => {
    await tasks.remove(c.get('em'), currentUser(c), c.req.valid('param').id);
    return c.body(null, 204);
  });

  mount(router, routes.cancelTask, async (c) => {
    // The body is optional: an empty one means no reason.
    const body = (await c.req.text()) ? c.req.valid('json') : {};
    return c.json(await tasks.cancel(c.get('em'), currentUser(c), c.req.valid('param').id, body?.reason), 200);
  });

  mount(router, routes.completeTask, async (c) => c.json(await tasks.complete(c.get('em'), currentUser(c), c.req.valid('param').id), 200));

  mount(router, routes.applyToTask, async (c) => {
    return c.json(await tasks.apply(c.get('em'), currentUser(c), c.req.valid('param').id, c.req.valid('json')), 201);
  });

  mount(router, routes.listTaskApplications, async (c) => {
    const query = c.req.valid('query');
    const { count, results } = await tasks.applicationsOfTask(c.get('em'), currentUser(c), c.req.valid('param').id, query);
    return c.json(toPage(c.req.url, query, count, results), 200);
  });

  mount(router, routes.acceptApplication, async (c) => c.json(await tasks.accept(c.get('em'), currentUser(c), c.req.valid('param').id), 200));

  mount(router, routes.rejectApplication, async (c) => {
    const body = (await c.req.text()) ? c.req.valid('json') : {};
    return c.json(await tasks.reject(c.get('em'), currentUser(c), c.req.valid('param').id, body?.reason), 200);
  });

  mount(router, routes.createReview, async (c) => {
    return c.json(await tasks.review(c.get('em'), currentUser(c), c.req.valid('param').id, c.req.valid('json')), 201);
  });

  mount(router, routes.listTaskReviews, async (c) => {
    const query = c.req.valid('query');
    const { count, results } = await tasks.reviewsOfTask(c.get('em'), c.req.valid('param').id, query);
    return c.json(toPage(c.req.url, query, count, results), 200);
  });

  mount(router, routes.listUserReviews, async (c) => {
    const query = c.req.valid('query');
    const { count, results } = await tasks.reviewsOfUser(c.get('em'), c.req.valid('param').username, query);
    return c.json(toPage(c.req.url, query, count, results), 200);
  });

  mount(router, routes.saveTask, async (c) => {
    const { saved, created } = await tasks.save(c.get('em'), currentUser(c), c.req.valid('param').id);
    return created ? c.json(saved, 201) : c.json(saved, 200);
  });

  mount(router, routes.getTaskSavedStatus, async (c) => c.json(await tasks.savedStatus(c.get('em'), currentUser(c), c.req.valid('param').id), 200));

  mount(router, routes.unsaveTask, async (c) => {
    await tasks.unsave(c.get('em'), currentUser(c), c.req.valid('param').id);
    return c.body(null, 204);
  });
}
