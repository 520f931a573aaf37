/**
 * The service's configuration, read from the environment once at start and validated: a bad
 * value stops the process with a message naming the variable. Every variable is documented in
 * `.env.example`.
 */
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';

const commaList = z
  .string()
  .transform((value) => value.split(',').map((item) => item.trim()).filter(Boolean));

const days = z.coerce.number().positive().max(3650);

/** A browser origin as the Origin header carries it: scheme, host and port, nothing more. */
const ORIGIN = /^https?:\/\/[^/\s?#]+$/;
const origins = commaList.refine((list) => list.every((origin) => origin === '*' || ORIGIN.test(origin)), {
  error: (issue) => {
    const bad = (issue.input as string[]).find((origin) => origin !== '*' && !ORIGIN.test(origin));
    return `"${bad}" is not an origin: write it as a browser sends it, with its scheme and no path (e.g. http://localhost:3000), or * for any`;
  },
});

const postgresUrl = z.url().refine((url) => /^postgres(ql)?:\/\//.test(url), 'a PostgreSQL URL: postgres://user:password@host:5432/database');

const flag = z.enum(['0', '1', 'true', 'false']).transform((value) => value === '1' || value === 'true');

const EnvSchema = z.object({
  NODE_ENV: z.enum(['development', 'test', 'production']).default('development'),
  HOST: z.string().default('0.0.0.0'),
  PORT: z.coerce.number().int().min(0).max(65535).default(8000),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  DATABASE_URL: postgresUrl.optional(),
  DATABASE_POOL_MAX: z.coerce.number().int().min(2).max(200).default(10),
  DATA_DIR: z.string().default('.data'),
  SEED_DEMO: flag.default(false),
  PUBLIC_APP_URL: z.url().default('http://localhost:3000'),
  CORS_ORIGINS: origins.default(['http://localhost:3000', 'http://localhost:5173']),
  TRUST_PROXY: flag.default(false),
  BODY_LIMIT_BYTES: z.coerce.number().int().positive().default(1_048_576),
  JWT_SECRET: z.string().min(32).optional(),
  ACCESS_TOKEN_TTL_SECONDS: z.coerce.number().int().positive().default(15 * 60),
  REFRESH_TOKEN_TTL_SECONDS: z.coerce.number().int().positive().default(7 * 24 * 60 * 60),
  SMTP_URL: z.string().optional(),
  MAIL_FROM: z.string().default('taskmarket <no-reply@taskmarket.example>'),
  SMTP_MAX_CONNECTIONS: z.coerce.number().int().min(1).max(100).default(5),
  STRIPE_SECRET_KEY: z.string().regex(/^(sk|rk)_(test|live)_\S+$/, 'a Stripe secret key (sk_test_…, sk_live_… or a restricted rk_…)').optional(),
  STRIPE_WEBHOOK_SECRET: z.string().regex(/^whsec_\S+$/, 'a webhook signing secret (whsec_…)').optional(),
  STRIPE_API_BASE: z.url().default('https://api.stripe.com'),
  STRIPE_LOCAL_PORT: z.coerce.number().int().min(0).max(65535).default(12111),
  // A percentage with at most two decimals, kept as text: the fee is computed in integers (money.ts).
  PLATFORM_FEE_PERCENT: z.string().regex(/^(100|\d{1,2})(\.\d{1,2})?$/, 'a percentage from 0 to 100 with at most two decimals').refine((value) => Number(value) <= 100, 'at most 100').default('10'),
  AUTO_RELEASE_DAYS: days.default(7),
  GOOGLE_CLIENT_ID: z.string().optional(),
  GOOGLE_JWKS_URL: z.url().default('https://www.googleapis.com/oauth2/v3/certs'),
  RATE_LIMIT_AUTH_PER_MINUTE: z.coerce.number().int().positive().default(10),
  RATE_LIMIT_CHECKS_PER_MINUTE: z.coerce.number().int().positive().default(30),
  RATE_LIMIT_MESSAGES_PER_MINUTE: z.coerce.number().int().positive().default(30),
  STREAM_HEARTBEAT_SECONDS: z.coerce.number().positive().max(300).default(15),
  LOGIN_FAILURES_PER_ACCOUNT: z.coerce.number().int().positive().default(10),
  LOGIN_FAILURES_PER_ADDRESS: z.coerce.number().int().positive().default(50),
  LOGIN_LOCKOUT_SECONDS: z.coerce.number().int().positive().default(15 * 60),
  PASSWORD_HASH_CONCURRENCY: z.coerce.number().int().min(1).max(64).default(2),
  TOKEN_RETENTION_DAYS: days.default(7),
  EVENT_RETENTION_DAYS: days.default(30),
  JOB_RETENTION_DAYS: days.default(1),
  DEAD_LETTER_RETENTION_DAYS: days.default(30),
  KEEP_ALIVE_TIMEOUT_SECONDS: z.coerce.number().positive().max(3600).default(65),
  SHUTDOWN_GRACE_SECONDS: z.coerce.number().min(0).max(600).default(10),
  SHUTDOWN_TIMEOUT_SECONDS: z.coerce.number().positive().max(3600).default(30),
  METRICS_TOKEN: z.string().min(16).optional(),
  OPENAI_API_KEY: z.string().min(1).optional(),
  OPENAI_BASE_URL: z.url().optional(),
  OPENAI_MODEL: z.string().min(1).default('gpt-4o-mini'),
  OPENAI_TIMEOUT_MS: z.coerce.number().int().min(1000).max(600_000).default(30_000),
  OPENAI_MAX_RETRIES: z.coerce.number().int().min(0).max(10).default(2),
  OPENAI_LOCAL_PORT: z.coerce.number().int().min(0).max(65535).default(0),
  CHATBOT_MESSAGES_PER_MINUTE: z.coerce.number().int().positive().default(20),
  CHATBOT_MESSAGES_PER_DAY: z.coerce.number().int().positive().default(200),
  CHATBOT_HISTORY_TOKENS: z.coerce.number().int().min(500).max(200_000).default(3000),
});

/** The names of every variable the service reads (documented in .env.example and README). */
export const ENV_VARIABLES = Object.keys(EnvSchema.shape);

export type Config = Omit<z.infer<typeof EnvSchema>, 'JWT_SECRET'> & {
  JWT_SECRET: string;
  /** True when JWT_SECRET was not set and a random one was made for this process. */
  jwtSecretGenerated: boolean;
};

export class ConfigError extends Error {}

/**
 * Defaults for development; test and production keep the schema's. A person trying the forms
 * signs in and fails often, and no load balancer waits on a restart (`npm run dev`) to drain.
 */
const DEVELOPMENT_DEFAULTS = {
  SHUTDOWN_GRACE_SECONDS: 0,
  RATE_LIMIT_AUTH_PER_MINUTE: 300,
  RATE_LIMIT_CHECKS_PER_MINUTE: 300,
  LOGIN_FAILURES_PER_ACCOUNT: 100,
  LOGIN_FAILURES_PER_ADDRESS: 500,
  LOGIN_LOCKOUT_SECONDS: 60,
} satisfies Partial<z.infer<typeof EnvSchema>>;

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = EnvSchema.safeParse(env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `  ${issue.path.join('.')}: ${issue.message}`);
    throw new ConfigError(`Invalid environment:\n${problems.join('\n')}`);
  }
  const { JWT_SECRET, ...rest } = parsed.data;
  if (rest.NODE_ENV === 'development') {
    for (const [name, value] of Object.entries(DEVELOPMENT_DEFAULTS)) {
      if (env[name] === undefined) rest[name as keyof typeof DEVELOPMENT_DEFAULTS] = value;
    }
  }
  if (rest.NODE_ENV === 'production') {
    const missing = [
      // The embedded PostgreSQL is a development convenience: no backups, one process, a local folder.
      ...(rest.DATABASE_URL ? [] : ['  DATABASE_URL: required in production (the embedded PostgreSQL is for development)']),
      ...(JWT_SECRET ? [] : ['  JWT_SECRET: required in production (at least 32 characters)']),
      // Without SMTP mails go to the log, live links included: a development fallback only.
      ...(rest.SMTP_URL ? [] : ['  SMTP_URL: required in production (mails with sign-in links must not go to the log)']),
      // The emulator holds its money in memory: real escrows need Stripe, and webhooks its secret.
      ...(rest.STRIPE_SECRET_KEY ? [] : ['  STRIPE_SECRET_KEY: required in production (without it payments go to the local Stripe emulator)']),
      ...(rest.STRIPE_WEBHOOK_SECRET ? [] : ['  STRIPE_WEBHOOK_SECRET: required in production (the signing secret of the webhook endpoint)']),
    ];
    if (missing.length) throw new ConfigError(`Invalid environment:\n${missing.join('\n')}`);
  }
  // Outside production a missing secret is made up per process: tokens then die with a restart.
  return { ...rest, JWT_SECRET: JWT_SECRET ?? randomBytes(32).toString('hex'), jwtSecretGenerated: !JWT_SECRET };
}

/**
 * In development, a generated JWT secret is kept in DATA_DIR (`jwt-secret`, readable by its owner
 * only) instead of a new one per process, so that a restart does not sign the frontend out.
 * Elsewhere the config is returned as it is.
 */
export function keepDevelopmentSecret(config: Config): Config & { jwtSecretFile?: string } {
  if (!config.jwtSecretGenerated || config.NODE_ENV !== 'development') return config;
  const file = join(config.DATA_DIR, 'jwt-secret');
  if (!existsSync(file)) {
    mkdirSync(config.DATA_DIR, { recursive: true });
    writeFileSync(file, config.JWT_SECRET, { mode: 0o600 });
  }
  return { ...config, JWT_SECRET: readFileSync(file, 'utf8').trim(), jwtSecretFile: file };
}
