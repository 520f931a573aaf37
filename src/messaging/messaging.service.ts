/**
 * Messaging: one conversation per pair of users and task, seen only by its two participants,
 * messages in order with per-participant read state. Sending records `message_received` for the
 * recipient in the same transaction, and is limited per sender.
 */
import type { EntityManager } from '@mikro-orm/postgresql';
import type { User } from '../auth/auth.entities.ts';
import type * as S from '../contract/schemas.ts';
import { querySql } from '../db/sql.ts';
import { pageWindow, type PageQuery } from '../lib/pagination.ts';
import { problems } from '../lib/problem.ts';
import type { RateLimit } from '../lib/rate-limit.ts';
import {
  conversationByIdQuery,
  conversationCountQuery,
  conversationFromRow,
  conversationListQuery,
  messageCountQuery,
  messageFromRow,
  messageListQuery,
  type ConversationFilters,
  type ConversationRow,
} from './messaging-views.ts';
import { recipientQuery, sendMessageStatement, type Recipient } from './message-statements.ts';

export type MessagingDeps = { now: () => Date; sendLimit: RateLimit };

const MAX_CONTENT = 5_000;

/** The content as stored: trimmed, 1–5,000 characters (a 400 naming `field` otherwise). */
function messageContent(content: string, field: string): string {
  const trimmed = content.trim();
  if (!trimmed) throw problems.field(field, 'Write something: the message is empty or only whitespace.');
  if (trimmed.length > MAX_CONTENT) throw problems.field(field, `Use at most ${MAX_CONTENT} characters.`);
  return trimmed;
}

