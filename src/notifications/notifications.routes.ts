/**
 * The Notifications operations of the contract: thin handlers over the notifications service.
 */
import { currentUser, mount, type AppRouter } from '../app/router.ts';
import { routes } from '../contract/routes.ts';
import { toPage } from '../lib/pagination.ts';
import type { NotificationsService } from './notifications.service.ts';

export function registerNotificationsRoutes(router: AppRouter, notifications: NotificationsService): void {
  mount(router, routes.listNotifications, async (c) => {
    const query = c.req.valid('query');
    const { count, results } = await notifications.list(c.get('em'), currentUser(c), query);
    return c.json(toPage(c.req.url, query, count, results), 200);
  });

  mount(router, routes.getUnreadNotificationCount, async (c) => c.json(await notifications.unreadCount(c.get('em'), currentUser(c)), 200));

  mount(router, routes.markAllNotificationsRead, async (c) => c.json(await notifications.markAllRead(c.get('em'), currentUser(c)), 200));

  mount(router, routes.clearAllNotifications, async (c) => {
    await notifications.clear(c.get('em'), currentUser(c));
    return c.body(null, 204);
  });

  mount(router, routes.getNotificationPreferences, async (c) => c.json(await notifications.preferences(c.get('em'), currentUser(c)), 200));

  mount(router, routes.updateNotificationPreferences, async (c) => {
    return c.json(await notifications.replacePreferences(c.get('em'), currentUser(c), c.req.valid('json')), 200);
  });

  mount(router, routes.unsubscribeFromNotificationMails, async (c) => {
    await notifications.unsubscribe(c.get('em'), c.req.valid('json').token);
    return c.json({ detail: 'You will receive no more notification mails.' }, 200);
  });

  mount(router, routes.markNotificationRead, async (c) => c.json(await notifications.markRead(c.get('em'), currentUser(c), c.req.valid('param').id), 200));

  mount(router, routes.deleteNotification, async (c) => {
    await notifications.remove(c.get('em'), currentUser(c), c.req.valid('param').id);
    return c.body(null, 204);
  });
}
