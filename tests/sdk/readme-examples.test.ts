/**
 * Every example of the SDK README runs, unchanged but for its base URL, against the mock and
 * against a server with the demo data, as one page would run them one after the other: a README
 * that drifts from the API or the SDK fails here. What an example leaves to the page (a router,
 * `showOffline()`, `render()` …) is a recording stand-in, so what it was called with is checked;
 * a value an example states in a comment (`error.status; // 400`) is asserted. The mock README's
 * example runs against both too.
 */
import { stripTypeScriptTypes } from 'node:module';
import * as sdk from '@taskmarket/sdk';
import * as sdkMsw from '@taskmarket/sdk/msw';
import * as mswNode from 'msw/node';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { startMock, type RunningMock } from '../../mock/server.ts';
import { caller, loginAs } from '../support/http.ts';
import { codeBlocks } from '../support/markdown.ts';
import { startTestApp, type TestApp } from '../support/test-app.ts';
import { until } from '../support/until.ts';

const README_URL = 'http://localhost:8000/api';
const MOCK_README_URL = 'http://127.0.0.1:4010/api';
const modules: Record<string, object> = { '@taskmarket/sdk': sdk, '@taskmarket/sdk/msw': sdkMsw, 'msw/node': mswNode };

/** The README's TypeScript blocks, as JavaScript, by the heading they sit under. */
const examples = codeBlocks(new URL('../../sdk/README.md', import.meta.url), 'ts').map((block) => ({
  heading: block.heading,
  code: stripTypeScriptTypes(block.code, { mode: 'strip' }),
}));

const ran = new Set<string>();
function example(heading: string, index = 0): string {
  const found = examples.filter((block) => block.heading === heading)[index];
  if (!found) throw new Error(`the SDK README has no example ${index + 1} under "${heading}"`);
  ran.add(found.code);
  return found.code;
}

/** What the examples leave to the page around them. */
function newPage() {
  const storage = new Map<string, string>();
  const keychain = new Map<string, string>();
  return {
    router: { push: vi.fn() },
    localStorage: { getItem: (key: string) => storage.get(key) ?? null, setItem: (key: string, value: string) => void storage.set(key, value), removeItem: (key: string) => void storage.delete(key) },
    // An asynchronous store, as a native keychain is.
    Keychain: {
      get: (key: string) => Promise.resolve(keychain.get(key) ?? null),
      set: (key: string, value: string) => Promise.resolve(void keychain.set(key, value)),
      remove: (key: string) => Promise.resolve(void keychain.delete(key)),
    },
    keychain,
    console: { log: vi.fn(), warn: vi.fn() },
    showOffline: vi.fn(),
    showNotFound: vi.fn(),
    showProblem: vi.fn(),
    showToast: vi.fn(),
    appendMessage: vi.fn(),
    reloadInbox: vi.fn(),
    appendToBubble: vi.fn(),
    render: vi.fn(),
    /** Assigned by the streamed assistant's example. */
    sessionId: undefined as unknown,
  };
}
type Page = ReturnType<typeof newPage>;
/** The page's values an example assigns rather than calls. */
const assigned = ['sessionId'] as const;

const AsyncFunction = Object.getPrototypeOf(async () => {}).constructor as new (...args: string[]) => (...values: unknown[]) => Promise<Record<string, unknown>>;

/**
 * Runs one example with the page, `api` (the client of the examples before it) and what it
 * imports; answers what it declares at its top level, and the page values it assigned.
 */
