/**
 * Assistant sessions, their messages, and the tokens the model used for each user. A session
 * keeps its message count and last activity, so that lists need not count rows.
 */
import { defineEntity, p } from '@mikro-orm/core';
import { User } from '../auth/auth.entities.ts';
import type { TaskDraft } from '../contract/schemas.ts';

export const CHAT_SESSION_STATUSES = ['active', 'ended'] as const;
export const CHAT_ROLES = ['user', 'assistant'] as const;
export const CHAT_RATINGS = ['up', 'down'] as const;
export const ASSISTANT_OPERATIONS = ['chat', 'extract_task', 'suggest_category'] as const;

const ChatSessionSchema = defineEntity({
  name: 'ChatSession',
  properties: {
    id: p.integer().primary().autoincrement(),
    user: () => p.manyToOne(User).deleteRule('cascade'),
    title: p.string().length(120),
    status: p.enum(CHAT_SESSION_STATUSES).default('active'),
    taskDraft: p.json<TaskDraft>().nullable(),
    draftsExtracted: p.integer().default(0),
    messagesCount: p.integer().default(0),
    lastMessageAt: p.datetime().nullable(),
    createdAt: p.datetime(),
    endedAt: p.datetime().nullable(),
  },
  indexes: [
    // A user's sessions, newest first.
    { name: 'chat_session_user_index', expression: 'create index "chat_session_user_index" on "chat_session" ("user_id", "id" desc)' },
    // The idle sessions the job ends.
    { name: 'chat_session_idle_index', expression: `create index "chat_session_idle_index" on "chat_session" ("last_message_at") where "status" = 'active'` },
  ],
});
export class ChatSession extends ChatSessionSchema.class {}
ChatSessionSchema.setClass(ChatSession);

const ChatMessageSchema = defineEntity({
  name: 'ChatMessage',
  properties: {
    id: p.integer().primary().autoincrement(),
    session: () => p.manyToOne(ChatSession).deleteRule('cascade'),
    role: p.enum(CHAT_ROLES),
    content: p.text(),
    rating: p.enum(CHAT_RATINGS).nullable(),
    ratingComment: p.text().nullable(),
    createdAt: p.datetime(),
  },
  indexes: [{ name: 'chat_message_session_index', expression: 'create index "chat_message_session_index" on "chat_message" ("session_id", "id")' }],
});
export class ChatMessage extends ChatMessageSchema.class {}
ChatMessageSchema.setClass(ChatMessage);

/** What one call to the model cost, as the model reported it. */
const AssistantUsageSchema = defineEntity({
  name: 'AssistantUsage',
  properties: {
    id: p.integer().primary().autoincrement(),
    user: () => p.manyToOne(User).deleteRule('cascade').index(),
    session: () => p.manyToOne(ChatSession).nullable().deleteRule('set null'),
    /** The assistant reply this call wrote, for chat. */
    message: () => p.manyToOne(ChatMessage).nullable().deleteRule('set null'),
    operation: p.enum(ASSISTANT_OPERATIONS),
    model: p.string().length(200),
    promptTokens: p.integer(),
    completionTokens: p.integer(),
    createdAt: p.datetime(),
  },
});
export class AssistantUsage extends AssistantUsageSchema.class {}
AssistantUsageSchema.setClass(AssistantUsage);

export const chatbotEntities = [ChatSessionSchema, ChatMessageSchema, AssistantUsageSchema];
