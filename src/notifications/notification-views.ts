/**
 * A notification as the API shows it (the inbox, and the event streams' `notification.created`).
 */
import type * as S from '../contract/schemas.ts';
import { USER_JSON, userSummaryFromJson, type UserJson } from '../tasks/task-views.ts';
import type { NotificationType } from './notifications.entities.ts';

export type NotificationRow = {
  id: string;
  type: NotificationType;
  title: string;
  body: string;
  read_at: Date | null;
  actor: UserJson | null;
  target_kind: S.NotificationTarget['kind'] | null;
  target_id: number | null;
  target_url: string | null;
  created_at: Date;
};

export const NOTIFICATION_SELECT = `select n.id, n.type, n.title, n.body, n.read_at, n.target_kind, n.target_id, n.target_url, n.created_at,
  case when a.id is null then null else ${USER_JSON('a')} end as actor
  from notification n left join app_user a on a.id = n.actor_id`;

export function toNotification(row: NotificationRow): S.Notification {
  return {
    id: Number(row.id),
    type: row.type,
    title: row.title,
    body: row.body,
    is_read: row.read_at !== null,
    read_at: row.read_at && new Date(row.read_at).toISOString(),
    actor: row.actor && userSummaryFromJson(row.actor),
    target: row.target_kind ? { kind: row.target_kind, id: row.target_id!, url: row.target_url! } : null,
    created_at: new Date(row.created_at).toISOString(),
  };
}