async function run(code: string, page: Page, scope: Record<string, unknown>, baseUrl?: string): Promise<Record<string, any>> {
  const imported: Record<string, unknown> = {};
  let body = code.replace(/^import \{([^}]*)\} from '([^']+)';$/gm, (_line, names: string, from: string) => {
    const module = modules[from] as Record<string, unknown> | undefined;
    if (!module) throw new Error(`an example imports ${from}, which this test does not provide`);
    for (const name of names.split(',').map((entry) => entry.trim()).filter(Boolean)) {
      if (!(name in module)) throw new Error(`${from} has no export ${name}`);
      imported[name] = module[name];
    }
    return '';
  });
  if (baseUrl) {
    for (const url of [README_URL, MOCK_README_URL, 'https://api.example.com/api']) body = body.replaceAll(`'${url}'`, JSON.stringify(baseUrl));
  }
  // A value stated in a comment is asserted: `error.status; // 400` checks that it is 400.
  body = body.replace(/^(\s*)([\w.?]+); \/\/ (\d+|'[^']*'|\[[^\]]*\]).*$/gm, '$1expect($2).toEqual($3);');
  const declared = [...body.matchAll(/^(?:const|let) (?:(\w+)|\{([^}]*)\})/gm)].flatMap((match) =>
    match[1] ? [match[1]] : match[2]!.split(',').map((entry) => entry.split(':').at(-1)!.trim()),
  );
  const values: Record<string, unknown> = { ...page, ...scope, ...imported, expect };
  const names = Object.keys(values).filter((name) => !declared.includes(name));
  const fn = new AsyncFunction(...names, `${body}\nreturn { ${[...declared, ...assigned].join(', ')} };`);
  return (await fn(...names.map((name) => values[name]))) ?? {};
}

let mock: RunningMock;
let t: TestApp;
beforeAll(async () => {
  [mock, t] = await Promise.all([startMock({ port: 0 }), startTestApp({ seed: true })]);
});
afterAll(async () => {
  await Promise.all([mock?.stop(), t?.close()]);
});

describe.each([
  { target: 'the mock', server: false, baseUrl: () => `${mock.url}/api` },
  { target: 'a server with the demo data', server: true, baseUrl: () => `${t.url}/api` },
])("the SDK README's examples, against $target", ({ server, baseUrl }) => {
  const page = newPage();
  let api: sdk.TaskmarketClient;
  const runOnPage = (code: string, scope: Record<string, unknown> = { api }) => run(code, page, scope, baseUrl());

  it('logs in as Lina, browses and applies to a task', async () => {
    ({ api } = await runOnPage(example('Use')));
    // The mock answers every login with its example user.
    expect(page.console.log.mock.calls[0]).toEqual([server ? 'freelancer_user' : expect.any(String)]);
    expect(page.console.log.mock.calls.at(-1)).toEqual(['pending']);
    expect(page.router.push).not.toHaveBeenCalled();
    if (server) {
      const call = caller(t);
      const omar = await loginAs(call, 'omar@example.com');
      const applications = await call('GET', '/tasks/56/applications/', { token: omar });
      expect(applications.body.results.map((entry: { freelancer: { username: string } }) => entry.freelancer.username)).toContain('freelancer_user');
    }
  });

  it('tells a network error from an answer', async () => {
    await runOnPage(example('Errors', 0));
    expect(page.showOffline).not.toHaveBeenCalled();
    await run(example('Errors', 0), page, { api: sdk.createClient({ baseUrl: 'http://127.0.0.1:9/api' }) });
    expect(page.showOffline).toHaveBeenCalledOnce();
  });

  it('reads the problem document of a refused call, as stated', async () => {
    const { error } = await runOnPage(example('Errors', 1));
    expect(error).toBeDefined();
  });

  it('throws a ProblemError with unwrap only for an error', async () => {
    await runOnPage(example('Errors', 2));
    expect(page.showNotFound).not.toHaveBeenCalled();
    await runOnPage(example('Errors', 2).replace('id: 42', 'id: 99999'));
    // The mock answers every id with its example: only the server knows 99999 is not a task.
    if (server) expect(page.showNotFound).toHaveBeenCalledOnce();
  });

  it('pages through tasks', async () => {
    await runOnPage(example('What every call gets'));
    expect(page.render).toHaveBeenCalled();
    for (const [task] of page.render.mock.calls) expect(task).toMatchObject({ id: expect.any(Number), title: expect.any(String) });
    if (server) {
      const { data } = await api.GET('/tasks/', { params: { query: { category: 3, page_size: 100 } } });
      expect(page.render.mock.calls.map(([task]) => (task as { id: number }).id)).toEqual(data!.results.map((task) => task.id));
    }
  });

  it('types a body with its request schema', async () => {
    // The server has Lina's application to task 56 already (409); only that the call is typed and runs matters here.
    await runOnPage(example('Types', 1));
  });

  it('keeps the session in a token store of its own', async () => {
    const { api: keychainApi } = await runOnPage(example('Your own token store'), {});
    const { error } = await (keychainApi as sdk.TaskmarketClient).POST('/auth/login/', { body: { email: 'freelancer@example.com', password: 'StrongPass123' } });
    expect(error).toBeUndefined();
    expect(JSON.parse(page.keychain.get('tokens')!)).toMatchObject({ access: expect.any(String), refresh: expect.any(String) });
    const { data: profile } = await (keychainApi as sdk.TaskmarketClient).GET('/auth/profile/');
    expect(profile?.username).toEqual(server ? 'freelancer_user' : expect.any(String));
  });

  it('delivers live events', async () => {
    const { stop } = await runOnPage(example('Live events'));
    try {
      if (server) {
        const call = caller(t);
        const omar = await loginAs(call, 'omar@example.com');
        // The stream opens asynchronously: Omar writes until Lina's page shows a message.
        await until(
          "Omar's message on Lina's page",
          async () => {
            await call('POST', '/messaging/conversations/create/', { token: omar, body: { participant: 'freelancer_user', message: 'Are you free next week?' } });
            return page.appendMessage.mock.calls.length;
          },
          (shown) => shown > 0,
        );
        expect(page.appendMessage.mock.calls[0]![1]).toMatchObject({ content: 'Are you free next week?', sender: { username: expect.any(String) } });
      } else {
        await until('the example event on the page', () => page.appendMessage.mock.calls.length, (shown) => shown > 0);
        expect(page.appendMessage.mock.calls[0]![1]).toMatchObject({ content: 'Draft uploaded. Please review.' });
      }
      expect(page.console.warn).not.toHaveBeenCalled();
    } finally {
      (stop as AbortController).abort();
    }
  });

  it("streams the assistant's reply", async () => {
    const { sessionId } = await runOnPage(example('The assistant, streamed'));
    expect(page.showProblem).not.toHaveBeenCalled();
    expect(page.appendToBubble).toHaveBeenCalled();
    expect(sessionId).toEqual(expect.any(Number));
  });
});

