// Counselor mode, enforced by the API: a counselor records activities and cases at their hub and sees
// those, and nothing else — no person or visit the hub team created (404), no writes on them (403), no
// other counselor's activities or cases (404), no audit trail (403).
import { randomUUID } from 'node:crypto';
import type { Activity, Hub, Page, Person, SentCase, Visit } from '@mih/contracts';
import { createTestApp, TestApp } from '../testing/test-app';

describe('counselor mode', () => {
  let t: TestApp;
  let hub: Hub;
  let staffToken: string;
  let counselorToken: string;
  let peerToken: string;
  let person: Person;
  let visit: Visit;
  let peerActivity: Activity;
  let peerCase: SentCase;
  let ownActivity: Activity;
  let ownCase: SentCase;

  const as = (token: string, body?: unknown) => ({ token, body });
  const participants = { girls: 1, boys: 1, women: 5, men: 3, other: 0 };
  const activityBody = () => ({ hubId: hub.id, type: 'community_fair', occurredOn: '2025-06-01', place: 'Parque central', participants, topics: ['documents'] });
  const caseBody = () => ({ hubId: hub.id, needCategory: 'shelter', urgency: 'routine', sex: 'female', ageBand: '25-59', nationality: 'GT', profile: 'intending', description: 'Busca albergue' });

  beforeAll(async () => {
    t = await createTestApp();
    hub = await t.newHub({ countryCode: 'GT' });
    ({ token: staffToken } = await t.newUser('staff', { hubIds: [hub.id] }));
    ({ token: counselorToken } = await t.newUser('counselor', { hubIds: [hub.id] }));
    ({ token: peerToken } = await t.newUser('counselor', { hubIds: [hub.id] }));
    person = await t.newPerson(hub.id, { consent: { given: true, purposes: ['follow_up'], date: '2025-01-01' }, givenName: 'Rosa' }, staffToken);
    visit = await t.newVisit(hub.id, { personId: person.id }, staffToken);
    peerActivity = (await t.request<Activity>('POST', '/api/activities', as(peerToken, activityBody()))).body;
    peerCase = (await t.request<SentCase>('POST', '/api/cases', as(peerToken, caseBody()))).body;
    ownActivity = (await t.request<Activity>('POST', '/api/activities', as(counselorToken, activityBody()))).body;
    ownCase = (await t.request<SentCase>('POST', '/api/cases', as(counselorToken, caseBody()))).body;
  });
  afterAll(() => t?.close());

  it('lists no persons or visits of the hub, even when searching or filtering by them', async () => {
    for (const url of ['/api/persons', '/api/persons?q=rosa', `/api/persons?hubId=${hub.id}`, '/api/visits', `/api/visits?personId=${person.id}`, '/api/visits?followUpDue=true']) {
      const response = await t.request<Page<unknown>>('GET', url, as(counselorToken));
      expect({ url, status: response.status, items: response.body.items }).toEqual({ url, status: 200, items: [] });
    }
  });

  it.each([
    ['GET', () => `/api/persons/${person.id}`, undefined],
    ['PATCH', () => `/api/persons/${person.id}`, { version: 1, profile: 'in_transit' }],
    ['POST', () => `/api/persons/${person.id}/reveal`, { reasonCode: 'other', reason: 'Quiero ver el nombre' }],
    ['POST', () => `/api/persons/${person.id}/merge`, { version: 1, duplicateId: randomUUID() }],
    ['GET', () => `/api/visits/${visit.id}`, undefined],
    ['PATCH', () => `/api/visits/${visit.id}`, { version: 1, channel: 'phone' }],
    ['GET', () => `/api/activities/${peerActivity.id}`, undefined],
    ['PATCH', () => `/api/activities/${peerActivity.id}`, { version: 1, place: 'Otro' }],
    ['GET', () => `/api/cases/${peerCase.id}`, undefined],
  ] as const)('answers 404 to %s %s made by someone else', async (method, url, body) => {
    const response = await t.request(method, url(), as(counselorToken, body));
    expect(response.status).toBe(404);
    expect(response.body.code).toBe('not_found');
  });

  it('answers 403 to creating persons and visits, to the inbox and to the audit trail', async () => {
    const forbidden = [
      await t.request('POST', '/api/persons', as(counselorToken, { hubId: hub.id, sex: 'female', nationality: 'GT', profile: 'intending', ageBand: '25-59' })),
      await t.request('POST', '/api/visits', as(counselorToken, { hubId: hub.id, occurredAt: new Date().toISOString(), channel: 'outreach', sex: 'female', ageBand: '25-59', nationality: 'GT', profile: 'intending', topics: ['documents'] })),
      await t.request('GET', '/api/cases?inbox=true', as(counselorToken)),
      await t.request('POST', `/api/cases/${ownCase.id}/take`, as(counselorToken, { version: 1 })),
      await t.request('GET', '/api/audit-events', as(counselorToken)),
    ];
    expect(forbidden.map((r) => r.status)).toEqual([403, 403, 403, 403, 403]);
    expect(await t.sql('SELECT count(*)::int AS n FROM persons')).toEqual([{ n: 1 }]);
  });

  it('shows the counselor their own activity and case, and only those', async () => {
    const activities = (await t.request<Page<Activity>>('GET', '/api/activities', as(counselorToken))).body.items;
    expect(activities.map((a) => a.id)).toEqual([ownActivity.id]);
    const cases = (await t.request<Page<SentCase>>('GET', '/api/cases', as(counselorToken))).body.items;
    expect(cases.map((c) => c.id)).toEqual([ownCase.id]);
    expect((await t.request('GET', `/api/cases/${ownCase.id}`, as(counselorToken))).status).toBe(200);
  });
});
