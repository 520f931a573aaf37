/**
 * The Recommendations operations of the contract: thin handlers over the catalogue reads, the
 * profile service and the rankings. The public catalogue answers carry a weak ETag and may be
 * cached for a minute (a matching If-None-Match gets 304).
 */
import { etag } from 'hono/etag';
import { createMiddleware } from 'hono/factory';
import { currentUser, mount, type AppRouter } from '../app/router.ts';
import type { AppEnv } from '../app/env.ts';
import { routes } from '../contract/routes.ts';
import { toPage } from '../lib/pagination.ts';
import { listCategoryOverviews, listServiceOfferings, listSkills } from './catalogue.ts';
import type { ProfileService } from './profile.service.ts';
import type { RecommendationsService } from './recommendations.service.ts';

const CATALOGUE_CACHE_CONTROL = 'public, max-age=60';

const cacheable = [
  // A 304 is a new response built by etag(): the request id goes on it again.
  createMiddleware<AppEnv>(async (c, next) => {
    await next();
    c.header('X-Request-Id', c.get('requestId'));
  }),
  etag({ weak: true }),
  createMiddleware<AppEnv>(async (c, next) => {
    await next();
    if (c.res.status === 200) c.header('Cache-Control', CATALOGUE_CACHE_CONTROL);
  }),
];

export function registerRecommendationsRoutes(router: AppRouter, deps: { profiles: ProfileService; recommendations: RecommendationsService }): void {
  const { profiles, recommendations } = deps;

  mount(router, routes.listSkills, async (c) => c.json(await listSkills(c.get('em'), c.req.valid('query')), 200), { before: cacheable });

  mount(router, routes.listRecommendationCategories, async (c) => c.json(await listCategoryOverviews(c.get('em')), 200), { before: cacheable });

  mount(
    router,
    routes.listServiceOfferings,
    async (c) => {
      const { page, page_size, ...filters } = c.req.valid('query');
      const query = { page, page_size };
      const { count, results } = await listServiceOfferings(c.get('em'), filters, query);
      return c.json(toPage(c.req.url, query, count, results), 200);
    },
    { before: cacheable },
  );

  mount(router, routes.listMySkills, async (c) => c.json(await profiles.mySkills(c.get('em'), currentUser(c)), 200));

  mount(router, routes.updateMySkills, async (c) => c.json(await profiles.updateSkills(c.get('em'), currentUser(c), c.req.valid('json')), 200));

  mount(router, routes.getRecommendationPreferences, async (c) => c.json(await profiles.preferences(c.get('em'), currentUser(c)), 200));

  mount(router, routes.updateRecommendationPreferences, async (c) => c.json(await profiles.updatePreferences(c.get('em'), currentUser(c), c.req.valid('json')), 200));

  mount(router, routes.completeOnboarding, async (c) => c.json(await profiles.completeOnboarding(c.get('em'), currentUser(c), c.req.valid('json')), 200));

  mount(router, routes.getOnboardingStatus, async (c) => c.json(await profiles.onboardingStatus(c.get('em'), currentUser(c)), 200));

  mount(router, routes.listRecommendedTasks, async (c) => c.json(await recommendations.tasksFor(c.get('em'), currentUser(c), c.req.valid('query')), 200));

  mount(router, routes.listRecommendedFreelancers, async (c) => c.json(await recommendations.freelancersFor(c.get('em'), currentUser(c), c.req.valid('query')), 200));

  mount(router, routes.listFreelancersForTask, async (c) => {
    return c.json(await recommendations.freelancersForTask(c.get('em'), currentUser(c), c.req.valid('param').task_id, c.req.valid('query')), 200);
  });
}
