/**
 * `npm run eval:recs`: measures whether task recommendations beat the obvious lists, and writes
 * EVAL.md.
 *
 * A synthetic marketplace (fixed seed: freelancers with hidden interests, tasks drawn from hidden
 * topics, applications drawn from the interests; scripts/synthetic/marketplace.ts) is split in
 * time: each freelancer's latest applications (the last week's) are held out, what came before is
 * loaded into a throwaway embedded PostgreSQL through the service's own tables. The recommender
 * then ranks, with the service's SQL statement and as of the split, for freelancers who have
 * held-out applications; it sees only what the API would know (declared skills, bios, preferences, tasks,
 * the applications kept), never the hidden interests. Two baselines rank on the same data: the most
 * recent open tasks, and the most applied (popularity). Each list leaves out the freelancer's own
 * applications, as the recommender does. Reported: hit rate@10 (a held-out task in the top ten)
 * and NDCG@10 (binary relevance).
 */
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { MikroORM } from '@mikro-orm/postgresql';
import { startEmbeddedPostgres } from '../../src/db/embedded-postgres.ts';
import { ormConfig } from '../../src/db/orm-config.ts';
import { queryPrepared, querySql } from '../../src/db/sql.ts';
import { refreshRecommendationFigures } from '../../src/recommendations/recommendations.jobs.ts';
import { TASK_WEIGHTS, recommendedTasksQuery } from '../../src/recommendations/task-ranking.ts';
import { generateMarketplace, type SyntheticMarketplace, type SyntheticOptions } from '../synthetic/marketplace.ts';
import { loadMarketplace } from '../synthetic/load.ts';

const K = 10;
/** The held-out window: the last days of the data. */
const HELD_OUT_DAYS = 7;
/** How long a task stays open: the synthetic freelancers apply to tasks at most 30 days old. */
const OPEN_DAYS = 30;
const EVALUATED = Number(process.env.EVAL_FREELANCERS ?? 1000);
/** The weights were tuned on the first seed; the second is a check they did not see. */
const SEEDS = { tuning: 20261125, check: 7 };
const OPTIONS: Omit<SyntheticOptions, 'seed'> = {
  freelancers: 3000,
  clients: 800,
  tasks: 20_000,
  applicationsPerFreelancer: [4, 16],
  now: new Date('2026-06-01T00:00:00Z'),
  days: 90,
};

type Ranker = (freelancerId: number) => Promise<number[]>;
type Score = { hitRate: number; ndcg: number; msPerList: number };
type Run = { seed: number; scores: Record<'recommender' | 'recent' | 'popularity', Score>; ablations: Array<{ name: string; score: Score }>; setup: string };

/** The recommender with one signal or another left out (weights of the rest unchanged), on the tuning seed. */
const ABLATIONS: Array<{ name: string; weights: typeof TASK_WEIGHTS }> = [
  { name: 'skills only', weights: { skills: 1, text: 0, category: 0, budget: 0, recency: 0, peers: 0 } },
  { name: 'without peers (collaborative)', weights: { ...TASK_WEIGHTS, peers: 0 } },
  { name: 'without recency', weights: { ...TASK_WEIGHTS, recency: 0 } },
  { name: 'without profile text', weights: { ...TASK_WEIGHTS, text: 0 } },
];

function ndcgAtK(ranked: number[], relevant: Set<number>): number {
  let dcg = 0;
  ranked.slice(0, K).forEach((id, index) => {
    if (relevant.has(id)) dcg += 1 / Math.log2(index + 2);
  });
  let ideal = 0;
  for (let index = 0; index < Math.min(relevant.size, K); index += 1) ideal += 1 / Math.log2(index + 2);
  return ideal === 0 ? 0 : dcg / ideal;
}

async function evaluate(rank: Ranker, heldOut: Map<number, Set<number>>): Promise<Score> {
  let hits = 0;
  let ndcg = 0;
  const started = performance.now();
  for (const [freelancerId, relevant] of heldOut) {
    const ranked = await rank(freelancerId);
    if (ranked.slice(0, K).some((id) => relevant.has(id))) hits += 1;
    ndcg += ndcgAtK(ranked, relevant);
  }
  return { hitRate: hits / heldOut.size, ndcg: ndcg / heldOut.size, msPerList: (performance.now() - started) / heldOut.size };
}

/**
 * Split in time: what happened before `at` is kept; each freelancer's applications after it (their
 * latest) are held out. Tasks posted after `at` do not exist yet, so they are left out, and so are
 * held-out applications to them.
 */
function splitAt(market: SyntheticMarketplace, at: Date) {
  const tasks = market.tasks.filter((task) => task.createdAt < at);
  const known = new Set(tasks.map((task) => task.key));
  const kept = market.applications.filter((application) => application.createdAt < at);
  const heldOut = new Map<number, number[]>();
  for (const application of market.applications) {
    if (application.createdAt < at || !known.has(application.taskKey)) continue;
    heldOut.set(application.freelancerKey, [...(heldOut.get(application.freelancerKey) ?? []), application.taskKey]);
  }
  return { market: { ...market, tasks }, kept, heldOut };
}

