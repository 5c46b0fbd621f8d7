// The audit viewer (issue 14, gap 7): admins read the whole trail, supervisors the events of the hubs of
// their scope, staff and counselors nothing (403). Filters on who, what, which record and when, newest
// first, a page at a time; every bad filter is a 400 naming its field. The trail leaves as CSV through
// the export machinery, and that export is itself audited.
import type { AuditEvent, Consent, Hub, Page, Person, User } from '@mih/contracts';
import { csvRecords, download } from '../../testing/export-files';
import { createTestApp, TestApp } from '../../testing/test-app';

type Caller = { user: User; token: string };

describe('audit viewer', () => {
  let t: TestApp;
  let tcu: Hub; // Guatemala
  let sps: Hub; // Honduras
  let xel: Hub; // Guatemala too
  let supervisorTcu: Caller;
  let supervisorGt: Caller;
  let staffTcu: Caller;
  let counselorTcu: Caller;
  let personTcu: Person;
  let personSps: Person;

  const list = (query: string, token: string) => t.request<Page<AuditEvent>>('GET', `/api/audit-events${query}`, { token });
  const fields = (body: unknown) => ((body as { errors?: { field: string }[] }).errors ?? []).map((e) => e.field);
  /** Events written straight into the trail at a given instant (the API stamps now()). */
  const eventAt = (at: string, hubId: string | null, action = 'read', actorId: string | null = null) =>
    t.sql(`INSERT INTO audit_events (occurred_at, actor_id, action, entity_type, entity_id, hub_id) VALUES ($1, $2, $3, 'visit', gen_random_uuid(), $4)`, [
      at,
      actorId,
      action,
      hubId,
    ]);

  beforeAll(async () => {
    t = await createTestApp();
    tcu = await t.newHub({ countryCode: 'GT', code: 'TCU' });
    sps = await t.newHub({ countryCode: 'HN', code: 'SPS' });
    xel = await t.newHub({ countryCode: 'GT', code: 'XEL' });
    supervisorTcu = await t.newUser('supervisor', { hubIds: [tcu.id] });
    supervisorGt = await t.newUser('supervisor', { countryCodes: ['GT'] });
    staffTcu = await t.newUser('staff', { hubIds: [tcu.id] });
    counselorTcu = await t.newUser('counselor', { hubIds: [tcu.id] });
    const consent: Consent = { given: true, purposes: ['follow_up'], date: '2025-03-01' };
    personTcu = await t.newPerson(tcu.id, { consent, givenName: 'Ana', familyName: 'López' });
    personSps = await t.newPerson(sps.id, { consent, givenName: 'Rosa', familyName: 'Mejía' });
    await t.newPerson(xel.id);
    // The admin reveals the person of each hub: the events the viewer must make stand out.
    for (const person of [personTcu, personSps]) {
      const revealed = await t.request('POST', `/api/persons/${person.id}/reveal`, { token: t.adminToken, body: { reasonCode: 'referral' } });
      expect(revealed.status).toBe(200);
    }
  });
  afterAll(() => t?.close());

  it('answers 403 to staff and counselors, for the list and its export', async () => {
    for (const caller of [staffTcu, counselorTcu]) {
      expect((await list('', caller.token)).status).toBe(403);
      expect((await download(t, 'GET', '/api/exports/audit-events.csv', caller.token)).status).toBe(403);
    }
  });

  it('shows an admin every event, with who, the record’s code and the hub, newest first', async () => {
    const page = await list('?limit=100', t.adminToken);
    expect(page.status).toBe(200);
    const hubs = new Set(page.body.items.map((e) => e.hubId));
    expect(hubs).toEqual(new Set([tcu.id, sps.id, xel.id, null]));
    const reveal = page.body.items.find((e) => e.action === 'reveal' && e.entityId === personSps.id);
    expect(reveal).toMatchObject({ actorName: 'Test Admin', entityType: 'person', entityCode: personSps.code, hubCode: 'SPS' });
    const times = page.body.items.map((e) => e.occurredAt);
    expect([...times].sort().reverse()).toEqual(times);
  });

  it('shows a supervisor only the events of the hubs of their scope (by hub or by country)', async () => {
    const byHub = await list('?limit=100', supervisorTcu.token);
    expect(byHub.status).toBe(200);
    expect(byHub.body.items.length).toBeGreaterThan(0);
    expect(new Set(byHub.body.items.map((e) => e.hubId))).toEqual(new Set([tcu.id]));
    const byCountry = await list('?limit=100', supervisorGt.token);
    expect(new Set(byCountry.body.items.map((e) => e.hubId))).toEqual(new Set([tcu.id, xel.id]));
    // Asking for another hub's record, by id or code, finds nothing rather than its events.
    for (const record of [personSps.id, personSps.code]) {
      const other = await list(`?record=${record}`, supervisorTcu.token);
      expect(other.status).toBe(200);
      expect(other.body.items).toEqual([]);
    }
    // Nor does the export carry another hub's events.
    const file = await download(t, 'GET', '/api/exports/audit-events.csv?codes=true', supervisorTcu.token);
    expect(file.status).toBe(200);
    const rows = await csvRecords(file.bytes);
    const hubColumn = rows[0].indexOf('hubCode');
    expect(new Set(rows.slice(1).map((r) => r[hubColumn]))).toEqual(new Set(['TCU']));
  });

  it('filters by action, user, record (id or code) and record type', async () => {
    const [admin] = await t.sql<{ id: string }>(`SELECT id FROM users WHERE email = 'admin@test.example'`);
    const reveals = await list(`?action=reveal&actorId=${admin.id}`, t.adminToken);
    expect(reveals.body.items.map((e) => e.entityId).sort()).toEqual([personTcu.id, personSps.id].sort());
    const byStaff = await list(`?actorId=${staffTcu.user.id}`, t.adminToken);
    expect(byStaff.body.items.map((e) => [e.actorName, e.action])).toEqual([[staffTcu.user.displayName, 'login']]);
    for (const record of [personTcu.id, personTcu.code, personTcu.code.toLowerCase()]) {
      const events = await list(`?record=${record}`, supervisorTcu.token);
      expect(new Set(events.body.items.map((e) => e.action))).toEqual(new Set(['create', 'reveal']));
      expect(events.body.items.every((e) => e.entityId === personTcu.id)).toBe(true);
    }
    const hubEvents = await list(`?record=SPS&entityType=hub`, t.adminToken);
    expect(hubEvents.body.items.map((e) => e.action)).toEqual(['create']);
  });

  it('filters by period (from inclusive, to exclusive) and pages newest first without gaps or repeats', async () => {
    const hub = await t.newHub({ countryCode: 'GT', code: 'PAGE' });
    const supervisor = await t.newUser('supervisor', { hubIds: [hub.id] });
    for (const day of ['01', '02', '03', '04', '05']) await eventAt(`2024-03-${day}T12:00:00Z`, hub.id);
    await eventAt('2024-03-03T12:00:00Z', hub.id, 'update'); // same instant: the id breaks the tie
    const period = '?from=2024-03-02T12:00:00Z&to=2024-03-05T12:00:00Z';
    const seen: AuditEvent[] = [];
    let cursor: string | null = null;
    do {
      const page: Awaited<ReturnType<typeof list>> = await list(`${period}&limit=2${cursor ? `&cursor=${cursor}` : ''}`, supervisor.token);
      expect(page.status).toBe(200);
      expect(page.body.items.length).toBeLessThanOrEqual(2);
      seen.push(...page.body.items);
      cursor = page.body.nextCursor;
    } while (cursor);
    expect(seen.map((e) => [e.occurredAt.slice(0, 10), e.action])).toEqual([
      ['2024-03-04', 'read'],
      ['2024-03-03', 'update'],
      ['2024-03-03', 'read'],
      ['2024-03-02', 'read'],
    ]);
    expect(new Set(seen.map((e) => e.id)).size).toBe(4);
  });

  it('answers 400 naming the field for every bad filter', async () => {
    const cases: [string, string][] = [
      ['?from=yesterday', 'from'],
      ['?to=2024-02-30T00:00:00Z', 'to'],
      ['?from=2024-03-05T00:00:00Z&to=2024-03-01T00:00:00Z', 'to'],
      ['?action=peek', 'action'],
      ['?actorId=admin', 'actorId'],
      ['?record=GT%27%20OR%201=1', 'record'],
      ['?entityType=Person!', 'entityType'],
      ['?limit=0', 'limit'],
      ['?limit=100000', 'limit'],
      ['?cursor=not-a-cursor', 'cursor'],
      ['?hubId=x', 'hubId'],
    ];
    for (const [query, field] of cases) {
      const response = await list(query, t.adminToken);
      expect([query, response.status, fields(response.body)]).toEqual([query, 400, [field]]);
    }
    const file = await download(t, 'GET', '/api/exports/audit-events.csv?action=peek', t.adminToken);
    expect(file.status).toBe(400);
    expect(fields(file.json)).toEqual(['action']);
  });

  it('exports the filtered trail as CSV, newest first, and audits the export', async () => {
    const file = await download(t, 'GET', '/api/exports/audit-events.csv?action=reveal&lang=en&timeZone=America/Guatemala', t.adminToken);
    expect(file.status).toBe(200);
    expect(file.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(file.headers['content-disposition']).toMatch(/^attachment; filename="audit_events-\d{4}-\d{2}-\d{2}\.csv"$/);
    const rows = await csvRecords(file.bytes);
    expect(rows[0]).toEqual(['Date and time', 'Who', 'Action', 'Record type', 'Record code', 'Record id', 'Hub code', 'IP address', 'Details']);
    expect(rows.slice(1).map((r) => [r[1], r[2], r[4], r[6]])).toEqual([
      ['Test Admin', 'Data revealed', personSps.code, 'SPS'],
      ['Test Admin', 'Data revealed', personTcu.code, 'TCU'],
    ]);
    expect(rows[1][0]).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}$/);
    const [audited] = await t.sql<{ entity_type: string; details: Record<string, unknown> }>(
      `SELECT entity_type, details FROM audit_events WHERE action = 'export' ORDER BY id DESC LIMIT 1`,
    );
    expect(audited).toEqual({
      entity_type: 'audit_events',
      details: { format: 'csv', filters: { action: 'reveal' }, rows: 2, completed: true, identifying: false },
    });
    // The export stands out among the events the viewer lists.
    const [admin] = await t.sql<{ id: string }>(`SELECT id FROM users WHERE email = 'admin@test.example'`);
    const exports = await list(`?action=export&entityType=audit_events&actorId=${admin.id}`, t.adminToken);
    expect(exports.body.items.map((e) => e.details['rows'])).toEqual([2]);
  });
});
