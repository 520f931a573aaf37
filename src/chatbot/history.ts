/**
 * The conversation as the model sees it: the rules and the catalogue first, then as many of the
 * latest turns as fit the token budget; the client's older messages, if any were dropped, are
 * kept as a short summary note so that what they settled (a budget, a place) is not lost.
 */
import type { ChatTurn } from './assistant-model.ts';
import { SUMMARY_PREFIX } from './prompts.ts';

/**
 * Tokens as English text averages them, about four characters each. The model may be any
 * OpenAI-compatible one, each with its own tokenizer: an estimate that errs long is as right.
 */
export const estimateTokens = (text: string) => Math.ceil(text.length / 4);

/** The summary gets at most this share of the budget; each dropped message at most this many characters. */
const SUMMARY_SHARE = 0.25;
const SUMMARY_CHARS_PER_MESSAGE = 300;

export function boundedHistory(system: string, messages: { role: 'user' | 'assistant'; content: string }[], budgetTokens: number): ChatTurn[] {
  let remaining = budgetTokens - estimateTokens(system);
  let first = messages.length;
  // The newest turn always goes, whatever its size (a message is at most 4,000 characters).
  while (first > 0 && (first === messages.length || estimateTokens(messages[first - 1]!.content) <= remaining)) {
    remaining -= estimateTokens(messages[first - 1]!.content);
    first -= 1;
  }
  const turns: ChatTurn[] = [{ role: 'system', content: system }];
  const dropped = messages.slice(0, first).filter((message) => message.role === 'user');
  if (dropped.length) {
    const maxChars = Math.floor(budgetTokens * SUMMARY_SHARE * 4);
    const summary = dropped.map((message) => message.content.replace(/\s+/g, ' ').slice(0, SUMMARY_CHARS_PER_MESSAGE)).join(' / ');
    turns.push({ role: 'system', content: `${SUMMARY_PREFIX}${summary.slice(0, maxChars)}` });
  }
  turns.push(...messages.slice(first));
  return turns;
}
