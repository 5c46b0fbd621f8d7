// Every thrown thing becomes the one ApiError shape; nothing unexpected leaks into a 500.
import type { ArgumentsHost } from '@nestjs/common';
import { BadRequestException, HttpException, NotFoundException as NestNotFoundException } from '@nestjs/common';
import { ThrottlerException } from '@nestjs/throttler';
import { errorCodes } from 'fastify';
import { QueryFailedError } from 'typeorm';
import { AccountLockedException, ConflictException, StaleVersionException, ValidationFailedException } from './api-exception';
import { AllExceptionsFilter, toApiError } from './all-exceptions.filter';

const pgError = (code: string, message: string) =>
  new QueryFailedError('INSERT INTO users (email) VALUES ($1)', ['secret@example.org'], Object.assign(new Error(message), { code }));

describe('toApiError', () => {
  it('passes our typed exceptions through with their code and field errors', () => {
    expect(toApiError(ValidationFailedException.forField('name', 'isString', 'name must be a string'))).toEqual({
      statusCode: 400,
      code: 'validation_failed',
      message: 'Validation failed',
      errors: [{ field: 'name', constraints: ['isString'], message: 'name must be a string' }],
    });
    expect(toApiError(new StaleVersionException('Hub'))).toMatchObject({ statusCode: 409, code: 'stale_version' });
    expect(toApiError(new ConflictException('taken', 'code'))).toMatchObject({ statusCode: 409, code: 'conflict', errors: [{ field: 'code' }] });
    expect(toApiError(new AccountLockedException())).toMatchObject({ statusCode: 429, code: 'account_locked' });
  });

  it("maps Nest's own HttpExceptions to a code by status, keeping the message", () => {
    expect(toApiError(new NestNotFoundException('Cannot GET /api/nothing'))).toEqual({ statusCode: 404, code: 'not_found', message: 'Cannot GET /api/nothing' });
    expect(toApiError(new BadRequestException('Bad thing'))).toEqual({ statusCode: 400, code: 'validation_failed', message: 'Bad thing' });
    expect(toApiError(new HttpException('I am a teapot', 418))).toEqual({ statusCode: 418, code: 'http_418', message: 'I am a teapot' });
  });

  it('answers a ThrottlerException with 429 too_many_requests', () => {
    expect(toApiError(new ThrottlerException())).toEqual({ statusCode: 429, code: 'too_many_requests', message: expect.any(String) });
  });

  it('answers a unique violation (23505) with 409 conflict, without the constraint or the values', () => {
    const error = toApiError(pgError('23505', 'duplicate key value violates unique constraint "users_email_key"'));
    expect(error).toEqual({ statusCode: 409, code: 'conflict', message: expect.any(String) });
    expect(JSON.stringify(error)).not.toMatch(/users_email_key|secret@example\.org|INSERT/);
  });

  it.each([
    ['22P02', 'invalid input syntax for type uuid: "abc"'],
    ['22003', 'value out of range'],
    ['22001', 'value too long for type character varying(120)'],
  ])('answers bad input from PostgreSQL (%s) with 400 validation_failed', (code, message) => {
    const error = toApiError(pgError(code, message));
    expect(error).toEqual({ statusCode: 400, code: 'validation_failed', message: expect.any(String) });
    expect(error.message).not.toContain(message);
  });

  it('answers the quarter-lock trigger (MIHQL) with 409 quarter_locked naming the quarter and nothing else', () => {
    const locked = new QueryFailedError('UPDATE visits SET note = $1', ['María'], Object.assign(new Error('quarter 2026-Q3 of this hub is locked'), { code: 'MIHQL', detail: '2026-Q3' }));
    expect(toApiError(locked)).toEqual({
      statusCode: 409,
      code: 'quarter_locked',
      message: 'The quarter 2026-Q3 of this hub is locked; an admin can unlock it',
    });
    const odd = new QueryFailedError('UPDATE visits SET note = $1', ['María'], Object.assign(new Error('locked'), { code: 'MIHQL', detail: 'María' }));
    expect(toApiError(odd)).toEqual({ statusCode: 409, code: 'quarter_locked', message: 'A quarter of this hub is locked; an admin can unlock it' });
  });

  it('answers any other database error with a bare 500', () => {
    expect(toApiError(pgError('42P01', 'relation "users" does not exist'))).toEqual({ statusCode: 500, code: 'internal_error', message: 'Internal server error' });
  });

  it("answers Fastify's body-too-large error with 413 payload_too_large", () => {
    expect(toApiError(new errorCodes.FST_ERR_CTP_BODY_TOO_LARGE())).toEqual({ statusCode: 413, code: 'payload_too_large', message: expect.any(String) });
  });

  it("answers Fastify's malformed and empty JSON errors with 400 validation_failed", () => {
    for (const error of [new errorCodes.FST_ERR_CTP_INVALID_JSON_BODY(), new errorCodes.FST_ERR_CTP_EMPTY_JSON_BODY()]) {
      expect(toApiError(error)).toEqual({ statusCode: 400, code: 'validation_failed', message: error.message });
    }
  });

  it("answers Fastify's unsupported media type with 415", () => {
    expect(toApiError(new errorCodes.FST_ERR_CTP_INVALID_MEDIA_TYPE('text/xml'))).toMatchObject({ statusCode: 415, code: 'http_415' });
  });

  it.each([
    ['an Error', new Error('connect ECONNREFUSED 10.0.0.5:5432 password=hunter2 at /srv/app/main.js:12')],
    ['a TypeError', new TypeError("Cannot read properties of undefined (reading 'id')")],
    ['an error claiming a 5xx status', Object.assign(new Error('upstream said no: token abc123'), { statusCode: 502 })],
    ['a thrown string', 'raw string with secret hunter2'],
    ['null', null],
    ['undefined', undefined],
  ])('answers %s with a 500 that leaks nothing', (_, thrown) => {
    const error = toApiError(thrown);
    expect(error).toEqual({ statusCode: 500, code: 'internal_error', message: 'Internal server error' });
  });
});

