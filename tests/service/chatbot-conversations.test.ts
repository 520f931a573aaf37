/**
 * The offline assistant on realistic conversations (chatbot-conversations.data.ts): each is held
 * over HTTP, message by message, and the draft extracted at the end must be the one written down.
 * The last reply asks for something exactly when the draft still misses a field to post with.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { caller } from '../support/http.ts';
import { actor, chat } from '../support/marketplace.ts';
import { startTestApp, type TestApp } from '../support/test-app.ts';
import { CONVERSATIONS, type ExpectedDraft } from './chatbot-conversations.data.ts';

let t: TestApp;
let call: ReturnType<typeof caller>;

beforeAll(async () => {
  t = await startTestApp();
  call = caller(t);
});
afterAll(async () => {
  await t?.close();
});

const endOfDay = (year: number, month: number, day: number) => new Date(Date.UTC(year, month, day, 23, 59, 59)).toISOString();

/** The deadline a conversation's wording means, as of `now`. */
function expectedDeadline(deadline: ExpectedDraft['deadline'], now: Date): string | null {
  if (deadline === null) return null;
  const [year, month, day] = [now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()];
  if ('inDays' in deadline) return endOfDay(year, month, day + deadline.inDays);
  if ('months' in deadline) return endOfDay(year, month + deadline.months, day);
  if ('weekday' in deadline) return endOfDay(year, month, day + ((deadline.weekday - now.getUTCDay() + 7) % 7 || 7));
  if ('endOfMonth' in deadline) return endOfDay(year, month + 1, 0);
  if ('date' in deadline) return `${deadline.date}T23:59:59.000Z`;
  const [targetMonth, targetDay] = deadline.monthDay.split('-').map(Number) as [number, number];
  const thisYear = endOfDay(year, targetMonth - 1, targetDay);
  return thisYear > now.toISOString() ? thisYear : endOfDay(year + 1, targetMonth - 1, targetDay);
}

describe('the offline assistant on realistic conversations', () => {
  it('has at least twenty of them', () => {
    expect(CONVERSATIONS.length).toBeGreaterThanOrEqual(20);
  });

  for (const conversation of CONVERSATIONS) {
    it(`drafts ${conversation.name}`, async () => {
      const client = await actor(call);
      let sessionId: number | undefined;
      let last;
      for (const message of conversation.messages) {
        last = await chat(call, client, message, sessionId);
        expect(last.status, JSON.stringify(last.body)).toBe(200);
        sessionId = last.body.session_id;
      }
      const answer = await call('POST', `/chatbot/sessions/${sessionId}/extract-task/`, { token: client.token });
      expect(answer.status).toBe(200);
      const draft = answer.body;
      const expected = conversation.draft;
      expect({
        title: draft.title || null,
        category: draft.category?.slug ?? null,
        skills: draft.skills.map((skill: { slug: string }) => skill.slug),
        budget: draft.budget,
        currency: draft.currency,
        deadline: draft.deadline,
        remote: draft.remote,
        location: draft.location,
        missing: draft.missing_fields,
      }).toEqual({ ...expected, deadline: expectedDeadline(expected.deadline, t.now()) });
      // Ready to post exactly when nothing a task needs is missing.
      const ready = !expected.missing.some((field) => ['title', 'description', 'category', 'budget'].includes(field)) && !(expected.remote === false && !expected.location);
      expect(last!.body.task_draft_ready).toBe(ready);
      if (expected.missing.length) expect(last!.body.reply.content).toMatch(/\?/);
      else expect(last!.body.reply.content).toMatch(/I have everything I need/);
    });
  }
});
