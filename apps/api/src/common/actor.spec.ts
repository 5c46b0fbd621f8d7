// HubScope: which hubs a caller may touch, as an in-memory check and as a SQL restriction.
import { Brackets } from 'typeorm';
import { applyRecordScope, HubScope, RECORD_PERMISSIONS } from './actor';

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

describe('HubScope.applyToHubId', () => {
  it('leaves the query untouched for an admin', () => {
    const andWhere = jest.fn();
    HubScope.forUser('admin', [], []).applyToHubId({ andWhere } as never, 'visit.hub_id');
    expect(andWhere).not.toHaveBeenCalled();
  });

  it('resolves a supervisor’s countries through the hubs table, without a join', () => {
    const andWhere = jest.fn();
    HubScope.forUser('supervisor', ['hub-a'], ['GT']).applyToHubId({ andWhere } as never, 'visit.hub_id');
    const calls: [string, unknown?][] = [];
    const inner = { where: (sql: string) => (calls.push([sql]), inner), orWhere: (sql: string, params?: unknown) => (calls.push([sql, params]), inner) };
    (andWhere.mock.calls[0][0] as Brackets).whereFactory(inner as never);
    expect(calls).toEqual([
      ['false'],
      ['visit.hub_id IN (:...scopeHubIds)', { scopeHubIds: ['hub-a'] }],
      ['visit.hub_id IN (SELECT scope_hub.id FROM hubs scope_hub WHERE scope_hub.country_code IN (:...scopeCountryCodes))', { scopeCountryCodes: ['GT'] }],
    ]);
  });
});

describe('applyRecordScope and RECORD_PERMISSIONS', () => {
  const actor = (role: 'admin' | 'supervisor' | 'staff' | 'counselor') => ({ id: 'me', role, scope: HubScope.forUser(role, ['hub-a'], []) });
  const conditions = (role: 'admin' | 'supervisor' | 'staff' | 'counselor', listedIn?: string) => {
    const andWhere = jest.fn();
    const qb = { andWhere } as never;
    andWhere.mockReturnValue(qb);
    applyRecordScope(actor(role), qb, { hubId: 'visit.hub_id', createdBy: 'visit.staff_id', listedIn });
    return andWhere.mock.calls.filter(([condition]) => typeof condition === 'string');
  };

  it('limits counselors to the rows they created, on top of their hubs', () => {
    expect(conditions('counselor')).toEqual([['visit.staff_id = :scopeActorId', { scopeActorId: 'me' }]]);
    for (const role of ['admin', 'supervisor', 'staff'] as const) expect(conditions(role)).toEqual([]);
  });

  it('lets counselors also see the rows that list them (an activity naming its counselors)', () => {
    expect(conditions('counselor', 'activity.counselor_ids')).toEqual([
      ['(visit.staff_id = :scopeActorId OR activity.counselor_ids @> ARRAY[CAST(:scopeActorId AS uuid)])', { scopeActorId: 'me' }],
    ]);
    expect(conditions('staff', 'activity.counselor_ids')).toEqual([]);
  });

  it('lets everyone but counselors write and reveal, and only admins and supervisors merge', () => {
    const roles = ['admin', 'supervisor', 'staff', 'counselor'] as const;
    expect(roles.map((role) => RECORD_PERMISSIONS.write({ role }))).toEqual([true, true, true, false]);
    expect(roles.map((role) => RECORD_PERMISSIONS.reveal({ role }))).toEqual([true, true, true, false]);
    expect(roles.map((role) => RECORD_PERMISSIONS.merge({ role }))).toEqual([true, true, false, false]);
  });
});
