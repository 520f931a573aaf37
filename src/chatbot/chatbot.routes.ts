/**
 * The Chatbot operations of the contract. `POST /chatbot/chat/` answers JSON, or Server-Sent
 * Events when the request accepts `text/event-stream`: the model's failure before the first
 * piece is a problem+json like any other; after it, an `error` event ends the stream.
 */
import { streamSSE } from 'hono/streaming';
import { currentUser, eventStreamAnswer, mount, type AppRouter } from '../app/router.ts';
import { routes } from '../contract/routes.ts';
import { ProblemError, problems } from '../lib/problem.ts';
import type { ChatbotService } from './chatbot.service.ts';

const wantsEventStream = (accept: string | undefined) => /\btext\/event-stream\b/i.test(accept ?? '');

export function registerChatbotRoutes(router: AppRouter, chatbot: ChatbotService): void {
  mount(router, routes.getChatbotStatus, (c) => c.json(chatbot.status(), 200));

  mount(router, routes.getChatbotStatistics, async (c) => c.json(await chatbot.statistics(c.get('em'), currentUser(c)), 200));

  mount(router, routes.listChatSessions, async (c) => c.json(await chatbot.listSessions(c.get('em'), currentUser(c), c.req.valid('query'), c.req.url), 200));

  mount(router, routes.getChatSession, async (c) => c.json(await chatbot.getSession(c.get('em'), currentUser(c), c.req.valid('param').id), 200));

  mount(router, routes.endChatSession, async (c) => c.json(await chatbot.endSession(c.get('em'), currentUser(c), c.req.valid('param').id), 200));

  mount(router, routes.extractTaskFromChatSession, async (c) => c.json(await chatbot.extractTask(c.get('em'), currentUser(c), c.req.valid('param').id), 200));

  mount(router, routes.suggestCategory, async (c) => c.json(await chatbot.suggestCategory(c.get('em'), currentUser(c), c.req.valid('json')), 200));

  mount(router, routes.rateChatMessage, async (c) => c.json(await chatbot.rateMessage(c.get('em'), currentUser(c), c.req.valid('param').id, c.req.valid('json')), 200));

  mount(router, routes.chatWithAssistant, async (c) => {
    const user = currentUser(c);
    const em = c.get('em');
    if (!wantsEventStream(c.req.header('accept'))) return c.json(await chatbot.chat(em, user, c.req.valid('json')), 200);

    const pending = await chatbot.beginChat(em, user, c.req.valid('json'));
    // A client that goes away stops the model too; nothing of a reply it will not read is stored.
    const abort = new AbortController();
    c.req.raw.signal.addEventListener('abort', () => abort.abort(), { once: true });
    const reply = await chatbot.streamReply(pending, abort.signal);
    const response = streamSSE(c, async (stream) => {
      stream.onAbort(() => abort.abort());
      await stream.writeSSE({ event: 'user_message', data: JSON.stringify(pending.userMessage) });
      let text = '';
      try {
        for await (const piece of reply.pieces) {
          text += piece;
          await stream.writeSSE({ event: 'delta', data: JSON.stringify({ content: piece }) });
        }
        const answer = await chatbot.finishChat(em, user, pending, text, reply.usage());
        await stream.writeSSE({ event: 'done', data: JSON.stringify(answer) });
      } catch (error) {
        if (abort.signal.aborted) return;
        if (!(error instanceof ProblemError)) c.get('logger').error({ err: error }, 'the streamed chat reply failed');
        const problem = error instanceof ProblemError ? error : problems.internal();
        await stream.writeSSE({ event: 'error', data: JSON.stringify(problem.toProblem(new URL(c.req.url).pathname, c.get('requestId'))) });
      }
    });
    return eventStreamAnswer(response);
  });
}
