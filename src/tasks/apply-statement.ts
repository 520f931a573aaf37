/**
 * Applying to a task as one SQL statement, the hot write path of the marketplace: it locks the
 * task (shared, as accept takes it exclusively) and the freelancer's account (shared, as account
 * deletion takes it exclusively), inserts the application unless one exists, and records the
 * `application_received` event, atomically, in one round trip. It answers what it saw, so a
 * refusal is explained without a second query. The benchmark's bare baseline runs this statement.
 */
import type { SqlQuery } from '../db/sql.ts';
import type { TaskStatus } from './tasks.entities.ts';

export type ApplyInput = { taskId: number; freelancerId: number; proposal: string; bidMinor: number; bidAmount: string; at: Date };

/** What the statement saw: no `task_status` when the task does not exist (or is deleted). */
export type ApplyOutcome = {
  task_status: TaskStatus | null;
  client_id: number | null;
  freelancer_active: boolean;
  application_id: number | null;
};

export function applyStatement(input: ApplyInput): SqlQuery {
  return {
    text: `with task as (
  select id, client_id, status, currency from task where id = $1 and deleted_at is null for share
), freelancer as (
  select id from app_user where id = $2 and deleted_at is null for share
), application as (
  insert into task_application (created_at, updated_at, task_id, freelancer_id, proposal, bid_minor, currency, status)
  select $5, $5, task.id, freelancer.id, $3, $4, task.currency, 'pending'
  from task, freelancer
  where task.status = 'open' and task.client_id <> freelancer.id
  on conflict (task_id, freelancer_id) do nothing
  returning id
), event as (
  insert into domain_event (type, recipient_id, actor_id, payload, occurred_at)
  select 'application_received', task.client_id, $2,
    jsonb_build_object('task_id', task.id, 'application_id', application.id, 'bid_amount', $6::text, 'currency', task.currency), $5
  from task, application
)
select (select status from task) as task_status, (select client_id from task) as client_id,
  exists (select 1 from freelancer) as freelancer_active, (select id from application) as application_id`,
    values: [input.taskId, input.freelancerId, input.proposal, input.bidMinor, input.at, input.bidAmount],
  };
}
