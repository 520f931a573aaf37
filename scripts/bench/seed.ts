/**
 * The benchmark's data: the demo world plus 10,000 tasks (with skills) and 64 freelancers (with skills);
 * for the recommendations scenario, last, a synthetic marketplace of 100,000 more.
 */
import type { MikroORM } from '@mikro-orm/postgresql';
import { seedDemoIfEmpty } from '../../src/db/seed.ts';
import { createLogger } from '../../src/logger.ts';
import { refreshRecommendationFigures } from '../../src/recommendations/recommendations.jobs.ts';
import { loadMarketplace } from '../synthetic/load.ts';
import { generateMarketplace } from '../synthetic/marketplace.ts';

export const BENCH_TASKS = 10_000;
const FREELANCERS = 64;

export async function seedBenchData(orm: MikroORM): Promise<void> {
  await seedDemoIfEmpty(orm, createLogger('silent'));
  const connection = orm.em.fork().getConnection();
  await connection.execute(`
    insert into task (created_at, updated_at, client_id, title, description, category_id, budget_minor, currency, remote, location, status)
    select now() - make_interval(mins => g), now(), case when g % 2 = 0 then 1 else 3 end,
      (array['Build', 'Design', 'Write', 'Translate', 'Analyse', 'Integrate'])[1 + g % 6] || ' ' ||
      (array['a dashboard', 'an API client', 'a landing page', 'a price scraper', 'a mobile app', 'onboarding emails', 'a data pipeline', 'a logo'])[1 + (g / 6) % 8] || ' #' || g,
      'Task ' || g || '. ' || (array[
        'We need a reliable dashboard showing shipments and invoices, with filters and CSV export.',
        'Connect our CRM to the billing system through its REST API, nightly and on demand.',
        'Translate product copy and support articles, keeping a friendly and clear tone.',
        'Collect competitor prices every day and store them in PostgreSQL for analysis.',
        'Design a clean, responsive interface with a small style guide and components.'])[1 + g % 5],
      1 + g % 6, 5000 + (g * 3701) % 500000, 'usd', g % 3 <> 0, case when g % 3 = 0 then 'Amman' end,
      case when g % 10 = 0 then 'completed' else 'open' end
    from generate_series(1, ${BENCH_TASKS - 4}) g`);
  await connection.execute(`insert into task_skills (task_id, skill_id) select id, 11 + id % 8 from task where id > 100`);
  await connection.execute(`insert into task_skills (task_id, skill_id) select id, 11 + (id + 3) % 8 from task where id > 100`);
  await connection.execute(`
    insert into app_user (created_at, updated_at, username, email, password_hash, is_client, is_freelancer, email_verified_at)
    select now(), now(), 'bench_f' || g, 'bench_f' || g || '@example.com', (select password_hash from app_user where id = 2), false, true, now()
    from generate_series(1, ${FREELANCERS}) g`);
  await connection.execute(`
    insert into user_skill (user_id, skill_id, level, years_experience)
    select u.id, 11 + (u.id + k) % 8, 'intermediate', 1 + k from app_user u, generate_series(0, 2) k where u.username like 'bench_f%'`);
  await connection.execute('analyze');
}

/**
 * `count` completed tasks of `clientId`, each with a funded escrow of 150.00 (and its funding in
 * the ledger), worked by the bench freelancers in turn: what the release scenario consumes.
 * Returns the escrows' ids.
 */
export async function seedFundedEscrows(orm: MikroORM, clientId: number, count: number): Promise<number[]> {
  const connection = orm.em.fork().getConnection();
  const batch = `bench_${clientId}_${Date.now()}`;
  await connection.execute(`
    with freelancers as (select array_agg(id order by id) as ids from app_user where username like 'bench_f%'),
    tasks as (
      insert into task (created_at, updated_at, client_id, title, description, category_id, budget_minor, currency, remote, status, freelancer_id, completed_at)
      select now(), now(), ${clientId}, 'Released by the benchmark #' || g, 'Completed work, paid out by the release scenario.', 1, 15000, 'usd', true, 'completed',
             (select ids[1 + g % array_length(ids, 1)] from freelancers), now()
      from generate_series(1, ${count}) g
      returning id
    )
    insert into escrow (created_at, updated_at, task_id, client_id, amount_minor, currency, status, payment_intent_id, funded_at)
    select now(), now(), id, ${clientId}, 15000, 'usd', 'funded', 'pi_${batch}_' || id, now() from tasks`);
  await connection.execute(`insert into ledger_account (kind, user_id, currency) values ('client_funding', ${clientId}, 'usd') on conflict do nothing`);
  await connection.execute(`insert into ledger_account (kind, task_id, currency) select 'escrow', task_id, 'usd' from escrow where payment_intent_id like 'pi_${batch}_%'`);
  await connection.execute(`insert into journal_entry (kind, reference, task_id) select 'funding', payment_intent_id, task_id from escrow where payment_intent_id like 'pi_${batch}_%'`);
  await connection.execute(`
    insert into journal_line (entry_id, account_id, currency, amount_minor)
    select j.id, line.account_id, 'usd', line.amount_minor
      from journal_entry j
      join escrow e on e.payment_intent_id = j.reference
      cross join lateral (values
        ((select id from ledger_account where kind = 'client_funding' and user_id = e.client_id and currency = 'usd'), -e.amount_minor),
        ((select id from ledger_account where kind = 'escrow' and task_id = e.task_id and currency = 'usd'), e.amount_minor)) as line(account_id, amount_minor)
     where j.reference like 'pi_${batch}_%'`);
  await connection.execute('analyze');
  const rows = (await connection.execute(`select id from escrow where payment_intent_id like 'pi_${batch}_%' order by id`)) as Array<{ id: number }>;
  return rows.map((row) => row.id);
}

/** A conversation between `clientId` and each bench freelancer; returns their ids by freelancer id. */
export async function seedConversations(orm: MikroORM, clientId: number): Promise<Map<number, number>> {
  const rows = (await orm.em.fork().getConnection().execute(`
    insert into conversation (user_a_id, user_b_id, task_id, created_at, updated_at)
    select least(${clientId}, id), greatest(${clientId}, id), null, now(), now() from app_user where username like 'bench_f%'
    returning id, greatest(user_a_id, user_b_id) as freelancer_id`)) as Array<{ id: number; freelancer_id: number }>;
  return new Map(rows.map((row) => [row.freelancer_id, row.id]));
}


/** The recommendations scenario's marketplace: 100,000 open tasks and 10,000 freelancers. */
export const RECOMMENDATION_TASKS = 100_000;
const RECOMMENDATION_FREELANCERS = 10_000;

/**
 * Loads the synthetic marketplace (scripts/synthetic) beside the usual data, with every task open,
 * and rebuilds the figures ranking reads. Returns the ids of its freelancers.
 */
export async function seedRecommendationMarket(orm: MikroORM): Promise<number[]> {
  const market = generateMarketplace({
    seed: 1,
    freelancers: RECOMMENDATION_FREELANCERS,
    clients: 2000,
    tasks: RECOMMENDATION_TASKS,
    applicationsPerFreelancer: [4, 16],
    now: new Date(),
    days: 90,
  });
  const ids = await loadMarketplace(orm.em.fork(), market);
  await refreshRecommendationFigures(orm);
  // As a database in use would be: vacuumed (index-only scans see all-visible pages), not in the
  // middle of the autovacuum that 100,000 new rows would start during the measurement.
  await orm.em.fork().getConnection().execute('vacuum (analyze)');
  return market.freelancers.map((freelancer) => ids.freelancerId(freelancer.key));
}
