/**
 * The assistant's model, through the official `openai` SDK: any OpenAI-compatible server with
 * OPENAI_API_KEY (OPENAI_BASE_URL for Ollama, vLLM, llama.cpp …), or, without a key, the local
 * server in process whose model is the offline assistant. Every failure of the model becomes a
 * problem the client can act on: 503 with Retry-After when waiting helps, 502 otherwise.
 */
import OpenAI from 'openai';
import { zodResponseFormat } from 'openai/helpers/zod';
import type { Logger } from 'pino';
import type { z } from 'zod';
import type { Config } from '../config.ts';
import { ProblemError, problems } from '../lib/problem.ts';
import { OFFLINE_MODEL, startLocalModelServer, type Responder } from './local-model-server.ts';

export type ChatTurn = { role: 'system' | 'user' | 'assistant'; content: string };
export type Usage = { promptTokens: number; completionTokens: number };

export type StructuredAnswer<T> = { value: T; usage: Usage } | { invalid: string; usage: Usage };

export type AssistantModel = {
  provider: 'openai' | 'offline';
  model: string;
  /** The whole reply. */
  reply: (turns: ChatTurn[], signal?: AbortSignal) => Promise<{ content: string; usage: Usage }>;
  /**
   * Starts a streamed reply. Resolves once the model has accepted the request (an error before
   * that is thrown as a problem); the pieces then arrive as the model writes them.
   */
  streamReply: (turns: ChatTurn[], signal?: AbortSignal) => Promise<{ pieces: AsyncIterable<string>; usage: () => Usage }>;
  /** JSON against `schema` (structured output); an answer that does not match is returned as `invalid`. */
  structured: <T>(turns: ChatTurn[], schema: z.ZodType<T>, name: string) => Promise<StructuredAnswer<T>>;
  close: () => Promise<void>;
};

type ModelConfig = Pick<Config, 'OPENAI_API_KEY' | 'OPENAI_BASE_URL' | 'OPENAI_MODEL' | 'OPENAI_TIMEOUT_MS' | 'OPENAI_MAX_RETRIES' | 'OPENAI_LOCAL_PORT'>;

const DEFAULT_RETRY_SECONDS = 20;

function retryAfterSeconds(headers: Headers | undefined): number {
  const milliseconds = Number(headers?.get('retry-after-ms'));
  if (milliseconds > 0) return Math.max(1, Math.ceil(milliseconds / 1000));
  const seconds = Number(headers?.get('retry-after'));
  return seconds > 0 ? Math.min(Math.ceil(seconds), 3600) : DEFAULT_RETRY_SECONDS;
}

/** The problem a failed model call answers with. */
export function modelProblem(error: unknown, logger: Logger): ProblemError {
  if (error instanceof ProblemError) return error;
  logger.warn({ err: error }, 'the assistant model failed');
  if (error instanceof OpenAI.APIConnectionTimeoutError) return problems.assistantUnavailable(5, 'The assistant did not answer in time.');
  if (error instanceof OpenAI.APIConnectionError) return problems.assistantUnavailable(10, 'The assistant cannot be reached.');
  if (error instanceof OpenAI.APIError) {
    if (error.status === 429) return problems.assistantUnavailable(retryAfterSeconds(error.headers as Headers | undefined), 'The assistant is busy.');
    if (error.status === 503) return problems.assistantUnavailable(retryAfterSeconds(error.headers as Headers | undefined), 'The assistant is unavailable.');
    return problems.assistantError(`The assistant's model answered with an error (${error.status ?? 'no status'}).`);
  }
  return problems.assistantError('The assistant gave no usable answer.');
}

const usageOf = (usage: OpenAI.CompletionUsage | null | undefined): Usage => ({ promptTokens: usage?.prompt_tokens ?? 0, completionTokens: usage?.completion_tokens ?? 0 });

export async function connectAssistantModel(config: ModelConfig, logger: Logger, options: { respond?: Responder } = {}): Promise<AssistantModel> {
  let client: OpenAI;
  let provider: AssistantModel['provider'];
  let model: string;
  let close = async () => {};
  if (config.OPENAI_API_KEY) {
    client = new OpenAI({ apiKey: config.OPENAI_API_KEY, baseURL: config.OPENAI_BASE_URL, timeout: config.OPENAI_TIMEOUT_MS, maxRetries: config.OPENAI_MAX_RETRIES });
    provider = 'openai';
    model = config.OPENAI_MODEL;
  } else {
    const server = await startLocalModelServer({ port: config.OPENAI_LOCAL_PORT, respond: options.respond }).catch((error: NodeJS.ErrnoException) => {
      if (error.code !== 'EADDRINUSE') throw error;
      throw new Error(`The offline assistant cannot listen on port ${config.OPENAI_LOCAL_PORT}: it is in use. Set OPENAI_LOCAL_PORT to a free port (0 for any), or OPENAI_API_KEY to use a model.`);
    });
    logger.info({ offline_model: server.baseURL }, `OPENAI_API_KEY unset: the offline assistant answers as an OpenAI-compatible model on ${server.baseURL}`);
    client = new OpenAI({ apiKey: 'offline', baseURL: server.baseURL, timeout: config.OPENAI_TIMEOUT_MS, maxRetries: 0 });
    provider = 'offline';
    model = OFFLINE_MODEL;
    close = server.stop;
  }

  return {
    provider,
    model,
    close,
    async reply(turns, signal) {
      try {
        const completion = await client.chat.completions.create({ model, messages: turns }, { signal });
        const message = completion.choices[0]?.message;
        if (message?.refusal) throw problems.assistantError('The assistant declined to answer.');
        if (!message?.content) throw problems.assistantError('The assistant gave an empty answer.');
        return { content: message.content, usage: usageOf(completion.usage) };
      } catch (error) {
        throw modelProblem(error, logger);
      }
    },
    async streamReply(turns, signal) {
      let usage: Usage = { promptTokens: 0, completionTokens: 0 };
      let stream: AsyncIterable<OpenAI.ChatCompletionChunk>;
      try {
        stream = await client.chat.completions.create({ model, messages: turns, stream: true, stream_options: { include_usage: true } }, { signal });
      } catch (error) {
        throw modelProblem(error, logger);
      }
      async function* pieces() {
        try {
          for await (const chunk of stream) {
            if (chunk.usage) usage = usageOf(chunk.usage);
            const delta = chunk.choices[0]?.delta;
            if (delta?.refusal) throw problems.assistantError('The assistant declined to answer.');
            if (delta?.content) yield delta.content;
          }
        } catch (error) {
          throw modelProblem(error, logger);
        }
      }
      return { pieces: pieces(), usage: () => usage };
    },
    async structured(turns, schema, name) {
      try {
        const completion = await client.chat.completions.create({ model, messages: turns, response_format: zodResponseFormat(schema, name) });
        const message = completion.choices[0]?.message;
        const usage = usageOf(completion.usage);
        if (message?.refusal) throw problems.assistantError('The assistant declined to answer.');
        let parsed: unknown;
        try {
          parsed = JSON.parse(message?.content ?? '');
        } catch {
          return { invalid: 'not JSON', usage };
        }
        const result = schema.safeParse(parsed);
        if (result.success) return { value: result.data, usage };
        return { invalid: result.error.issues.map((issue) => `${issue.path.join('.') || '(root)'}: ${issue.message}`).join('; '), usage };
      } catch (error) {
        throw modelProblem(error, logger);
      }
    },
  };
}
