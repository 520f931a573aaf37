/**
 * The fake OpenAI-compatible server of the tests: the local model server, whose answers a test
 * scripts one request at a time (a JSON draft, a 429, a slow answer, invalid JSON …); once the
 * script runs out, the offline assistant answers. Requests are kept, to check what the model saw.
 */
import { offlineResponder, startLocalModelServer, type ModelAnswer, type ModelRequest } from '../../src/chatbot/local-model-server.ts';

export type FakeModel = Awaited<ReturnType<typeof startFakeModel>>;

export async function startFakeModel(model = 'fake-gpt') {
  const script: ModelAnswer[] = [];
  const server = await startLocalModelServer({ model, record: true, respond: (request) => script.shift() ?? offlineResponder(request) });
  return {
    model,
    baseURL: server.baseURL,
    /** Every request the model received, oldest first. */
    requests: server.requests as ModelRequest[],
    /** The next answers, in order. */
    script: (...answers: ModelAnswer[]) => {
      script.push(...answers);
    },
    /** Answers scripted but not yet given. */
    pending: () => script.length,
    stop: server.stop,
  };
}
