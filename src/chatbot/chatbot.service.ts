/**
 * The assistant's rules: sessions belong to their user (anyone else gets 404), an ended or idle
 * session takes no message (409), each user has a budget of messages a minute and a day (429).
 * The user's message is committed before the model is called, so a failing model loses nothing
 * and the session stays usable; the reply and its token usage are written once it is whole.
 * The assistant only talks and drafts: nothing here posts, pays or messages anyone.
 */
import { LockMode, type EntityManager } from '@mikro-orm/postgresql';
import type { Logger } from 'pino';
import type { z } from 'zod';
import type { User } from '../auth/auth.entities.ts';
import { listCategories } from '../catalog/catalog-views.ts';
import type * as S from '../contract/schemas.ts';
import { querySql } from '../db/sql.ts';
import { toPage, pageWindow } from '../lib/pagination.ts';
import { problems } from '../lib/problem.ts';
import type { RateLimit } from '../lib/rate-limit.ts';
import { listSkills } from '../recommendations/catalogue.ts';
import type { AssistantModel, ChatTurn, StructuredAnswer, Usage } from './assistant-model.ts';
import { AssistantUsage, ChatMessage, ChatSession, type ASSISTANT_OPERATIONS } from './chatbot.entities.ts';
import { chatMessageJson, chatSessionJson, isIdle, SESSION_STATUS_SQL } from './chatbot-views.ts';
import { boundedHistory } from './history.ts';
import { ModelCategorySuggestions, ModelTaskDraft, CATEGORY_SUGGESTIONS_SCHEMA_NAME, TASK_DRAFT_SCHEMA_NAME } from './model-schemas.ts';
import { isDraftReady, offlineCategorySuggestions, offlineDraft } from './offline/assistant.ts';
import { readConversation, titleFrom } from './offline/facts.ts';
import { cataloguePrompt, EXTRACT_INSTRUCTIONS, RULES, SUGGEST_INSTRUCTIONS } from './prompts.ts';
import { toTaskDraft } from './task-draft.ts';
import type { Catalogue } from './offline/catalogue-terms.ts';

export type ChatbotDeps = {
  now: () => Date;
  model: AssistantModel;
  logger: Logger;
  /** Every call that reaches the model spends a point of each. */
  limits: RateLimit[];
  historyTokens: number;
};

/** A chat turn whose user message is stored, waiting for the model's reply. */
export type PendingChat = { session: ChatSession; userMessage: S.ChatMessage; turns: ChatTurn[]; userMessages: string[] };

/** A fallback draft (the model's answers were invalid twice) is trusted half as much. */
const FALLBACK_CERTAINTY = 0.5;
const CATALOGUE_TTL_MS = 60_000;

