/**
 * Task figures computed by the database in one aggregate query each.
 */
import type { EntityManager } from '@mikro-orm/postgresql';
import type * as S from '../contract/schemas.ts';
import { querySql } from '../db/sql.ts';
import { fromMinor } from '../lib/money.ts';

type Counts = Record<string, string | number>;
const n = (value: string | number | null | undefined) => Number(value ?? 0);

export async function platformStatistics(em: EntityManager): Promise<S.TaskStatistics> {
  const [counts] = await querySql<Counts>(em, {
    text: `select count(*) as total,
        count(*) filter (where status = 'open') as open,
        count(*) filter (where status = 'in_progress') as in_progress,
        count(*) filter (where status = 'completed') as completed,
        count(*) filter (where status = 'cancelled') as cancelled,
        (select count(*) from task_application a join task t2 on t2.id = a.task_id where t2.deleted_at is null) as applications
      from task where deleted_at is null`,
    values: [],
  });
  const budgets = await querySql<{ currency: S.Currency; average: string; completed: string }>(em, {
    text: `select currency, round(avg(budget_minor))::bigint::text as average,
        coalesce(sum(budget_minor) filter (where status = 'completed'), 0)::text as completed
      from task where deleted_at is null group by currency order by currency`,
    values: [],
  });
  const categories = await querySql<{ id: number; name: string; open: string }>(em, {
    text: `select c.id, c.name, count(t.id) as open from category c
      left join task t on t.category_id = c.id and t.status = 'open' and t.deleted_at is null
      group by c.id order by c.position`,
    values: [],
  });
  return {
    total_tasks: n(counts?.total),
    open_tasks: n(counts?.open),
    in_progress_tasks: n(counts?.in_progress),
    completed_tasks: n(counts?.completed),
    cancelled_tasks: n(counts?.cancelled),
    total_applications: n(counts?.applications),
    budgets: budgets.map((row) => ({ currency: row.currency, average_budget: fromMinor(n(row.average)), completed_value: fromMinor(n(row.completed)) })),
    categories: categories.map((row) => ({ category_id: row.id, name: row.name, open_tasks: n(row.open) })),
  };
}

export async function userStatistics(em: EntityManager, userId: number): Promise<Omit<S.MyTaskStatistics, 'rating' | 'reviews_count'>> {
  const [asClient] = await querySql<Counts>(em, {
    text: `select count(*) as posted,
        count(*) filter (where status = 'open') as open,
        count(*) filter (where status = 'in_progress') as in_progress,
        count(*) filter (where status = 'completed') as completed,
        count(*) filter (where status = 'cancelled') as cancelled
      from task where client_id = $1 and deleted_at is null`,
    values: [userId],
  });
  const [asFreelancer] = await querySql<Counts>(em, {
    text: `select count(*) as sent,
        count(*) filter (where a.status = 'pending') as pending,
        count(*) filter (where a.status = 'accepted') as accepted,
        count(*) filter (where a.status = 'rejected') as rejected,
        (select count(*) from task where freelancer_id = $1 and status = 'completed') as completed
      from task_application a where a.freelancer_id = $1`,
    values: [userId],
  });
  // Money from the escrows released on the user's tasks, as client (what was paid) and as
  // freelancer (what reached the wallet after the fee), per currency.
  const money = await querySql<{ side: 'spent' | 'earned'; currency: S.Currency; amount: string }>(em, {
    text: `select 'spent' as side, e.currency, sum(e.amount_minor)::text as amount from escrow e
             where e.client_id = $1 and e.status = 'released' group by e.currency
           union all
           select 'earned', e.currency, sum(e.freelancer_amount_minor)::text from escrow e join task t on t.id = e.task_id
             where t.freelancer_id = $1 and e.status = 'released' group by e.currency
           order by 1, 2`,
    values: [userId],
  });
  const totals = (side: 'spent' | 'earned') =>
    money.filter((row) => row.side === side).map((row) => ({ amount: fromMinor(n(row.amount)), currency: row.currency }));
  return {
    as_client: {
      tasks_posted: n(asClient?.posted),
      open: n(asClient?.open),
      in_progress: n(asClient?.in_progress),
      completed: n(asClient?.completed),
      cancelled: n(asClient?.cancelled),
      total_spent: totals('spent'),
    },
    as_freelancer: {
      applications_sent: n(asFreelancer?.sent),
      pending: n(asFreelancer?.pending),
      accepted: n(asFreelancer?.accepted),
      rejected: n(asFreelancer?.rejected),
      tasks_completed: n(asFreelancer?.completed),
      total_earned: totals('earned'),
    },
  };
}
