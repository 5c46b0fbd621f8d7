// The environment the API runs with, validated once at start: a bad value stops the process with the
// variable's name instead of failing later at the first request that needs it.
import { plainToInstance, Transform, Type } from 'class-transformer';
import { IsBoolean, IsIn, IsInt, IsOptional, IsString, Max, Min, MinLength, ValidateBy, validateSync } from 'class-validator';
import { ROLES, type Role } from '@mih/contracts';
import { parseTrustProxy } from './trust-proxy';

const toBoolean = ({ value }: { value: unknown }) =>
  typeof value === 'string' ? ['true', '1', 'yes'].includes(value.toLowerCase()) : value;

export class AppConfig {
  @IsString()
  DATABASE_URL!: string;

  /**
   * A role that owns the schema and runs the migrations, when the app's role (DATABASE_URL) owns nothing;
   * after migrating it grants the app's role what it needs (no UPDATE/DELETE on the audit trail).
   */
  @IsOptional() @IsString()
  MIGRATION_DATABASE_URL?: string;

  @Type(() => Number) @IsInt() @Min(1) @Max(65535)
  PORT = 3000;

  @IsString()
  HOST = '0.0.0.0';

  /** Signs access tokens; every replica must share it. */
  @IsString() @MinLength(32)
  JWT_SECRET!: string;

  @Type(() => Number) @IsInt() @Min(30) @Max(3600)
  ACCESS_TOKEN_TTL_SECONDS = 600;

  /** A session ends after this many minutes without a refresh. */
  @Type(() => Number) @IsInt() @Min(1) @Max(24 * 60)
  SESSION_IDLE_MINUTES = 60;

  /** A sign-in ends this many hours after the password was typed, however often it was refreshed. */
  @Type(() => Number) @IsInt() @Min(1) @Max(7 * 24)
  SESSION_MAX_HOURS = 12;

  @Transform(toBoolean) @IsBoolean()
  COOKIE_SECURE = true;

  @Transform(toBoolean) @IsBoolean()
  SEED_DEMO = false;

  @IsString() @MinLength(10)
  DEMO_PASSWORD = 'Demo-2026!';

  /** Folder of the built Angular app (index.html); served at `/` when it exists. */
  @IsOptional() @IsString()
  WEB_DIST?: string;

  /** Proxies in front of the API whose X-Forwarded-For is believed: a hop count or addresses/CIDRs (see trust-proxy.ts). */
  @IsOptional() @IsString()
  @ValidateBy({ name: 'trustProxy', validator: { validate: (value) => isTrustProxy(value), defaultMessage: () => trustProxyProblem } })
  TRUST_PROXY?: string;

  /** Requests per minute and IP to /api/auth/*. */
  @Type(() => Number) @IsInt() @Min(1)
  AUTH_RATE_LIMIT_PER_MINUTE = 30;

  @Type(() => Number) @IsInt() @Min(1)
  LOGIN_MAX_FAILURES = 6;

  @Type(() => Number) @IsInt() @Min(1)
  LOGIN_FAILURE_WINDOW_MINUTES = 30;

  @Type(() => Number) @IsInt() @Min(1)
  LOGIN_LOCK_MINUTES = 15;

  /**
   * The whole account's cap, from every source together (LOGIN_MAX_FAILURES counts per account and
   * source): high enough that nobody can lock the admin out from one address, low enough to stop
   * guessing spread over many addresses.
   */
  @Type(() => Number) @IsInt() @Min(1)
  LOGIN_ACCOUNT_MAX_FAILURES = 30;

  @Type(() => Number) @IsInt() @Min(1)
  LOGIN_ACCOUNT_WINDOW_MINUTES = 24 * 60;

  /** Longest wait for a new database connection; then the request answers 503 (the client retries). */
  @Type(() => Number) @IsInt() @Min(1) @Max(60)
  DATABASE_CONNECT_TIMEOUT_SECONDS = 5;

  /** Exports and reports running at once: per user, and in all (429 with Retry-After beyond). */
  @Type(() => Number) @IsInt() @Min(1)
  HEAVY_READS_PER_USER = 2;

  @Type(() => Number) @IsInt() @Min(1)
  HEAVY_READS_MAX = 6;

  /** Connections of the separate pool for exports and reports (the main pool keeps its 20). */
  @Type(() => Number) @IsInt() @Min(1)
  HEAVY_READS_POOL_SIZE = 8;

  /** Longest wait for a connection of that pool before answering 503. */
  @Type(() => Number) @IsInt() @Min(1)
  HEAVY_READS_ACQUIRE_SECONDS = 5;

  /** statement_timeout of that pool (each cursor read of an export is one statement). */
  @Type(() => Number) @IsInt() @Min(1)
  HEAVY_READS_STATEMENT_TIMEOUT_SECONDS = 120;

  /** A download whose client reads nothing for this long is cut, and its connection freed. */
  @Type(() => Number) @IsInt() @Min(1)
  EXPORT_IDLE_READ_SECONDS = 60;

  @IsIn(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'])
  LOG_LEVEL = 'info';

  /**
   * Roles that must sign in with a second factor (TOTP), comma-separated; the others may turn one on from
   * their account page. Empty: nobody is forced.
   */
  @Transform(({ value }) => (typeof value === 'string' ? value.split(',').map((role) => role.trim()).filter(Boolean) : value))
  @IsIn(ROLES, { each: true })
  MFA_REQUIRED_ROLES: Role[] = ['admin', 'supervisor'];

  /**
   * Key that seals the TOTP secrets in the database (32+ characters). Unset: derived from JWT_SECRET, so
   * changing JWT_SECRET then makes every user enrol again.
   */
  @IsOptional() @IsString() @MinLength(32)
  MFA_ENCRYPTION_KEY?: string;

  /** Hours a case identified by a counselor may wait in the hub's inbox before it shows as overdue. */
  @Type(() => Number) @IsInt() @Min(1) @Max(24 * 30)
  CASE_RESPONSE_HOURS = 48;

  /** Persons one user may reveal (identifying data unmasked) per hour; beyond it 429. */
  @Type(() => Number) @IsInt() @Min(1)
  REVEAL_QUOTA_PER_HOUR = 20;

  /** Persons one user may reveal (identifying data unmasked) per day; beyond it 429. */
  @Type(() => Number) @IsInt() @Min(1)
  REVEAL_QUOTA_PER_DAY = 60;

  /** A provider link works until the end of the referral's due date plus this many days (UTC). */
  @Type(() => Number) @IsInt() @Min(0) @Max(365)
  PROVIDER_LINK_MARGIN_DAYS = 14;
}

let trustProxyProblem = 'TRUST_PROXY is not valid';
function isTrustProxy(value: unknown): boolean {
  try {
    parseTrustProxy(value as string | undefined);
    return true;
  } catch (error) {
    trustProxyProblem = (error as Error).message;
    return false;
  }
}

export function validateConfig(env: Record<string, unknown>): AppConfig {
  const config = plainToInstance(AppConfig, env, { exposeDefaultValues: true });
  const errors = validateSync(config, { skipMissingProperties: false, whitelist: false });
  if (errors.length > 0) {
    const names = errors.map((e) => (e.constraints?.['trustProxy'] ? e.constraints['trustProxy'] : `${e.property} (${Object.keys(e.constraints ?? {}).join(', ')})`));
    throw new Error(`Invalid environment: ${names.join('; ')}`);
  }
  return config;
}
