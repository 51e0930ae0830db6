// Configuration is validated data: read once at start-up from the environment, and a bad
// value stops the process with a list of everything that is wrong (never a half-configured app).
import { z } from 'zod';

const booleanFlag = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'])
  .transform((v) => v === 'true' || v === '1' || v === 'yes');

const durationMinutes = z.coerce.number().int().min(1).max(60 * 24 * 30);

// The message never repeats the value: an SMTP address may hold a password.
const smtpUrl = z.string().refine((value) => {
  try {
    const url = new URL(value);
    return (url.protocol === 'smtp:' || url.protocol === 'smtps:') && url.hostname !== '';
  } catch {
    return false;
  }
}, 'must be an smtp:// or smtps:// address with a host, e.g. smtp://user:password@mail.example.org:587');

// 32 bytes in base64 or base64url; the message never repeats the value.
const secretKey = z
  .string()
  .refine((value) => /^[A-Za-z0-9+/_-]{43}=?$/.test(value) && Buffer.from(value, 'base64').length === 32, 'must be 32 random bytes in base64, e.g. from `openssl rand -base64 32`')
  .transform((value) => Buffer.from(value, 'base64'));

export const configSchema = z
  .object({
    NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
    HOST: z.string().min(1).default('127.0.0.1'),
    PORT: z.coerce.number().int().min(0).max(65535).default(3000),
    PUBLIC_URL: z.url().optional(),
    DATABASE_URL: z
      .string()
      .regex(/^postgres(ql)?:\/\//, 'must start with postgres:// or postgresql://')
      .optional(),
    DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(200).default(10),
    DATA_DIR: z.string().min(1).default('./.data'),
    SESSION_SECRET: z.string().min(32, 'must be at least 32 characters').optional(),
    /**
     * Seals the second-factor secrets at rest: 32 random bytes, base64 (e.g. `openssl rand -base64 32`).
     * Kept apart from SESSION_SECRET, so that rotating one does not touch the other.
     */
    SECOND_FACTOR_KEY: secretKey.optional(),
    /**
     * The key before a rotation: still opens secrets sealed with it. They are not re-sealed, so keep it
     * set while any of them is in use (new enrolments are sealed with SECOND_FACTOR_KEY).
     */
    SECOND_FACTOR_PREVIOUS_KEY: secretKey.optional(),
    SESSION_IDLE_MINUTES: durationMinutes.default(30),
    SESSION_ABSOLUTE_MINUTES: durationMinutes.default(60 * 12),
    LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
    SEED_DEMO: booleanFlag.default(true),
    JOBS: booleanFlag.default(true),
    /** Secure cookies work on https and on http://localhost; turn off only behind plain http elsewhere. */
    COOKIE_SECURE: booleanFlag.default(true),
    /** Where mail goes; unset: mail is kept in the development outbox (/admin/outbox) and not sent. */
    SMTP_URL: smtpUrl.optional(),
    MAIL_FROM: z
      .string()
      // A comma, semicolon or quote in the name would make it a list of addresses to a mail program.
      .regex(/^([^<>\r\n,;"]{1,100} <[^\s@<>,;"]+@[^\s@<>,;"]+>|[^\s@<>,;"]+@[^\s@<>,;"]+)$/, 'must be an address, or a name and <address>')
      .default('Schakelpunt <noreply@schakelpunt.example>'),
    /** Mail bodies hold personal data: they are removed this many days after sending. */
    MAIL_RETENTION_DAYS: z.coerce.number().int().min(1).max(3650).default(30),
    /** Behind a reverse proxy: take the client address from X-Forwarded-For (for log-in throttling). */
    TRUST_PROXY: booleanFlag.default(false),
    /** Failed log-ins for one e-mail address within the window before it is locked for a while. */
    LOGIN_MAX_FAILURES: z.coerce.number().int().min(1).max(1000).default(5),
    /** Failed log-ins from one network address within the window before it is locked (many people may share one address). */
    LOGIN_MAX_FAILURES_PER_ADDRESS: z.coerce.number().int().min(1).max(100_000).default(50),
    LOGIN_FAILURE_WINDOW_MINUTES: durationMinutes.default(15),
    LOGIN_LOCKOUT_MINUTES: durationMinutes.default(15),
    /** Requests one API token may make per minute; more are answered 429 with Retry-After. */
    API_TOKEN_REQUESTS_PER_MINUTE: z.coerce.number().int().min(1).max(100_000).default(600),
    /**
     * Web origins whose pages may call the API from a browser (CORS), comma-separated, e.g.
     * `https://www.lindewaard.example`. Empty: CORS is off, and browsers refuse cross-origin calls.
     */
    API_CORS_ORIGINS: z
      .string()
      .default('')
      .transform((value) => value.split(',').map((o) => o.trim()).filter((o) => o !== ''))
      .pipe(z.array(z.url().regex(/^https?:\/\/[^/]+$/, 'must be an origin: scheme and host, no path'))),
  });

export type Config = z.infer<typeof configSchema>;

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

/** Parses the environment; throws ConfigError listing every problem. Empty strings count as unset. */
export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  const cleaned = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''));
  const result = configSchema.safeParse(cleaned);
  const problems = result.success ? [] : result.error.issues.map((i) => `${i.path.join('.') || '(config)'}: ${i.message}`);
  // Rules across variables are checked on the raw values too, so one run reports everything.
  if ((cleaned.NODE_ENV ?? 'development') === 'production' && !cleaned.SESSION_SECRET) {
    problems.push('SESSION_SECRET: is required in production');
  }
  if ((cleaned.NODE_ENV ?? 'development') === 'production' && !cleaned.SECOND_FACTOR_KEY) {
    problems.push('SECOND_FACTOR_KEY: is required in production (it seals the second-factor secrets)');
  }
  if ((cleaned.NODE_ENV ?? 'development') === 'production' && !cleaned.PUBLIC_URL) {
    problems.push('PUBLIC_URL: is required in production (links in e-mail must not depend on the Host header)');
  }
  const idle = Number(cleaned.SESSION_IDLE_MINUTES ?? 30);
  const absolute = Number(cleaned.SESSION_ABSOLUTE_MINUTES ?? 720);
  if (Number.isFinite(idle) && Number.isFinite(absolute) && idle > absolute) {
    problems.push('SESSION_IDLE_MINUTES: must not be longer than SESSION_ABSOLUTE_MINUTES');
  }
  if (problems.length > 0 || !result.success) throw new ConfigError(problems);
  return result.data;
}
