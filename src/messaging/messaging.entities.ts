/**
 * Conversations between two users (optionally about a task) and their messages. A pair of users
 * has one conversation per task, and one without a task: the pair is kept in id order so that
 * the database's unique index sees it once.
 */
import { defineEntity, p } from '@mikro-orm/core';
import { User } from '../auth/auth.entities.ts';
import { Task } from '../tasks/tasks.entities.ts';

const ConversationSchema = defineEntity({
  name: 'Conversation',
  properties: {
    id: p.integer().primary().autoincrement(),
    // The participant with the lower id, then the other.
    userA: () => p.manyToOne(User).index(),
    userB: () => p.manyToOne(User).index(),
    task: () => p.manyToOne(Task).nullable().index(),
    createdAt: p.datetime(),
    // The latest activity: lists are ordered by it.
    updatedAt: p.datetime(),
  },
  uniques: [
    {
      name: 'conversation_pair_task_unique',
      expression: 'create unique index "conversation_pair_task_unique" on "conversation" ("user_a_id", "user_b_id", coalesce("task_id", 0))',
    },
  ],
});
export class Conversation extends ConversationSchema.class {}
ConversationSchema.setClass(Conversation);

const MessageSchema = defineEntity({
  name: 'Message',
  properties: {
    id: p.integer().primary().autoincrement(),
    conversation: () => p.manyToOne(Conversation),
    sender: () => p.manyToOne(User).index(),
    content: p.text(),
    createdAt: p.datetime(),
    readAt: p.datetime().nullable(),
  },
  indexes: [
    // A conversation's messages, newest first.
    { name: 'message_conversation_index', expression: 'create index "message_conversation_index" on "message" ("conversation_id", "id" desc)' },
    // Unread counts look only at unread messages.
    { name: 'message_unread_index', expression: 'create index "message_unread_index" on "message" ("conversation_id", "sender_id") where "read_at" is null' },
  ],
});
export class Message extends MessageSchema.class {}
MessageSchema.setClass(Message);

export const messagingEntities = [ConversationSchema, MessageSchema];
