// The one place that turns any thrown error into the ApiError shape. Unknown errors answer a bare 500
// and are logged without the request body; browser navigations outside /api get the Angular app.
import { ArgumentsHost, Catch, ExceptionFilter, HttpException, HttpStatus, Logger } from '@nestjs/common';
import { ThrottlerException } from '@nestjs/throttler';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { QueryFailedError } from 'typeorm';
import { ApiError, ERROR_CODES } from '@mih/contracts';
import { ApiException } from './api-exception';
import { isDatabaseUnavailable, RETRY_AFTER_SECONDS } from './database-unavailable';

const CODE_BY_STATUS: Record<number, string> = {
  400: ERROR_CODES.validationFailed,
  401: ERROR_CODES.unauthorized,
  403: ERROR_CODES.forbidden,
  404: ERROR_CODES.notFound,
  409: ERROR_CODES.conflict,
  413: ERROR_CODES.payloadTooLarge,
  429: ERROR_CODES.tooManyRequests,
  503: ERROR_CODES.serviceUnavailable,
};

/** The web app's index.html with the compressed copies made at build time, answered to browser navigations. */
export interface WebAppIndex {
  html: string;
  br?: Buffer;
  gzip?: Buffer;
}

/** PostgreSQL errors that mean "bad input", not "bug" (invalid text representation, out of range…). */
const PG_BAD_INPUT = new Set(['22P02', '22003', '22007', '22008', '22001', '22021']);

/** Raised by the quarter-lock trigger (migration 1764400000000) with the quarter, e.g. '2026-Q3', as DETAIL. */
const PG_QUARTER_LOCKED = 'MIHQL';

export function toApiError(exception: unknown): ApiError {
  if (isDatabaseUnavailable(exception)) {
    return { statusCode: 503, code: ERROR_CODES.serviceUnavailable, message: 'The service is briefly unavailable; try again shortly' };
  }
  if (exception instanceof ThrottlerException) {
    return { statusCode: 429, code: ERROR_CODES.tooManyRequests, message: 'Too many requests; slow down' };
  }
  if (exception instanceof HttpException) {
    const statusCode = exception.getStatus();
    const response = exception.getResponse();
    if (typeof response === 'object' && response !== null && 'code' in response) return response as ApiError;
    const message = typeof response === 'string' ? response : (response as { message?: unknown }).message;
    return {
      statusCode,
      code: CODE_BY_STATUS[statusCode] ?? `http_${statusCode}`,
      message: typeof message === 'string' ? message : exception.message,
    };
  }
  if (exception instanceof QueryFailedError) {
    const pgCode = (exception as QueryFailedError & { code?: string }).code;
    if (pgCode === '23505') {
      return { statusCode: 409, code: ERROR_CODES.conflict, message: 'A record with these values exists' };
    }
    if (pgCode === PG_QUARTER_LOCKED) return quarterLocked((exception as QueryFailedError & { detail?: unknown }).detail);
    if (pgCode && PG_BAD_INPUT.has(pgCode)) {
      return { statusCode: 400, code: ERROR_CODES.validationFailed, message: 'A value is not valid' };
    }
  }
  // Fastify's own errors (malformed JSON, body too large, unsupported media type) carry a 4xx statusCode
  // and a generic message that never quotes the body.
  const statusCode = (exception as { statusCode?: unknown })?.statusCode;
  if (typeof statusCode === 'number' && statusCode >= 400 && statusCode < 500) {
    return { statusCode, code: CODE_BY_STATUS[statusCode] ?? `http_${statusCode}`, message: (exception as Error).message };
  }
  return { statusCode: 500, code: ERROR_CODES.internal, message: 'Internal server error' };
}

function quarterLocked(detail: unknown): ApiError {
  const quarter = typeof detail === 'string' && /^\d{4}-Q[1-4]$/.test(detail) ? `The quarter ${detail}` : 'A quarter';
  return { statusCode: 409, code: ERROR_CODES.quarterLocked, message: `${quarter} of this hub is locked; an admin can unlock it` };
}

@Catch()
export class AllExceptionsFilter implements ExceptionFilter {
  private readonly logger = new Logger('Errors');

  constructor(private readonly webApp: WebAppIndex | null) {}

  catch(exception: unknown, host: ArgumentsHost): void {
    const request = host.switchToHttp().getRequest<FastifyRequest>();
    const reply = host.switchToHttp().getResponse<FastifyReply>();
    const error = toApiError(exception);

    if (error.statusCode === HttpStatus.NOT_FOUND && this.webApp && isAppNavigation(request)) {
      sendIndex(this.webApp, request, reply);
      return;
    }
    const retryAfter = (exception as { retryAfterSeconds?: unknown })?.retryAfterSeconds;
    if (typeof retryAfter === 'number') void reply.header('retry-after', String(retryAfter));
    if (error.statusCode === HttpStatus.SERVICE_UNAVAILABLE) {
      // Temporary: the client keeps what it was sending and tries again (never a sign-out).
      void reply.header('retry-after', String(RETRY_AFTER_SECONDS));
    } else if (error.statusCode >= 500) {
      const err = exception as Error;
      this.logger.error({ err: { name: err?.name, message: err?.message, stack: err?.stack } }, 'Unhandled error');
    }
    if (exception instanceof ApiException) for (const [name, value] of Object.entries(exception.headers)) void reply.header(name, value);
    void reply.status(error.statusCode).header('cache-control', 'no-store').send(error);
  }
}

function sendIndex(webApp: WebAppIndex, request: FastifyRequest, reply: FastifyReply): void {
  void reply.status(200).header('cache-control', 'no-cache').header('vary', 'accept-encoding').type('text/html; charset=utf-8');
  const encoding = preferredEncoding(request.headers?.['accept-encoding']);
  const compressed = encoding === 'br' ? webApp.br : encoding === 'gzip' ? webApp.gzip : undefined;
  if (encoding && compressed) void reply.header('content-encoding', encoding).send(compressed);
  else void reply.send(webApp.html);
}

/** br before gzip, unless the client refuses it with q=0. */
function preferredEncoding(header: string | string[] | undefined): 'br' | 'gzip' | null {
  const accepted = new Set(
    String(header ?? '')
      .split(',')
      .map((part) => part.trim().toLowerCase().split(';'))
      .filter(([, quality]) => !/^\s*q=0(\.0*)?\s*$/.test(quality ?? ''))
      .map(([name]) => name.trim()),
  );
  return accepted.has('br') ? 'br' : accepted.has('gzip') ? 'gzip' : null;
}

function isAppNavigation(request: FastifyRequest): boolean {
  const path = request.url.split('?')[0];
  return request.method === 'GET' && !path.startsWith('/api') && !/\.[a-z0-9]+$/i.test(path);
}
