/**
 * Every environment variable the service reads is documented in .env.example and README.md, and
 * production refuses the development fallbacks (a random JWT secret, mail written to the log,
 * the embedded PostgreSQL); settings that cannot work are refused by name.
 */
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import pino from 'pino';
import { describe, expect, it } from 'vitest';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ENV_VARIABLES, keepDevelopmentSecret, loadConfig } from '../../src/config.ts';
import { createMailer } from '../../src/mail/mailer.ts';

const envExample = readFileSync(new URL('../../.env.example', import.meta.url), 'utf8');
const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');

describe('the environment', () => {
  // The service's, the mock's, and the bench's and evaluation's knobs.
  const scriptVariables = ['MOCK_PORT', 'MOCK_HOST', 'BENCH_SECONDS', 'BENCH_CONNECTIONS', 'BENCH_MAILS', 'BENCH_STREAMS', 'BENCH_RELEASES', 'BENCH_PROFILE', 'EVAL_FREELANCERS'];
  it.each([...ENV_VARIABLES, ...scriptVariables])('%s is documented', (name) => {
    expect(envExample).toMatch(new RegExp(`^#? ?${name}=`, 'm'));
    expect(readme).toContain(`\`${name}\``);
  });
});

describe('production', () => {
  const production = {
    NODE_ENV: 'production',
    JWT_SECRET: 'a-production-secret-of-at-least-32-characters',
    SMTP_URL: 'smtp://mail.example.com:587',
    STRIPE_SECRET_KEY: 'sk_live_example',
    STRIPE_WEBHOOK_SECRET: 'whsec_example',
    DATABASE_URL: 'postgres://taskmarket:secret@db.example.com:5432/taskmarket',
  };

  it('starts with a JWT secret, an SMTP server and Stripe', () => {
    expect(loadConfig(production).SMTP_URL).toBe(production.SMTP_URL);
  });

  it.each(['DATABASE_URL', 'JWT_SECRET', 'SMTP_URL', 'STRIPE_SECRET_KEY', 'STRIPE_WEBHOOK_SECRET'])('refuses to start without %s, naming it', (name) => {
    const { [name as keyof typeof production]: _left, ...rest } = production;
    expect(() => loadConfig(rest)).toThrow(new RegExp(`${name}: required in production`));
  });
});

describe('settings that cannot work', () => {
  it('refuses a DATABASE_URL that is not PostgreSQL, naming it', () => {
    expect(() => loadConfig({ DATABASE_URL: 'mysql://root@127.0.0.1:3306/taskmarket' })).toThrow(/DATABASE_URL: a PostgreSQL URL/);
    expect(loadConfig({ DATABASE_URL: 'postgresql://u:p@127.0.0.1/taskmarket' }).DATABASE_URL).toBe('postgresql://u:p@127.0.0.1/taskmarket');
  });

  it('refuses CORS origins without a scheme, or with a path, naming the entry', () => {
    expect(() => loadConfig({ CORS_ORIGINS: 'http://localhost:3000,localhost:5173' })).toThrow(/CORS_ORIGINS: "localhost:5173" is not an origin/);
    expect(() => loadConfig({ CORS_ORIGINS: 'https://app.example.com/' })).toThrow(/"https:\/\/app.example.com\/" is not an origin/);
    expect(loadConfig({ CORS_ORIGINS: 'https://app.example.com, http://localhost:5173' }).CORS_ORIGINS).toEqual(['https://app.example.com', 'http://localhost:5173']);
    expect(loadConfig({ CORS_ORIGINS: '*' }).CORS_ORIGINS).toEqual(['*']);
  });
});

describe('sign-in limits', () => {
  it('are generous in development, unless set, and strict elsewhere', () => {
    const development = loadConfig({ NODE_ENV: 'development' });
    expect([development.RATE_LIMIT_AUTH_PER_MINUTE, development.LOGIN_FAILURES_PER_ACCOUNT, development.LOGIN_LOCKOUT_SECONDS]).toEqual([300, 100, 60]);
    expect(loadConfig({ NODE_ENV: 'development', RATE_LIMIT_AUTH_PER_MINUTE: '5' }).RATE_LIMIT_AUTH_PER_MINUTE).toBe(5);
    const test = loadConfig({ NODE_ENV: 'test' });
    expect([test.RATE_LIMIT_AUTH_PER_MINUTE, test.LOGIN_FAILURES_PER_ACCOUNT, test.LOGIN_LOCKOUT_SECONDS]).toEqual([10, 10, 900]);
  });
});

describe('the JWT secret, when JWT_SECRET is unset', () => {
  it('is kept in the data folder in development, so that sessions survive a restart', () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'taskmarket-secret-'));
    try {
      const first = keepDevelopmentSecret(loadConfig({ NODE_ENV: 'development', DATA_DIR: dataDir }));
      const second = keepDevelopmentSecret(loadConfig({ NODE_ENV: 'development', DATA_DIR: dataDir }));
      expect(first.JWT_SECRET).toHaveLength(64);
      expect(second.JWT_SECRET).toBe(first.JWT_SECRET);
      expect(statSync(join(dataDir, 'jwt-secret')).mode & 0o777).toBe(0o600);
      // Anywhere else it is made up per process, and a set one is used as it is.
      expect(keepDevelopmentSecret(loadConfig({ NODE_ENV: 'test', DATA_DIR: dataDir })).JWT_SECRET).not.toBe(first.JWT_SECRET);
      const set = 'a-secret-set-by-the-operator-of-32-characters';
      expect(keepDevelopmentSecret(loadConfig({ NODE_ENV: 'development', DATA_DIR: dataDir, JWT_SECRET: set })).JWT_SECRET).toBe(set);
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});

describe('mail without SMTP_URL (development)', () => {
  it('is written to the log under a line that says it is a development fallback', async () => {
    const lines: string[] = [];
    const logger = pino({ level: 'info' }, { write: (line: string) => lines.push(line) });
    await createMailer(loadConfig({}), logger).send({ to: 'sara@example.com', subject: 'Reset your password', text: 'token=abc' });
    expect(lines).toHaveLength(1);
    expect(JSON.parse(lines[0]!).msg).toMatch(/^DEVELOPMENT FALLBACK, mail not sent: SMTP_URL is unset/);
  });
});