export function createMessagingService({ now, sendLimit }: MessagingDeps) {
  async function view(em: EntityManager, viewer: User, id: number): Promise<S.Conversation> {
    const [row] = await querySql<ConversationRow>(em, conversationByIdQuery(viewer.id, id));
    if (!row) throw problems.notFound(`There is no conversation ${id}.`);
    return conversationFromRow(row, viewer.id);
  }

  /** The other participant of a conversation the sender takes part in (404 otherwise). */
  async function recipientOf(em: EntityManager, sender: User, id: number): Promise<Recipient> {
    const [conversation] = await querySql<Recipient>(em, recipientQuery(sender.id, id));
    if (!conversation) throw problems.notFound(`There is no conversation ${id}.`);
    return conversation;
  }

  /** Writes a message whose content is checked and whose sender's limit is spent. */
  async function insertMessage(em: EntityManager, sender: User, conversationId: number, recipientId: number, content: string): Promise<S.SentMessage> {
    const at = now();
    const [sent] = await querySql<{ id: number }>(em, sendMessageStatement({ conversationId, sender, recipientId, content, at }));
    return { message_id: sent!.id, conversation_id: conversationId, sender: sender.username, content, created_at: at.toISOString() };
  }

  return {
    async list(em: EntityManager, viewer: User, filters: ConversationFilters, page: PageQuery) {
      const window = pageWindow(page);
      const [rows, [counted]] = await Promise.all([
        querySql<ConversationRow>(em, conversationListQuery(viewer.id, filters, window)),
        querySql<{ count: number }>(em, conversationCountQuery(viewer.id, filters)),
      ]);
      return { count: counted!.count, results: rows.map((row) => conversationFromRow(row, viewer.id)) };
    },

    get: view,

    async create(em: EntityManager, user: User, input: S.CreateConversationRequest): Promise<{ conversation: S.Conversation; created: boolean }> {
      const content = input.message === undefined ? undefined : messageContent(input.message, 'message');
      const [other] = await querySql<{ id: number }>(em, {
        text: `select id from app_user where lower(username) = lower($1) and deleted_at is null`,
        values: [input.participant],
      });
      if (!other) throw problems.notFound(`There is no user ${input.participant}.`);
      if (other.id === user.id) throw problems.businessRule('You cannot start a conversation with yourself.', { participant: ['Name another user.'] });
      const taskId = input.task_id ?? null;
      if (taskId !== null) {
        const [task] = await querySql<{ client_id: number }>(em, { text: `select client_id from task where id = $1 and deleted_at is null`, values: [taskId] });
        if (!task) throw problems.notFound(`There is no task ${taskId}.`);
        if (task.client_id !== user.id && task.client_id !== other.id) {
          throw problems.forbidden(`A conversation about task ${taskId} involves its client.`);
        }
      }
      if (content !== undefined) await sendLimit.consume(String(user.id));
      const [userA, userB] = user.id < other.id ? [user.id, other.id] : [other.id, user.id];
      // The conversation and its first message together, or neither.
      const { id, created } = await em.transactional(async (tx) => {
        // One per pair and task: a second start finds the first (the unique index decides races).
        const [inserted] = await querySql<{ id: number }>(tx, {
          text: `insert into conversation (user_a_id, user_b_id, task_id, created_at, updated_at) values ($1, $2, $3, $4, $4)
                 on conflict (user_a_id, user_b_id, coalesce(task_id, 0)) do nothing returning id`,
          values: [userA, userB, taskId, now()],
        });
        const [found] = inserted
          ? [inserted]
          : await querySql<{ id: number }>(tx, {
              text: `select id from conversation where user_a_id = $1 and user_b_id = $2 and coalesce(task_id, 0) = coalesce($3::int, 0)`,
              values: [userA, userB, taskId],
            });
        if (content !== undefined) await insertMessage(tx, user, found!.id, other.id, content);
        return { id: found!.id, created: Boolean(inserted) };
      });
      return { conversation: await view(em, user, id), created };
    },

    async messages(em: EntityManager, viewer: User, id: number, query: PageQuery & { since?: string; until_id?: number }) {
      await recipientOf(em, viewer, id);
      // Anchored at the newest message when paging starts, so later pages do not shift.
      const [newest] = await querySql<{ id: number | null }>(em, { text: `select max(id) as id from message where conversation_id = $1`, values: [id] });
      const untilId = query.until_id ?? newest?.id ?? 0;
      const filters = { since: query.since, untilId };
      const [rows, [counted]] = await Promise.all([
        querySql<Parameters<typeof messageFromRow>[0]>(em, messageListQuery(id, filters, pageWindow(query))),
        querySql<{ count: number }>(em, messageCountQuery(id, filters)),
      ]);
      return { count: counted!.count, untilId, results: rows.map(messageFromRow) };
    },

    async send(em: EntityManager, sender: User, id: number, input: S.SendMessageRequest): Promise<S.SentMessage> {
      const content = messageContent(input.content, 'content');
      const { recipient_id: recipientId, recipient_deleted: recipientDeleted } = await recipientOf(em, sender, id);
      if (recipientDeleted) throw problems.invalidState('The other participant deleted their account: they cannot receive messages.');
      await sendLimit.consume(String(sender.id));
      return insertMessage(em, sender, id, recipientId, content);
    },

    async markRead(em: EntityManager, viewer: User, id: number): Promise<S.ConversationReadReceipt> {
      const { recipient_id: otherId } = await recipientOf(em, viewer, id);
      // Both participants' streams hear of it (the sender sees the messages read), when any changed.
      const [marked] = await querySql<{ n: number }>(em, {
        text: `with marked as (
                 update message set read_at = $3 where conversation_id = $1 and sender_id <> $2 and read_at is null returning 1
               ), counted as (
                 select count(*)::int as n from marked
               ), live as (
                 insert into live_event (user_id, type, payload, created_at)
                 select participant, 'conversation.read',
                        jsonb_build_object('conversation_id', $1::int, 'reader_id', $2::int, 'marked_read', counted.n, 'read_at', $3::timestamptz), $3
                   from counted, unnest(array[$2::int, $4::int]) as participant
                  where counted.n > 0
               ) select n from counted`,
        values: [id, viewer.id, now(), otherId],
      });
      return { conversation_id: id, marked_read: marked!.n, unread_count: 0 };
    },

    async statistics(em: EntityManager, viewer: User): Promise<S.MessagingStatistics> {
      const [row] = await querySql<Record<string, number>>(em, {
        text: `with mine as (select id from conversation where user_a_id = $1 or user_b_id = $1)
               select (select count(*)::int from mine) as conversations,
                      count(*) filter (where m.sender_id = $1)::int as sent,
                      count(*) filter (where m.sender_id <> $1)::int as received,
                      count(*) filter (where m.sender_id <> $1 and m.read_at is null)::int as unread,
                      count(distinct m.conversation_id) filter (where m.sender_id <> $1 and m.read_at is null)::int as unread_conversations
                 from message m where m.conversation_id in (select id from mine)`,
        values: [viewer.id],
      });
      return {
        total_conversations: row!.conversations!,
        total_messages_sent: row!.sent!,
        total_messages_received: row!.received!,
        unread_messages: row!.unread!,
        unread_conversations: row!.unread_conversations!,
      };
    },
  };
}

export type MessagingService = ReturnType<typeof createMessagingService>;
