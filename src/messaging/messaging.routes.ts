/**
 * The Messaging operations of the contract: thin handlers over the messaging service.
 */
import { currentUser, mount, type AppRouter } from '../app/router.ts';
import { routes } from '../contract/routes.ts';
import { toPage } from '../lib/pagination.ts';
import type { MessagingService } from './messaging.service.ts';

export function registerMessagingRoutes(router: AppRouter, messaging: MessagingService): void {
  mount(router, routes.listConversations, async (c) => {
    const { page, page_size, ...filters } = c.req.valid('query');
    const query = { page, page_size };
    const { count, results } = await messaging.list(c.get('em'), currentUser(c), filters, query);
    return c.json(toPage(c.req.url, query, count, results), 200);
  });

  mount(router, routes.createConversation, async (c) => {
    const { conversation, created } = await messaging.create(c.get('em'), currentUser(c), c.req.valid('json'));
    return created ? c.json(conversation, 201) : c.json(conversation, 200);
  });

  mount(router, routes.getMessagingStatistics, async (c) => c.json(await messaging.statistics(c.get('em'), currentUser(c)), 200));

  mount(router, routes.getConversation, async (c) => c.json(await messaging.get(c.get('em'), currentUser(c), c.req.valid('param').id), 200));

  mount(router, routes.listMessages, async (c) => {
    const query = c.req.valid('query');
    const { count, untilId, results } = await messaging.messages(c.get('em'), currentUser(c), c.req.valid('param').id, query);
    // The page links keep the anchor, so that the pages after this one stay put.
    const url = new URL(c.req.url);
    if (untilId) url.searchParams.set('until_id', String(untilId));
    return c.json(toPage(url.toString(), query, count, results), 200);
  });

  mount(router, routes.sendMessage, async (c) => {
    return c.json(await messaging.send(c.get('em'), currentUser(c), c.req.valid('param').id, c.req.valid('json')), 201);
  });

  mount(router, routes.markConversationRead, async (c) => c.json(await messaging.markRead(c.get('em'), currentUser(c), c.req.valid('param').id), 200));
}
