/**
 * Notification preferences: the stored ones, or the defaults for a user who never changed them
 * (every type in the inbox; by email everything except messages, rejections and reviews).
 */
import type { EntityManager } from '@mikro-orm/postgresql';
import type * as S from '../contract/schemas.ts';
import { NOTIFICATION_TYPES, NotificationPreferences, type NotificationType } from './notifications.entities.ts';

const QUIET_BY_EMAIL: NotificationType[] = ['message_received', 'application_rejected', 'review_received'];

export const DEFAULT_PREFERENCES: S.NotificationPreferences = {
  email_enabled: true,
  in_app_enabled: true,
  digest: 'none',
  types: Object.fromEntries(NOTIFICATION_TYPES.map((type) => [type, { in_app: true, email: !QUIET_BY_EMAIL.includes(type) }])) as S.NotificationPreferences['types'],
};

export async function preferencesOf(em: EntityManager, userId: number): Promise<S.NotificationPreferences> {
  const stored = await em.findOne(NotificationPreferences, { user: userId });
  if (!stored) return DEFAULT_PREFERENCES;
  return { email_enabled: stored.emailEnabled, in_app_enabled: stored.inAppEnabled, digest: stored.digest, types: stored.types };
}

export async function replacePreferences(em: EntityManager, userId: number, preferences: S.NotificationPreferences, at: Date): Promise<S.NotificationPreferences> {
  await em.upsert(NotificationPreferences, {
    user: userId,
    emailEnabled: preferences.email_enabled,
    inAppEnabled: preferences.in_app_enabled,
    digest: preferences.digest,
    types: preferences.types,
    updatedAt: at,
  });
  return preferences;
}
