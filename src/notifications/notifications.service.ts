/**
 * The notification inbox: only the recipient sees or changes a notification (404 for anyone
 * else), and the preferences that decide what the dispatcher writes.
 */
import type { EntityManager } from '@mikro-orm/postgresql';
import type { User } from '../auth/auth.entities.ts';
import type * as S from '../contract/schemas.ts';
import { querySql } from '../db/sql.ts';
import { pageWindow, type PageQuery } from '../lib/pagination.ts';
import { problems } from '../lib/problem.ts';
import type { NotificationType } from './notifications.entities.ts';
import { NOTIFICATION_SELECT, toNotification, type NotificationRow } from './notification-views.ts';
import { preferencesOf, replacePreferences } from './preferences.ts';
import type { UnsubscribeTokens } from './unsubscribe-tokens.ts';

export function createNotificationsService(now: () => Date, unsubscribeTokens: UnsubscribeTokens) {
  return {
    async list(em: EntityManager, user: User, query: PageQuery & { is_read?: boolean; type?: NotificationType }) {
      const where = `n.recipient_id = $1 and ($2::boolean is null or (n.read_at is not null) = $2) and ($3::text is null or n.type = $3)`;
      const values = [user.id, query.is_read ?? null, query.type ?? null];
      const { limit, offset } = pageWindow(query);
      const [rows, [counted]] = await Promise.all([
        querySql<NotificationRow>(em, { text: `${NOTIFICATION_SELECT} where ${where} order by n.id desc limit $4 offset $5`, values: [...values, limit, offset] }),
        querySql<{ count: number }>(em, { text: `select count(*)::int as count from notification n where ${where}`, values }),
      ]);
      return { count: counted!.count, results: rows.map(toNotification) };
    },

    async unreadCount(em: EntityManager, user: User): Promise<S.UnreadNotificationCount> {
      const [row] = await querySql<{ n: number }>(em, { text: `select count(*)::int as n from notification where recipient_id = $1 and read_at is null`, values: [user.id] });
      return { unread_count: row!.n };
    },

    async markRead(em: EntityManager, user: User, id: number): Promise<S.Notification> {
      // The first read_at stays.
      await querySql(em, { text: `update notification set read_at = $3 where id = $1 and recipient_id = $2 and read_at is null`, values: [id, user.id, now()] });
      const [row] = await querySql<NotificationRow>(em, { text: `${NOTIFICATION_SELECT} where n.id = $1 and n.recipient_id = $2`, values: [id, user.id] });
      if (!row) throw problems.notFound(`There is no notification ${id}.`);
      return toNotification(row);
    },

    async markAllRead(em: EntityManager, user: User): Promise<S.NotificationsUpdated> {
      const [row] = await querySql<{ n: number }>(em, {
        text: `with marked as (update notification set read_at = $2 where recipient_id = $1 and read_at is null returning 1) select count(*)::int as n from marked`,
        values: [user.id, now()],
      });
      return { updated: row!.n };
    },

    async remove(em: EntityManager, user: User, id: number): Promise<void> {
      const [row] = await querySql<{ id: string }>(em, { text: `delete from notification where id = $1 and recipient_id = $2 returning id`, values: [id, user.id] });
      if (!row) throw problems.notFound(`There is no notification ${id}.`);
    },

    async clear(em: EntityManager, user: User): Promise<void> {
      await querySql(em, { text: `delete from notification where recipient_id = $1`, values: [user.id] });
    },

    preferences: (em: EntityManager, user: User) => preferencesOf(em, user.id),

    replacePreferences: (em: EntityManager, user: User, preferences: S.NotificationPreferences) => replacePreferences(em, user.id, preferences, now()),

    /** The unsubscribe link of a notification mail: that account's notification mails off. */
    async unsubscribe(em: EntityManager, token: string): Promise<void> {
      const userId = await unsubscribeTokens.verify(token);
      await replacePreferences(em, userId, { ...(await preferencesOf(em, userId)), email_enabled: false }, now());
    },
  };
}

export type NotificationsService = ReturnType<typeof createNotificationsService>;
