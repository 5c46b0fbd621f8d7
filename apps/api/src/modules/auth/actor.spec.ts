// HubScope: which hubs a caller may touch, as an in-memory check and as a SQL restriction.
import { Brackets } from 'typeorm';
import { HubScope } from './actor';

const hubA = { id: 'hub-a', countryCode: 'GT' };
const hubB = { id: 'hub-b', countryCode: 'GT' };
const hubC = { id: 'hub-c', countryCode: 'CR' };

/** Runs apply() on a recording query builder; returns the conditions it added (or null when none). */
function appliedConditions(scope: HubScope) {
  const andWhere = jest.fn();
  const qb = { andWhere } as never;
  andWhere.mockReturnValue(qb); // like TypeORM's, chainable
  expect(scope.apply(qb, 'x.hub_id', 'h.country_code')).toBe(qb);
  if (andWhere.mock.calls.length === 0) return null;
  expect(andWhere).toHaveBeenCalledTimes(1);
  const brackets = andWhere.mock.calls[0][0] as Brackets;
  expect(brackets).toBeInstanceOf(Brackets);
  const calls: [string, string, unknown?][] = [];
  const inner = {
    where: (sql: string, params?: unknown) => (calls.push(['where', sql, params]), inner),
    orWhere: (sql: string, params?: unknown) => (calls.push(['orWhere', sql, params]), inner),
  };
  brackets.whereFactory(inner as never);
  return calls;
}

describe('HubScope.forUser', () => {
  it('gives an admin every hub, whatever hubs or countries are stored', () => {
    const scope = HubScope.forUser('admin', ['hub-a'], ['GT']);
    expect(scope.all).toBe(true);
    expect(scope.hubIds).toEqual([]);
    expect(scope.countryCodes).toEqual([]);
    for (const hub of [hubA, hubB, hubC, { id: 'anything', countryCode: 'ZZ' }]) expect(scope.includes(hub)).toBe(true);
  });

  it('gives a supervisor their hubs and every hub of their countries', () => {
    const scope = HubScope.forUser('supervisor', ['hub-c'], ['GT']);
    expect(scope.all).toBe(false);
    expect(scope.countryCodes).toEqual(['GT']);
    expect([hubA, hubB, hubC].map((h) => scope.includes(h))).toEqual([true, true, true]);
    expect(scope.includes({ id: 'hub-d', countryCode: 'HN' })).toBe(false);
  });

  it('gives a supervisor by country only that country', () => {
    const scope = HubScope.forUser('supervisor', [], ['GT']);
    expect([hubA, hubB, hubC].map((h) => scope.includes(h))).toEqual([true, true, false]);
  });

  it.each(['staff', 'counselor'] as const)('ignores countryCodes for %s: only their own hubs', (role) => {
    const scope = HubScope.forUser(role, ['hub-a'], ['GT', 'CR']);
    expect(scope.all).toBe(false);
    expect(scope.hubIds).toEqual(['hub-a']);
    expect(scope.countryCodes).toEqual([]);
    expect([hubA, hubB, hubC].map((h) => scope.includes(h))).toEqual([true, false, false]);
  });

  it('includes nothing for a non-admin without hubs or countries', () => {
    const scope = HubScope.forUser('staff', [], []);
    expect([hubA, hubB, hubC].map((h) => scope.includes(h))).toEqual([false, false, false]);
  });
});

describe('HubScope.apply', () => {
  it('leaves the query untouched for an admin', () => {
    expect(appliedConditions(HubScope.forUser('admin', [], []))).toBeNull();
  });

  it('restricts to the hub ids and the countries, OR-ed inside one bracket', () => {
    expect(appliedConditions(HubScope.forUser('supervisor', ['hub-a'], ['GT']))).toEqual([
      ['where', 'false', undefined],
      ['orWhere', 'x.hub_id IN (:...scopeHubIds)', { scopeHubIds: ['hub-a'] }],
      ['orWhere', 'h.country_code IN (:...scopeCountryCodes)', { scopeCountryCodes: ['GT'] }],
    ]);
  });

  it('adds no country condition for staff, even with countryCodes stored', () => {
    expect(appliedConditions(HubScope.forUser('staff', ['hub-a'], ['GT']))).toEqual([
      ['where', 'false', undefined],
      ['orWhere', 'x.hub_id IN (:...scopeHubIds)', { scopeHubIds: ['hub-a'] }],
    ]);
  });

  it('matches no rows for an empty scope (never an empty IN list)', () => {
    expect(appliedConditions(HubScope.forUser('counselor', [], []))).toEqual([['where', 'false', undefined]]);
  });
});
