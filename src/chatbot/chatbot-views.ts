/**
 * Sessions and messages as the contract's JSON. A session ends after 24 hours without a message:
 * that is read from its last activity (here and in SQL), so no job has to keep it true.
 */
import type * as S from '../contract/schemas.ts';
import type { ChatMessage, ChatSession } from './chatbot.entities.ts';

export const IDLE_HOURS = 24;
const IDLE_MS = IDLE_HOURS * 60 * 60 * 1000;

const lastActivity = (session: Pick<ChatSession, 'lastMessageAt' | 'createdAt'>) => session.lastMessageAt ?? session.createdAt;

export const isIdle = (session: Pick<ChatSession, 'lastMessageAt' | 'createdAt'>, now: Date) => now.getTime() - lastActivity(session).getTime() >= IDLE_MS;

/** A session's status as of `$2` (the statement's clock), idle sessions counted as ended. */
export const SESSION_STATUS_SQL = `(case when status = 'active' and coalesce(last_message_at, created_at) <= $2::timestamptz - interval '${IDLE_HOURS} hours' then 'ended' else status end)`;

export function chatMessageJson(message: ChatMessage): S.ChatMessage {
  return {
    id: message.id,
    session_id: typeof message.session === 'number' ? message.session : message.session.id,
    role: message.role,
    content: message.content,
    rating: message.rating ?? null,
    created_at: message.createdAt.toISOString(),
  };
}

export function chatSessionJson(session: ChatSession, messages: ChatMessage[], now: Date): S.ChatSession {
  const idle = session.status === 'active' && isIdle(session, now);
  return {
    id: session.id,
    title: session.title,
    status: idle ? 'ended' : session.status,
    messages: messages.map(chatMessageJson),
    task_draft: session.taskDraft ?? null,
    created_at: session.createdAt.toISOString(),
    ended_at: idle ? new Date(lastActivity(session).getTime() + IDLE_MS).toISOString() : (session.endedAt?.toISOString() ?? null),
  };
}