export function createChatbotService(deps: ChatbotDeps) {
  const { now, model } = deps;
  let cachedCatalogue: { rows: Catalogue; at: number } | null = null;

  /** The catalogue (a few dozen rows, changed only by migrations), read at most once a minute. */
  async function catalogue(em: EntityManager): Promise<Catalogue> {
    if (cachedCatalogue && Date.now() - cachedCatalogue.at < CATALOGUE_TTL_MS) return cachedCatalogue.rows;
    const [categories, { results: skills }] = await Promise.all([listCategories(em), listSkills(em, {})]);
    cachedCatalogue = { rows: { categories, skills }, at: Date.now() };
    return cachedCatalogue.rows;
  }

  const systemPrompt = (rows: Catalogue) => `${RULES}\n\n${cataloguePrompt(rows, now())}`;

  async function spendMessage(user: User) {
    for (const limit of deps.limits) await limit.consume(String(user.id));
  }

  async function ownSession(em: EntityManager, user: User, id: number, lock = false): Promise<ChatSession> {
    const session = await em.findOne(ChatSession, { id, user: user.id }, lock ? { lockMode: LockMode.PESSIMISTIC_WRITE } : {});
    if (!session) throw problems.notFound(`Assistant session ${id} does not exist.`);
    return session;
  }

  async function messagesOf(em: EntityManager, session: ChatSession): Promise<ChatMessage[]> {
    return em.find(ChatMessage, { session: session.id }, { orderBy: { id: 'asc' } });
  }

  function recordUsage(tx: EntityManager, user: User, operation: (typeof ASSISTANT_OPERATIONS)[number], usage: Usage, refs: { session?: ChatSession; message?: ChatMessage } = {}) {
    tx.create(AssistantUsage, { user, session: refs.session ?? null, message: refs.message ?? null, operation, model: model.model, promptTokens: usage.promptTokens, completionTokens: usage.completionTokens, createdAt: now() });
  }

  /** Asks for JSON once more when the first answer does not match; null when neither did. */
  async function structuredWithRetry<T>(turns: ChatTurn[], schema: z.ZodType<T>, name: string, spent: Usage[]): Promise<T | null> {
    let answer: StructuredAnswer<T> = await model.structured(turns, schema, name);
    spent.push(answer.usage);
    if ('invalid' in answer) {
      deps.logger.warn({ schema: name, invalid: answer.invalid }, 'the assistant model answered invalid JSON; asking once more');
      const retry: ChatTurn = { role: 'system', content: `Your previous answer did not match the schema (${answer.invalid}). Answer again with JSON that matches it exactly.` };
      answer = await model.structured([...turns, retry], schema, name);
      spent.push(answer.usage);
    }
    if ('invalid' in answer) {
      deps.logger.warn({ schema: name, invalid: answer.invalid }, 'the assistant model answered invalid JSON twice; the offline rules answer');
      return null;
    }
    return answer.value;
  }

  const sumUsage = (spent: Usage[]): Usage => ({
    promptTokens: spent.reduce((sum, usage) => sum + usage.promptTokens, 0),
    completionTokens: spent.reduce((sum, usage) => sum + usage.completionTokens, 0),
  });

  return {
    status(): S.ChatbotStatus {
      return { available: true, provider: model.provider, model: model.model, features: ['chat', 'extract_task', 'suggest_category'] };
    },

    async listSessions(em: EntityManager, user: User, query: { page: number; page_size: number; status?: S.ChatSessionStatus }, requestUrl: string): Promise<S.PaginatedChatSessionSummaryList> {
      const { limit, offset } = pageWindow(query);
      const values = [user.id, now(), query.status ?? null, limit, offset];
      const filter = `user_id = $1 and ($3::text is null or ${SESSION_STATUS_SQL} = $3)`;
      const [{ count }] = (await querySql<{ count: number }>(em, { text: `select count(*)::int as count from chat_session where ${filter}`, values: values.slice(0, 3) })) as [{ count: number }];
      const rows = await querySql<S.ChatSessionSummary>(em, {
        text: `select id, title, ${SESSION_STATUS_SQL} as status, messages_count, last_message_at, created_at
from chat_session where ${filter} order by id desc limit $4 offset $5`,
        values,
      });
      const results = rows.map((row) => ({
        ...row,
        last_message_at: row.last_message_at && new Date(row.last_message_at).toISOString(),
        created_at: new Date(row.created_at).toISOString(),
      }));
      return toPage(requestUrl, query, count, results);
    },

    async getSession(em: EntityManager, user: User, id: number): Promise<S.ChatSession> {
      const session = await ownSession(em, user, id);
      return chatSessionJson(session, await messagesOf(em, session), now());
    },

    async endSession(em: EntityManager, user: User, id: number): Promise<S.ChatSession> {
      const session = await em.transactional(async (tx) => {
        const current = await ownSession(tx, user, id, true);
        if (current.status !== 'active' || isIdle(current, now())) throw problems.invalidState(`Assistant session ${id} has already ended.`);
        current.status = 'ended';
        current.endedAt = now();
        return current;
      });
      return chatSessionJson(session, await messagesOf(em, session), now());
    },

    /** Stores the user's message (in a new session, or an active one of theirs) and builds what the model sees. */
    async beginChat(em: EntityManager, user: User, input: S.ChatRequest): Promise<PendingChat> {
      await spendMessage(user);
      const at = now();
      const { session, message } = await em.transactional(async (tx) => {
        let current: ChatSession;
        if (input.session_id) {
          current = await ownSession(tx, user, input.session_id, true);
          if (current.status !== 'active' || isIdle(current, at)) {
            throw problems.invalidState(`Assistant session ${current.id} has ended: start a new one by leaving out session_id.`);
          }
        } else {
          const title = titleFrom(input.message) ?? (input.message.replace(/\s+/g, ' ').trim().slice(0, 80) || 'New task');
          current = tx.create(ChatSession, { user, title, status: 'active', taskDraft: null, draftsExtracted: 0, messagesCount: 0, lastMessageAt: null, createdAt: at, endedAt: null });
        }
        const stored = tx.create(ChatMessage, { session: current, role: 'user', content: input.message, rating: null, ratingComment: null, createdAt: at });
        current.messagesCount += 1;
        current.lastMessageAt = at;
        return { session: current, message: stored };
      });
      const rows = await catalogue(em);
      const history = (await messagesOf(em, session)).map((entry) => ({ role: entry.role, content: entry.content }));
      return {
        session,
        userMessage: chatMessageJson(message),
        turns: boundedHistory(systemPrompt(rows), history, deps.historyTokens),
        userMessages: history.filter((entry) => entry.role === 'user').map((entry) => entry.content),
      };
    },

    /** Stores the model's whole reply and what it cost. */
    async finishChat(em: EntityManager, user: User, pending: PendingChat, content: string, usage: Usage): Promise<S.ChatResponse> {
      if (!content.trim()) throw problems.assistantError('The assistant gave an empty answer.');
      const at = now();
      const reply = await em.transactional(async (tx) => {
        const session = await tx.findOneOrFail(ChatSession, pending.session.id, { lockMode: LockMode.PESSIMISTIC_WRITE });
        const stored = tx.create(ChatMessage, { session, role: 'assistant', content, rating: null, ratingComment: null, createdAt: at });
        session.messagesCount += 1;
        session.lastMessageAt = at;
        recordUsage(tx, user, 'chat', usage, { session, message: stored });
        return stored;
      });
      return {
        session_id: pending.session.id,
        user_message: pending.userMessage,
        reply: chatMessageJson(reply),
        session_status: pending.session.status,
        // The offline rules judge readiness whichever model talks: the same answer for the same words.
        task_draft_ready: isDraftReady(readConversation(pending.userMessages, await catalogue(em), at)),
      };
    },

    /** The JSON answer: the whole reply at once. */
    async chat(em: EntityManager, user: User, input: S.ChatRequest): Promise<S.ChatResponse> {
      const pending = await this.beginChat(em, user, input);
      const { content, usage } = await model.reply(pending.turns);
      return this.finishChat(em, user, pending, content, usage);
    },

    /** The streamed answer: resolves once the model has taken the request (else a problem is thrown). */
    streamReply(pending: PendingChat, signal: AbortSignal) {
      return model.streamReply(pending.turns, signal);
    },

    async extractTask(em: EntityManager, user: User, id: number): Promise<S.TaskDraft> {
      const session = await ownSession(em, user, id);
      const messages = await messagesOf(em, session);
      const userMessages = messages.filter((entry) => entry.role === 'user').map((entry) => entry.content);
      if (!userMessages.length) throw problems.businessRule(`Assistant session ${id} has no message of yours to draft a task from.`);
      await spendMessage(user);
      const rows = await catalogue(em);
      const history = messages.map((entry) => ({ role: entry.role, content: entry.content }));
      const turns = boundedHistory(`${systemPrompt(rows)}\n\n${EXTRACT_INSTRUCTIONS}`, history, deps.historyTokens);
      const spent: Usage[] = [];
      const answered = await structuredWithRetry<ModelTaskDraft>(turns, ModelTaskDraft, TASK_DRAFT_SCHEMA_NAME, spent);
      const draft = answered
        ? toTaskDraft(answered, rows, now())
        : toTaskDraft(offlineDraft(userMessages, rows, now()), rows, now(), FALLBACK_CERTAINTY);
      await em.transactional(async (tx) => {
        const current = await tx.findOneOrFail(ChatSession, session.id, { lockMode: LockMode.PESSIMISTIC_WRITE });
        current.taskDraft = draft;
        current.draftsExtracted += 1;
        recordUsage(tx, user, 'extract_task', sumUsage(spent), { session: current });
      });
      return draft;
    },

    async suggestCategory(em: EntityManager, user: User, input: S.SuggestCategoryRequest): Promise<S.CategorySuggestionList> {
      await spendMessage(user);
      const rows = await catalogue(em);
      const text = `Title: ${input.title}${input.description ? `\nDescription: ${input.description}` : ''}`;
      const turns: ChatTurn[] = [
        { role: 'system', content: `${systemPrompt(rows)}\n\n${SUGGEST_INSTRUCTIONS}` },
        { role: 'user', content: text },
      ];
      const spent: Usage[] = [];
      const answered = await structuredWithRetry<ModelCategorySuggestions>(turns, ModelCategorySuggestions, CATEGORY_SUGGESTIONS_SCHEMA_NAME, spent);
      const suggestions = answered ?? offlineCategorySuggestions(`${input.title}\n${input.description ?? ''}`, rows);
      const certainty = answered ? 1 : FALLBACK_CERTAINTY;
      recordUsage(em, user, 'suggest_category', sumUsage(spent));
      await em.flush();
      const results: S.CategorySuggestion[] = [];
      for (const suggestion of suggestions.suggestions) {
        // Unknown slugs are dropped, never invented; each category once, best first.
        const category = rows.categories.find((candidate) => candidate.slug === suggestion.category.trim().toLowerCase());
        if (category && !results.some((entry) => entry.category.id === category.id)) {
          results.push({ category, confidence: Math.round(suggestion.confidence * certainty * 100) / 100 });
        }
      }
      return { results: results.sort((a, b) => b.confidence - a.confidence).slice(0, 3) };
    },

    async rateMessage(em: EntityManager, user: User, id: number, input: S.RateChatMessageRequest): Promise<S.ChatMessage> {
      const message = await em.findOne(ChatMessage, { id, session: { user: user.id } });
      if (!message) throw problems.notFound(`Assistant message ${id} does not exist.`);
      if (message.role !== 'assistant') throw problems.businessRule('Only the assistant\'s replies can be rated.', { id: ['This message is your own.'] });
      message.rating = input.rating;
      message.ratingComment = input.comment ?? null;
      await em.flush();
      return chatMessageJson(message);
    },

    async statistics(em: EntityManager, user: User): Promise<S.ChatbotStatistics> {
      const [row] = await querySql<S.ChatbotStatistics>(em, {
        text: `select
  (select count(*)::int from chat_session where user_id = $1) as total_sessions,
  (select count(*)::int from chat_session where user_id = $1 and ${SESSION_STATUS_SQL} = 'active') as active_sessions,
  (select coalesce(sum(messages_count), 0)::int from chat_session where user_id = $1) as total_messages,
  (select coalesce(sum(drafts_extracted), 0)::int from chat_session where user_id = $1) as tasks_extracted,
  (select json_build_object('up', count(*) filter (where m.rating = 'up'), 'down', count(*) filter (where m.rating = 'down'))
     from chat_message m join chat_session s on s.id = m.session_id where s.user_id = $1 and m.rating is not null) as ratings,
  (select json_build_object('prompt', coalesce(sum(prompt_tokens), 0), 'completion', coalesce(sum(completion_tokens), 0), 'total', coalesce(sum(prompt_tokens + completion_tokens), 0))
     from assistant_usage where user_id = $1) as tokens`,
        values: [user.id, now()],
      });
      return row!;
    },
  };
}

export type ChatbotService = ReturnType<typeof createChatbotService>;

/** Account deletion: the conversations with the assistant are personal data. */
export async function forgetAssistantHistory(tx: EntityManager, user: User): Promise<void> {
  await tx.nativeDelete(AssistantUsage, { user });
  await tx.nativeDelete(ChatSession, { user });
}
