/**
 * A local server that speaks the OpenAI Chat Completions wire protocol (`POST
 * /v1/chat/completions`, JSON or streamed chunks, `json_schema` answers, usage; `GET /v1/models`).
 * Without OPENAI_API_KEY the service starts one in process and reaches it through the official
 * `openai` SDK, so the offline assistant takes the model's path end to end. What it answers is
 * a `Responder`: by default the offline assistant, reading the catalogue and the clock from the
 * system prompt as a model would; tests put failures in front of it (slow, 429, 500, invalid JSON).
 */
import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
import { estimateTokens } from './history.ts';
import { offlineCategorySuggestions, offlineDraft, offlineReply } from './offline/assistant.ts';
import { CATEGORY_SUGGESTIONS_SCHEMA_NAME, TASK_DRAFT_SCHEMA_NAME } from './model-schemas.ts';
import { readCatalogue, readClock, SUMMARY_PREFIX } from './prompts.ts';

export const OFFLINE_MODEL = 'taskmarket-offline';

export type ModelRequest = {
  model: string;
  messages: { role: string; content: string }[];
  stream?: boolean;
  stream_options?: { include_usage?: boolean };
  response_format?: { type: string; json_schema?: { name: string; strict?: boolean; schema: unknown } };
};

/** How to answer one request. */
export type ModelAnswer =
  /** The model's text (JSON text for a `json_schema` request), streamed in word-sized chunks when asked; `failAfterChunks` drops the stream midway. */
  | { content: string; delayMs?: number; failAfterChunks?: number }
  /** The model declines: `refusal` instead of content. */
  | { refusal: string }
  /** An error answer, as OpenAI's API gives them. */
  | { status: number; message?: string; headers?: Record<string, string>; delayMs?: number };

export type Responder = (request: ModelRequest) => ModelAnswer | Promise<ModelAnswer>;

/** The offline assistant as a model: it sees only the request, like any model. */
export const offlineResponder: Responder = (request) => {
  const system = request.messages.filter((message) => message.role === 'system').map((message) => message.content);
  const catalogue = readCatalogue(system[0] ?? '');
  const now = readClock(system[0] ?? '');
  const summaries = system.filter((content) => content.startsWith(SUMMARY_PREFIX)).map((content) => content.slice(SUMMARY_PREFIX.length));
  const userMessages = [...summaries, ...request.messages.filter((message) => message.role === 'user').map((message) => message.content)];
  const clock = now ?? new Date();
  const schema = request.response_format?.json_schema?.name;
  if (schema === TASK_DRAFT_SCHEMA_NAME) return { content: JSON.stringify(offlineDraft(userMessages, catalogue, clock)) };
  if (schema === CATEGORY_SUGGESTIONS_SCHEMA_NAME) return { content: JSON.stringify(offlineCategorySuggestions(userMessages.join('\n'), catalogue)) };
  return { content: offlineReply(userMessages, catalogue, clock) };
};

export type LocalModelServer = { url: string; baseURL: string; requests: ModelRequest[]; stop: () => Promise<void> };

export async function startLocalModelServer(
  options: { port?: number; host?: string; respond?: Responder; model?: string; /** Keep every request in `requests` (tests). */ record?: boolean } = {},
): Promise<LocalModelServer> {
  const respond = options.respond ?? offlineResponder;
  const requests: ModelRequest[] = [];
  const json = (response: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) =>
    response.writeHead(status, { 'Content-Type': 'application/json', ...headers }).end(JSON.stringify(body));

  async function completions(request: IncomingMessage, response: ServerResponse) {
    const chunks: Buffer[] = [];
    for await (const chunk of request) chunks.push(chunk as Buffer);
    let body: ModelRequest;
    try {
      body = JSON.parse(Buffer.concat(chunks).toString('utf8')) as ModelRequest;
      if (!Array.isArray(body.messages)) throw new Error('messages must be an array');
    } catch (error) {
      return json(response, 400, { error: { message: `Invalid request: ${(error as Error).message}`, type: 'invalid_request_error' } });
    }
    if (options.record) requests.push(body);
    const answer = await respond(body);
    if ('delayMs' in answer && answer.delayMs) await sleep(answer.delayMs);
    if (response.destroyed) return;
    if ('status' in answer) {
      return json(response, answer.status, { error: { message: answer.message ?? `Error ${answer.status}`, type: answer.status === 429 ? 'rate_limit_exceeded' : 'server_error' } }, answer.headers);
    }
    const id = `chatcmpl-${randomBytes(9).toString('base64url')}`;
    const created = Math.floor(Date.now() / 1000);
    const model = body.model || options.model || OFFLINE_MODEL;
    const content = 'content' in answer ? answer.content : null;
    const refusal = 'refusal' in answer ? answer.refusal : null;
    const promptTokens = body.messages.reduce((sum, message) => sum + estimateTokens(String(message.content)), 0);
    const usage = { prompt_tokens: promptTokens, completion_tokens: estimateTokens(content ?? refusal ?? ''), total_tokens: 0 };
    usage.total_tokens = usage.prompt_tokens + usage.completion_tokens;
    if (!body.stream) {
      return json(response, 200, {
        id,
        object: 'chat.completion',
        created,
        model,
        choices: [{ index: 0, message: { role: 'assistant', content, refusal }, finish_reason: 'stop', logprobs: null }],
        usage,
      });
    }
    response.writeHead(200, { 'Content-Type': 'text/event-stream', 'Cache-Control': 'no-cache' });
    const frame = (data: unknown) => response.write(`data: ${JSON.stringify(data)}\n\n`);
    const chunk = (delta: Record<string, unknown>, finishReason: string | null) =>
      frame({ id, object: 'chat.completion.chunk', created, model, choices: [{ index: 0, delta, finish_reason: finishReason, logprobs: null }] });
    chunk({ role: 'assistant', content: '' }, null);
    if (refusal !== null) chunk({ refusal }, null);
    const pieces = content?.match(/\S+\s*|\s+/g) ?? [];
    for (const [index, piece] of pieces.entries()) {
      if ('failAfterChunks' in answer && answer.failAfterChunks === index) {
        response.destroy();
        return;
      }
      chunk({ content: piece }, null);
      // Let each piece leave as its own packet, as a model's tokens do.
      await new Promise((resolve) => setImmediate(resolve));
    }
    chunk({}, 'stop');
    if (body.stream_options?.include_usage) frame({ id, object: 'chat.completion.chunk', created, model, choices: [], usage });
    response.end('data: [DONE]\n\n');
  }

  const server = createServer((request, response) => {
    const path = new URL(request.url ?? '/', 'http://localhost').pathname.replace(/\/+$/, '');
    if (request.method === 'POST' && path === '/v1/chat/completions') {
      completions(request, response).catch((error: Error) => {
        if (!response.headersSent) json(response, 500, { error: { message: error.message, type: 'server_error' } });
        else response.destroy();
      });
      return;
    }
    if (request.method === 'GET' && path === '/v1/models') {
      return json(response, 200, { object: 'list', data: [{ id: options.model ?? OFFLINE_MODEL, object: 'model', created: 0, owned_by: 'taskmarket' }] });
    }
    json(response, 404, { error: { message: `No route ${request.method} ${path}`, type: 'invalid_request_error' } });
  });
  const host = options.host ?? '127.0.0.1';
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  const url = `http://${host}:${port}`;
  return {
    url,
    baseURL: `${url}/v1`,
    requests,
    stop: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
