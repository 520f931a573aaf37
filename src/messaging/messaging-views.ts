/**
 * Reading conversations and messages for the API: each page (or one conversation) in one SQL
 * statement, with its participants, task, last message and the viewer's unread count.
 */
import type * as S from '../contract/schemas.ts';
import { sqlParameters, type SqlQuery } from '../db/sql.ts';
import { TASK_SUMMARY_JSON, USER_JSON, taskSummaryFromJson, userSummaryFromJson, type TaskSummaryJson, type UserJson } from '../tasks/task-views.ts';

/** A message row (`m`) with its sender (`sender`) as JSON: the lists' and the stream's payload. */
export const MESSAGE_JSON = (m: string, sender: string) =>
  `json_build_object('id', ${m}.id, 'conversation_id', ${m}.conversation_id, 'sender', ${USER_JSON(sender)}, 'content', ${m}.content, ` +
  `'read_at', ${m}.read_at, 'created_at', ${m}.created_at)`;

/** `$1` is the viewer's id in every conversation statement. */
const CONVERSATION_SELECT = `
select c.id, c.created_at, c.updated_at,
  ${USER_JSON('ua')} as user_a,
  ${USER_JSON('ub')} as user_b,
  case when t.id is null then null else ${TASK_SUMMARY_JSON('t', 'tcat', 'tc')} end as task,
  (select ${MESSAGE_JSON('m', 's')} from message m join app_user s on s.id = m.sender_id
    where m.conversation_id = c.id order by m.id desc limit 1) as last_message,
  (select count(*)::int from message m where m.conversation_id = c.id and m.sender_id <> $1 and m.read_at is null) as unread_count
from conversation c
join app_user ua on ua.id = c.user_a_id
join app_user ub on ub.id = c.user_b_id
left join task t on t.id = c.task_id
left join category tcat on tcat.id = t.category_id
left join app_user tc on tc.id = t.client_id`;

export type ConversationFilters = { task?: number; unread?: boolean; search?: string };

/** The viewer's conversations matching `filters`: the WHERE clause, with `$1` the viewer. */
function conversationSearch(viewerId: number, filters: ConversationFilters) {
  const { values, param } = sqlParameters();
  param(viewerId);
  const where = ['(c.user_a_id = $1 or c.user_b_id = $1)'];
  if (filters.task) where.push(`c.task_id = ${param(filters.task)}`);
  if (filters.unread !== undefined) {
    where.push(`${filters.unread ? '' : 'not '}exists (select 1 from message m where m.conversation_id = c.id and m.sender_id <> $1 and m.read_at is null)`);
  }
  if (filters.search) {
    const pattern = param(`%${filters.search.replace(/[\\%_]/g, (character) => `\\${character}`)}%`);
    where.push(`exists (select 1 from app_user o where o.id = case when c.user_a_id = $1 then c.user_b_id else c.user_a_id end
                and (o.username ilike ${pattern} or (o.first_name || ' ' || o.last_name) ilike ${pattern}))`);
  }
  return { where: where.join(' and '), values, param };
}

export function conversationListQuery(viewerId: number, filters: ConversationFilters, page: { limit: number; offset: number }): SqlQuery {
  const { where, values, param } = conversationSearch(viewerId, filters);
  return {
    text: `${CONVERSATION_SELECT} where ${where} order by c.updated_at desc, c.id desc limit ${param(page.limit)} offset ${param(page.offset)}`,
    values,
  };
}

export function conversationCountQuery(viewerId: number, filters: ConversationFilters): SqlQuery {
  const { where, values } = conversationSearch(viewerId, filters);
  return { text: `select count(*)::int as count from conversation c where ${where}`, values };
}

/** One conversation, if the viewer takes part in it. */
export function conversationByIdQuery(viewerId: number, id: number): SqlQuery {
  return { text: `${CONVERSATION_SELECT} where c.id = $2 and (c.user_a_id = $1 or c.user_b_id = $1)`, values: [viewerId, id] };
}

export type MessageJson = { id: number; conversation_id: number; sender: UserJson; content: string; read_at: string | null; created_at: string };

export type ConversationRow = {
  id: number;
  created_at: Date | string;
  updated_at: Date | string;
  user_a: UserJson;
  user_b: UserJson;
  task: TaskSummaryJson | null;
  last_message: MessageJson | null;
  unread_count: number;
};

const iso = (value: Date | string) => new Date(value).toISOString();

export function messageFromJson(message: MessageJson): S.Message {
  return {
    id: message.id,
    conversation_id: message.conversation_id,
    sender: userSummaryFromJson(message.sender),
    content: message.content,
    is_read: message.read_at !== null,
    read_at: message.read_at === null ? null : iso(message.read_at),
    created_at: iso(message.created_at),
  };
}

export function conversationFromRow(row: ConversationRow, viewerId: number): S.Conversation {
  const participants = [userSummaryFromJson(row.user_a), userSummaryFromJson(row.user_b)];
  const task = row.task;
  return {
    id: row.id,
    participants,
    other_participant: participants.find((user) => user.id !== viewerId)!,
    task: task && taskSummaryFromJson(task),
    last_message: row.last_message && messageFromJson(row.last_message),
    unread_count: row.unread_count,
    created_at: iso(row.created_at),
    updated_at: iso(row.updated_at),
  };
}

export type MessageFilters = { since?: string; untilId: number };

/** A page of a conversation's messages, newest first, up to `untilId` (the anchor of stable paging). */
export function messageListQuery(conversationId: number, filters: MessageFilters, page: { limit: number; offset: number }): SqlQuery {
  return {
    text: `select ${MESSAGE_JSON('m', 's')} as message from message m join app_user s on s.id = m.sender_id
            where m.conversation_id = $1 and m.id <= $2 and ($3::timestamptz is null or m.created_at > $3)
            order by m.id desc limit $4 offset $5`,
    values: [conversationId, filters.untilId, filters.since ?? null, page.limit, page.offset],
  };
}

export function messageCountQuery(conversationId: number, filters: MessageFilters): SqlQuery {
  return {
    text: `select count(*)::int as count from message m where m.conversation_id = $1 and m.id <= $2 and ($3::timestamptz is null or m.created_at > $3)`,
    values: [conversationId, filters.untilId, filters.since ?? null],
  };
}

export function messageFromRow(row: { message: MessageJson }): S.Message {
  return messageFromJson(row.message);
}
