/**
 * The README's curl examples run, with curl, in the order a reader would type them: against a
 * server with the demo data (the whole money path included) and against the mock, with the mock
 * README's. Only the host and the README's `<placeholders>` are filled in, from the answers before
 * them, as a reader would; a command that fails or an answer that contradicts what the README
 * says fails here.
 */
import { execFile, spawn } from 'node:child_process';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startMock, type RunningMock } from '../../mock/server.ts';
import { caller, loginAs } from '../support/http.ts';
import { codeBlocks } from '../support/markdown.ts';
import { startTestApp, type TestApp } from '../support/test-app.ts';
import { until } from '../support/until.ts';

const README_API = 'http://localhost:8000';
const README_STRIPE = 'http://127.0.0.1:12111';
const README_MOCK = 'http://127.0.0.1:4010';

/** Every curl command of a README's shell blocks, continuation lines joined, comments dropped. */
const curlCommands = (readme: string) =>
  codeBlocks(new URL(readme, import.meta.url), 'sh').flatMap((block) =>
    block.code
      .replace(/\\\n\s*/g, '')
      .split('\n')
      .map((line) => line.replace(/\s+#.*$/, '').trim())
      .filter((line) => line.startsWith('curl '))
      .map((line) => ({ heading: block.heading, line })),
  );
const commands = curlCommands('../../README.md');

type Answer = { status: number; body: any };
/** What a reader would write in place of a `<placeholder>`: from the answers before it. */
type Placeholders = Record<string, (answers: Map<string, Answer>) => string>;

const answerOf = (answers: Map<string, Answer>, path: string): any => {
  const answer = answers.get(path);
  if (!answer) throw new Error(`no answer of ${path} before the command that needs it`);
  return answer.body;
};
const fromAnswers: Placeholders = {
  '<access>': (answers) => answerOf(answers, '/api/auth/login/').access,
  '<intent_id>': (answers) => answerOf(answers, '/api/payments/intents/create/').intent_id,
  '<escrow_id>': (answers) => String(answerOf(answers, '/api/payments/intents/create/').escrow_id),
  '<url from the answer>': (answers) => answerOf(answers, '/api/payments/connect/onboarding/').url,
};

function fill(line: string, origins: { api: string; stripe?: string }, placeholders: Placeholders, answers: Map<string, Answer>): string {
  let filled = line.replaceAll(README_API, origins.api).replaceAll(README_MOCK, origins.api);
  if (origins.stripe) filled = filled.replaceAll(README_STRIPE, origins.stripe);
  return filled.replace(/<[^<>]+>/g, (placeholder) => {
    const value = placeholders[placeholder];
    if (!value) throw new Error(`the README's ${placeholder} is not known to this test: ${line}`);
    return value(answers);
  });
}

/** Runs a curl command line in a shell, asking curl for the status after the body. */
async function curl(command: string): Promise<Answer> {
  const { stdout } = await promisify(execFile)('bash', ['-c', command.replace(/^curl /, `curl -w '\\n%{http_code}' --max-time 20 `)]);
  const cut = stdout.lastIndexOf('\n');
  const text = stdout.slice(0, cut);
  let body: unknown = text;
  try {
    body = JSON.parse(text);
  } catch {
    // Not JSON: a stream, or a page (the emulator's onboarding link).
  }
  return { status: Number(stdout.slice(cut + 1)), body };
}

/** Runs a stream command until its output holds `expected`, doing `meanwhile` until then. */
async function curlStream(command: string, expected: string, meanwhile: () => Promise<unknown>): Promise<string> {
  // Its progress meter (`-N` without `-s`) is left out of the test's output.
  const child = spawn('bash', ['-c', `exec ${command}`], { stdio: ['ignore', 'pipe', 'ignore'] });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  try {
    return await until(`"${expected}" from ${command}`, async () => (await meanwhile(), output), (seen) => seen.includes(expected), 15_000);
  } finally {
    child.kill();
  }
}

/** A 2xx, or a redirect (curl shows it without following: the onboarding link's return). */
function expectSuccess(command: string, answer: Answer) {
  expect(answer.status, `${command}\n${JSON.stringify(answer.body)}`).toBeGreaterThanOrEqual(200);
  expect(answer.status, `${command}\n${JSON.stringify(answer.body)}`).toBeLessThan(400);
}

const pathOf = (command: string) => /https?:\/\/[^/\s'"]+(\/[^\s'"?]*)/.exec(command)![1]!;

describe('the README examples, against a server with the demo data', () => {
  let t: TestApp;
  const answers = new Map<string, Answer>();
  let placeholders: Placeholders;
  beforeAll(async () => {
    t = await startTestApp({ seed: true });
    const call = caller(t);
    const [sara, lina] = await Promise.all([loginAs(call, 'sara@example.com'), loginAs(call, 'freelancer@example.com')]);
    placeholders = { ...fromAnswers, '<sara>': () => sara, '<lina>': () => lina };
  });
  afterAll(async () => {
    await t?.close();
  });

  /** What the README says of an answer, where it says more than "it works". */
  const claims: Record<string, (answer: Answer) => boolean> = {
    // "the webhook then marks the escrow funded"
    '/api/payments/escrow/{id}/': (answer) => answer.body.status === 'funded',
    // "paid about 2 s later"
    '/api/payments/withdrawals/': (answer) => answer.body.results[0]?.status === 'paid',
  };

  it.each(commands.map((command, index) => ({ ...command, index })))('$heading, command $index: $line', async ({ line }) => {
    const command = fill(line, { api: t.url, stripe: t.stripeEmulator.url }, placeholders, answers);
    const path = pathOf(command);
    if (/^curl -N .*\/api\/stream\//.test(command)) {
      // The live stream stays open: Omar writes to freelancer_user (the <access> of the example) until it shows.
      const call = caller(t);
      const omar = await loginAs(call, 'omar@example.com');
      const written = () => call('POST', '/messaging/conversations/create/', { token: omar, body: { participant: 'freelancer_user', message: 'Draft uploaded. Please review.' } });
      const output = await curlStream(command, 'event: message.created', written);
      expect(output).toContain('"content":"Draft uploaded. Please review."');
      return;
    }
    const claim = claims[path.replace(/\/\d+\//, '/{id}/')];
    // A reader who looks again a moment later: the webhook and the payout arrive on their own.
    const answer = claim ? await until(`what the README says of ${path}`, () => curl(command), claim, 15_000) : await curl(command);
    expectSuccess(command, answer);
    answers.set(path, answer);
  });

  it("pays the freelancer what the README says, and the escrow's money leaves with the withdrawal", async () => {
    const call = caller(t);
    const lina = await loginAs(call, 'freelancer@example.com');
    const withdrawals = await call('GET', '/payments/withdrawals/', { token: lina });
    expect(withdrawals.body.results[0]).toMatchObject({ amount: '180.00', currency: 'usd', status: 'paid' });
    const wallet = await call('GET', '/payments/wallet/', { token: lina });
    expect(wallet.body).toMatchObject({ balance: '0.00', total_earned: '180.00', total_withdrawn: '180.00', currency: 'usd' });
  });
});

describe('the README examples, against the mock', () => {
  let mock: RunningMock;
  const answers = new Map<string, Answer>();
  beforeAll(async () => {
    mock = await startMock({ port: 0 });
  });
  afterAll(async () => {
    await mock?.stop();
  });

  // The mock is the API alone: the Stripe emulator's commands and the link it answers are not its.
  // The mock's own README speaks of it alone.
  const apiCommands = [...commands.filter(({ line }) => line.includes(README_API)), ...curlCommands('../../mock/README.md')];
  const anyToken: Placeholders = { ...fromAnswers, '<sara>': () => 'any-token', '<lina>': () => 'any-token' };

  it.each(apiCommands.map((command, index) => ({ ...command, index })))('$heading, command $index: $line', async ({ line }) => {
    const command = fill(line, { api: mock.url }, anyToken, answers);
    const answer = await curl(command);
    expectSuccess(command, answer);
    answers.set(pathOf(command), answer);
  });
});