describe.each([
  { target: 'the mock', baseUrl: () => `${mock.url}/api` },
  { target: 'a server with the demo data', baseUrl: () => `${t.url}/api` },
])("the mock README's example, against $target", ({ baseUrl }) => {
  it('logs in and reads a page of tasks', async () => {
    const [block] = codeBlocks(new URL('../../mock/README.md', import.meta.url), 'ts');
    const { data } = await run(stripTypeScriptTypes(block!.code, { mode: 'strip' }), newPage(), {}, baseUrl());
    expect(data).toMatchObject({ count: expect.any(Number), results: expect.any(Array) });
    expect((data as { results: unknown[] }).results.length).toBeGreaterThan(0);
  });
});

describe("the SDK README's MSW example", () => {
  it('answers the contract and the overridden operation without a server', async () => {
    const { server } = await run(example('In frontend unit tests (MSW)'), newPage(), {});
    try {
      const api = sdk.createClient({ baseUrl: README_URL });
      const { error } = await api.POST('/auth/login/', { body: { email: 'freelancer@example.com', password: 'StrongPass123' } });
      expect(error).toMatchObject({ status: 401, code: 'invalid_credentials' });
      const { data } = await api.GET('/tasks/{id}/', { params: { path: { id: 42 } } });
      expect(data?.id).toEqual(expect.any(Number));
    } finally {
      (server as { close(): void }).close();
    }
  });
});

describe("the SDK README's examples", () => {
  it('have all run above (a new example needs its test)', () => {
    const code = examples.filter((block) => block.code.trim() !== '');
    expect(code.filter((block) => !ran.has(block.code)).map((block) => block.heading)).toEqual([]);
  });
});