/** Generates the marketplace of `seed`, loads what came before the split into `url`, and scores the three rankings. */
async function runEvaluation(url: string, seed: number, withAblations: boolean): Promise<Run> {
  const orm = await MikroORM.init(ormConfig(url));
  try {
    await orm.migrator.up();
    const started = performance.now();
    const generated = generateMarketplace({ ...OPTIONS, seed });
    const splitTime = new Date(OPTIONS.now.getTime() - HELD_OUT_DAYS * 86_400_000);
    const { market, kept, heldOut } = splitAt(generated, splitTime);
    const em = orm.em.fork();
    const ids = await loadMarketplace(em, market, { applications: kept, closedBefore: new Date(splitTime.getTime() - OPEN_DAYS * 86_400_000) });
    await refreshRecommendationFigures(orm);
    const [counts] = await querySql<{ open: number }>(em, { text: `select count(*)::int as open from task where status = 'open'`, values: [] });
    const heldOutCount = [...heldOut.values()].reduce((sum, tasks) => sum + tasks.length, 0);
    console.log(`seed ${seed}: generated and loaded in ${Math.round(performance.now() - started)} ms`);

    // A fixed sample of the freelancers with held-out applications (every n-th, by key).
    const keys = [...heldOut.keys()].sort((a, b) => a - b);
    const step = Math.max(1, Math.floor(keys.length / EVALUATED));
    const sample = new Map(keys.filter((_, index) => index % step === 0).slice(0, EVALUATED).map((key) => [ids.freelancerId(key), new Set(heldOut.get(key)!.map(ids.taskId))]));

    const recommend = (weights?: typeof TASK_WEIGHTS): Ranker => async (userId) =>
      (await queryPrepared<{ task_id: number }>(em, recommendedTasksQuery({ userId, now: splitTime, limit: K, weights }))).map((row) => row.task_id);
    const unappliedOpen = `t.status = 'open' and t.deleted_at is null and t.client_id <> $1
      and not exists (select 1 from task_application a where a.task_id = t.id and a.freelancer_id = $1)`;
    const recent: Ranker = async (userId) =>
      (await querySql<{ id: number }>(em, { text: `select t.id from task t where ${unappliedOpen} order by t.created_at desc, t.id desc limit ${K}`, values: [userId] })).map((row) => row.id);
    const popular: Ranker = async (userId) =>
      (
        await querySql<{ id: number }>(em, {
          text: `select t.id from task t join (select task_id, count(*) as applicants from task_application group by task_id) p on p.task_id = t.id
            where ${unappliedOpen} order by p.applicants desc, t.created_at desc, t.id desc limit ${K}`,
          values: [userId],
        })
      ).map((row) => row.id);

    const scores = { recommender: await evaluate(recommend(), sample), recent: await evaluate(recent, sample), popularity: await evaluate(popular, sample) };
    const ablations = [];
    for (const ablation of withAblations ? ABLATIONS : []) ablations.push({ name: ablation.name, score: await evaluate(recommend(ablation.weights), sample) });
    const setup = `${market.freelancers.length} freelancers, ${market.clients.length} clients; the tasks and applications of
${OPTIONS.days} days, split in time at ${splitTime.toISOString().slice(0, 10)}: of the ${market.tasks.length} tasks posted before, the
${counts!.open} of the last ${OPEN_DAYS} days are open (the rest closed), the ${kept.length} applications before are
kept, and the ${heldOutCount} made in the last ${HELD_OUT_DAYS} days (to those tasks) are held out. ${sample.size}
freelancers with held-out applications are evaluated, ranked as of the split.`;
    return { seed, scores, ablations, setup };
  } finally {
    await orm.close();
  }
}

const row = (name: string, score: Score) => `| ${name} | ${score.hitRate.toFixed(3)} | ${score.ndcg.toFixed(3)} | ${score.msPerList.toFixed(1)} |`;

function table(run: Run): string {
  const ratio = run.scores.recommender.ndcg / run.scores.popularity.ndcg;
  return `| ranking | hit rate@${K} | NDCG@${K} | ms per list |
|---|---|---|---|
${row('recommender (GET /recommendations/tasks/)', run.scores.recommender)}
${row('most recent open tasks', run.scores.recent)}
${row('most applied open tasks (popularity)', run.scores.popularity)}

**NDCG@${K}: ${ratio.toFixed(1)}× the popularity baseline's** (goal: at least 2×).

${run.setup}`;
}

const runs: Run[] = [];
for (const seed of [SEEDS.tuning, SEEDS.check]) {
  const dataDir = mkdtempSync(join(tmpdir(), 'taskmarket-eval-'));
  const postgres = await startEmbeddedPostgres({ dataDir, database: 'taskmarket', persistent: false });
  try {
    runs.push(await runEvaluation(postgres.url, seed, seed === SEEDS.tuning));
  } finally {
    await postgres.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}
const [tuning, check] = runs as [Run, Run];
const markdown = `# Recommendation quality

Written by \`npm run eval:recs\` (scripts/eval/recommendations.ts); do not edit the part above the
first \`##\` heading by hand, the sections after it are kept from the previous EVAL.md.

Seed ${tuning.seed} (the ranking's weights were tuned on it):

${table(tuning)}

Seed ${check.seed} (a check: the weights never saw it):

${table(check)}

Every list leaves out the freelancer's kept applications.

Ablations on seed ${tuning.seed}: the recommender with a signal left out, the other weights unchanged.

| ranking | hit rate@${K} | NDCG@${K} | ms per list |
|---|---|---|---|
${row('recommender, all signals', tuning.scores.recommender)}
${tuning.ablations.map((ablation) => row(ablation.name, ablation.score)).join('\n')}
`;
const previous = existsSync('EVAL.md') ? readFileSync('EVAL.md', 'utf8') : '';
const analysis = previous.indexOf('\n## ');
writeFileSync('EVAL.md', markdown + (analysis >= 0 ? previous.slice(analysis) : ''));
console.log(markdown);