describe('AllExceptionsFilter', () => {
  function host(method: string, url: string) {
    const reply = { statusCode: 0, headers: {} as Record<string, string>, sent: undefined as unknown };
    const api = {
      status: (code: number) => ((reply.statusCode = code), api),
      header: (name: string, value: string) => ((reply.headers[name] = value), api),
      type: (value: string) => ((reply.headers['content-type'] = value), api),
      send: (body: unknown) => ((reply.sent = body), api),
    };
    const argumentsHost = { switchToHttp: () => ({ getRequest: () => ({ method, url }), getResponse: () => api }) } as unknown as ArgumentsHost;
    return { argumentsHost, reply };
  }

  it('sends the ApiError with its status and Cache-Control: no-store', () => {
    const { argumentsHost, reply } = host('GET', '/api/hubs/x');
    new AllExceptionsFilter(null).catch(new StaleVersionException('Hub'), argumentsHost);
    expect(reply.statusCode).toBe(409);
    expect(reply.headers['cache-control']).toBe('no-store');
    expect(reply.sent).toMatchObject({ statusCode: 409, code: 'stale_version' });
  });

  it('answers a 404 browser navigation outside /api with the web app, but never an /api 404 or a file', () => {
    const filter = new AllExceptionsFilter({ html: '<html>app</html>' });
    const page = host('GET', '/hubs/123?tab=users');
    filter.catch(new NestNotFoundException(), page.argumentsHost);
    expect(page.reply.statusCode).toBe(200);
    expect(page.reply.sent).toBe('<html>app</html>');

    for (const [method, url] of [['GET', '/api/nothing'], ['GET', '/missing.js'], ['POST', '/hubs']]) {
      const other = host(method, url);
      filter.catch(new NestNotFoundException(), other.argumentsHost);
      expect({ method, url, status: other.reply.statusCode }).toEqual({ method, url, status: 404 });
    }
  });
});
