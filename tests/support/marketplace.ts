/**
 * Helpers of the marketplace's tests: people with roles, tasks with skills, skill sets, a message
 * to the assistant.
 */
import { expect } from 'vitest';
import { newUser, type caller } from './http.ts';

type Call = ReturnType<typeof caller>;
export type Actor = { token: string; id: number; username: string };

/** Skills of the catalogue the tests use (ids from the migrations). */
export const SKILL = {
  python: 11, typescript: 12, react: 13, postgresql: 14, figma: 15, restApis: 17, swift: 40, kotlin: 41, flutter: 42, ios: 44,
  nlp: 53, seo: 55, googleAds: 57, emailMarketing: 58,
};

export async function actor(call: Call, roles: { is_client?: boolean; is_freelancer?: boolean } = {}): Promise<Actor> {
  const answer = await call('POST', '/auth/register/', { body: newUser({ is_client: roles.is_client ?? true, is_freelancer: roles.is_freelancer ?? true }) });
  expect(answer.status, JSON.stringify(answer.body)).toBe(201);
  return { token: answer.body.access, id: answer.body.user.id, username: answer.body.user.username };
}

export type TaskSpec = { title?: string; description?: string; category?: number; budget?: string; skills?: number[]; remote?: boolean };

export async function postTask(call: Call, owner: Actor, spec: TaskSpec = {}): Promise<number> {
  const answer = await call('POST', '/tasks/create/', {
    token: owner.token,
    body: {
      title: spec.title ?? 'A task to recommend',
      description: spec.description ?? 'Plain work with a clear brief and a fixed budget for the right person.',
      category: spec.category ?? 4,
      budget: spec.budget ?? '200.00',
      currency: 'usd',
      skills: spec.skills ?? [],
      remote: spec.remote ?? true,
      ...(spec.remote === false ? { location: 'Amman, Jordan' } : {}),
    },
  });
  expect(answer.status, JSON.stringify(answer.body)).toBe(201);
  return answer.body.id;
}

export async function setSkills(call: Call, who: Actor, ids: number[]): Promise<void> {
  const answer = await call('POST', '/recommendations/skills/update/', { token: who.token, body: { skills: ids.map((skill_id) => ({ skill_id, level: 'expert', years_experience: 3 })) } });
  expect(answer.status, JSON.stringify(answer.body)).toBe(200);
}

/** A message to the assistant: a new session, or the next turn of `sessionId`. */
export function chat(call: Call, who: Actor, message: string, sessionId?: number) {
  return call('POST', '/chatbot/chat/', { token: who.token, body: sessionId ? { message, session_id: sessionId } : { message } });
}
