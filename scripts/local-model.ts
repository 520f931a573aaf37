/**
 * `npm run model:local [-- <port>]`: the offline assistant as a standalone OpenAI-compatible
 * server (default port 8100), to point the service at as it would point at any model:
 *   OPENAI_API_KEY=local OPENAI_BASE_URL=http://127.0.0.1:8100/v1 npm start
 * The journey then goes through the model path (structured output, streaming, retries) end to end.
 */
import { startLocalModelServer } from '../src/chatbot/local-model-server.ts';

const port = Number(process.argv[2] ?? 8100);
const server = await startLocalModelServer({ port }).catch((error: NodeJS.ErrnoException) => {
  console.error(error.code === 'EADDRINUSE' ? `Port ${port} is in use: give another one, npm run model:local -- <port>.` : error.message);
  process.exit(1);
});
console.log(`An OpenAI-compatible model on ${server.baseURL} (the offline assistant). Ctrl+C stops it.`);
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, () => void server.stop().then(() => process.exit(0)));
