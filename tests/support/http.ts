/**
 * Small helpers to call the app with JSON and read the answer.
 */
import type { TestApp } from './test-app.ts';

export type Answer = { status: number; body: any; headers: Headers };

export function caller(app: Pick<TestApp, 'fetch'>) {
  return async function call(method: string, path: string, options: { body?: unknown; token?: string; headers?: Record<string, string> } = {}): Promise<Answer> {
    const headers: Record<string, string> = { ...options.headers };
    if (options.body !== undefined) headers['Content-Type'] ??= 'application/json';
    if (options.token) headers.Authorization = `Bearer ${options.token}`;
    const response = await app.fetch(`/api${path}`, {
      method,
      headers,
      body: options.body === undefined ? undefined : typeof options.body === 'string' ? options.body : JSON.stringify(options.body),
    });
    const text = await response.text();
    return { status: response.status, body: text ? JSON.parse(text) : null, headers: response.headers };
  };
}

let counter = 0;
/** A fresh, valid registration body. */
export function newUser(overrides: Record<string, unknown> = {}) {
  counter += 1;
  const name = `user${counter}_${Math.random().toString(36).slice(2, 8)}`;
  return { username: name, email: `${name}@example.com`, password: 'StrongPass123', is_client: true, is_freelancer: true, ...overrides };
}

/** The access token of a demo user (password StrongPass123). */
export async function loginAs(call: ReturnType<typeof caller>, email: string): Promise<string> {
  const answer = await call('POST', '/auth/login/', { body: { email, password: 'StrongPass123' } });
  if (answer.status !== 200) throw new Error(`login as ${email}: ${answer.status}`);
  return answer.body.access;
}

