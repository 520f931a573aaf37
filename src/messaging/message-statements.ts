/**
 * Sending a message as SQL shared by the service and the benchmark's bare baseline: who the other
 * participant is (for a sender who takes part), then the message, the conversation's new activity,
 * the recipient's `message_received` event and both participants' `message.created` stream event,
 * in one statement.
 */
import type { SqlQuery } from '../db/sql.ts';
import { MESSAGE_JSON } from './messaging-views.ts';

/** How much of a message the recipient's notification shows. */
const PREVIEW = 140;

export type Recipient = { id: number; recipient_id: number; recipient_deleted: boolean };

/** The other participant of conversation `conversationId`, if `senderId` takes part in it. */
export function recipientQuery(senderId: number, conversationId: number): SqlQuery {
  return {
    text: `select c.id, r.id as recipient_id, r.deleted_at is not null as recipient_deleted
             from conversation c join app_user r on r.id = case when c.user_a_id = $1 then c.user_b_id else c.user_a_id end
            where c.id = $2 and (c.user_a_id = $1 or c.user_b_id = $1)`,
    values: [senderId, conversationId],
  };
}

export function sendMessageStatement(input: {
  conversationId: number;
  sender: { id: number; username: string };
  recipientId: number;
  content: string;
  at: Date;
}): SqlQuery {
  const preview = input.content.length > PREVIEW ? `${input.content.slice(0, PREVIEW - 1)}…` : input.content;
  return {
    text: `with sent as (
             insert into message (conversation_id, sender_id, content, created_at) values ($1, $2, $3, $4) returning *
           ), touched as (
             update conversation set updated_at = $4 where id = $1
           ), event as (
             insert into domain_event (type, recipient_id, actor_id, payload, occurred_at)
             select 'message_received', $5, $2, jsonb_build_object('conversation_id', $1::int, 'message_id', sent.id, 'sender', $6::text, 'preview', $7::text), $4
               from sent
           ), live as (
             -- Both participants' streams (the sender's other tabs too) get the message.
             insert into live_event (user_id, type, payload, created_at)
             select participant, 'message.created', ${MESSAGE_JSON('sent', 's')}, $4
               from sent, app_user s, unnest(array[$2::int, $5::int]) as participant
              where s.id = $2
           )
           select id from sent`,
    values: [input.conversationId, input.sender.id, input.content, input.at, input.recipientId, input.sender.username, preview],
  };
}
