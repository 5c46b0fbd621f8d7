import { QueryFailedError, QueryRunnerAlreadyReleasedError } from 'typeorm';
import { toApiError } from './all-exceptions.filter';
import { isDatabaseUnavailable } from './database-unavailable';

describe('isDatabaseUnavailable', () => {
  const withCode = (code: string) => Object.assign(new Error('x'), { code });

  it.each(['ECONNREFUSED', 'ECONNRESET', '57P01', '57P03', '53300', '08006'])('counts %s as "try again"', (code) => {
    expect(isDatabaseUnavailable(withCode(code))).toBe(true);
  });

  it('sees through TypeORM’s QueryFailedError and pg’s own connection messages', () => {
    expect(isDatabaseUnavailable(new QueryFailedError('SELECT 1', [], withCode('57P01')))).toBe(true);
    expect(isDatabaseUnavailable(new Error('Connection terminated unexpectedly'))).toBe(true);
    expect(isDatabaseUnavailable(new Error('timeout exceeded when trying to connect'))).toBe(true);
    expect(isDatabaseUnavailable(new QueryRunnerAlreadyReleasedError())).toBe(true);
  });

  it('leaves bad input, conflicts and bugs alone', () => {
    expect(isDatabaseUnavailable(withCode('23505'))).toBe(false);
    expect(isDatabaseUnavailable(withCode('22P02'))).toBe(false);
    expect(isDatabaseUnavailable(new TypeError('x is undefined'))).toBe(false);
    expect(isDatabaseUnavailable(undefined)).toBe(false);
  });

  it('maps to the one error shape with 503 service_unavailable', () => {
    expect(toApiError(withCode('ECONNREFUSED'))).toEqual({ statusCode: 503, code: 'service_unavailable', message: expect.any(String) });
  });
});
