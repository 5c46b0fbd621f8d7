// Row-level exports by role (issue 14, gap 2): staff and counselors get a coarsened file — visit dates
// to the day, no sensitive vulnerability codes, and a pseudonym of this file in place of the person code
// (the same person keeps one pseudonym inside a file, never the same one in two files); supervisors and
// admins keep the fuller de-identified file.
import { SENSITIVE_VULNERABILITIES, type Hub, type Person, type User } from '@mih/contracts';
import { csvRecords, download } from '../../testing/export-files';
import { newProvider, newReferral } from '../../testing/referral-fixtures';
import { createTestApp, TestApp } from '../../testing/test-app';

let t: TestApp;
let hub: Hub;
let staff: { user: User; token: string };
let counselor: { user: User; token: string };
let supervisor: string;
let ana: Person;
let luis: Person;

beforeAll(async () => {
  t = await createTestApp();
  hub = await t.newHub({ countryCode: 'GT', name: 'CIM Tecún Umán' });
  staff = await t.newUser('staff', { hubIds: [hub.id] });
  counselor = await t.newUser('counselor', { hubIds: [hub.id] });
  supervisor = (await t.newUser('supervisor', { countryCodes: ['GT'] })).token;
  ana = await t.newPerson(hub.id, { vulnerabilities: ['possible_trafficking', 'pregnant'] }, staff.token);
  luis = await t.newPerson(hub.id, { sex: 'male', vulnerabilities: ['gbv_survivor', 'lgbtiq_at_risk'] }, staff.token);
  await t.newVisit(hub.id, { occurredAt: '2026-01-05T15:07:00Z', personId: ana.id, vulnerabilities: ['possible_trafficking', 'pregnant'] }, staff.token);
  await t.newVisit(hub.id, { occurredAt: '2026-01-06T16:41:00Z', personId: luis.id, vulnerabilities: ['lgbtiq_at_risk'] }, staff.token);
  await t.newVisit(hub.id, { occurredAt: '2026-01-09T09:12:00Z', personId: ana.id, vulnerabilities: ['gbv_survivor'] }, staff.token);
  const provider = await newProvider(t, { name: 'Refugio Casa Segura', needCategories: ['legal_aid'] });
  await newReferral(t, ana.id, provider.id, { needCategory: 'legal_aid', urgency: 'priority', reason: 'Protección' }, staff.token);
});
afterAll(() => t.close());

const records = async (url: string, token: string) => csvRecords((await download(t, 'GET', url, token)).bytes);
const column = (rows: string[][], key: string) => rows.slice(1).map((row) => row[rows[0].indexOf(key)]);

describe('staff and counselors get a coarsened file', () => {
  it('writes visits by day, with no time of day', async () => {
    const rows = await records(`/api/exports/visits.csv?codes=true&hubId=${hub.id}`, staff.token);
    expect(rows[0]).not.toContain('occurredAt');
    expect(column(rows, 'occurredOn')).toEqual(['2026-01-05', '2026-01-06', '2026-01-09']);
    expect(rows.flat().join('\n')).not.toMatch(/\d{2}:\d{2}/);
  });

  it('leaves out the sensitive vulnerability codes and keeps the others', async () => {
    const files = await Promise.all([
      records(`/api/exports/visits.csv?codes=true&hubId=${hub.id}`, staff.token),
      records(`/api/exports/persons.csv?codes=true&hubId=${hub.id}`, staff.token),
      records(`/api/exports/persons.csv?codes=true&hubId=${hub.id}`, counselor.token),
    ]);
    for (const rows of files) {
      const text = rows.flat().join('\n');
      for (const code of SENSITIVE_VULNERABILITIES) expect(text).not.toContain(code);
    }
    expect(column(files[0], 'vulnerabilities')).toEqual(['pregnant', '', '']);
    // In a label too: the Spanish file names no trafficking, violence or LGBTIQ+ risk.
    const spanish = (await records(`/api/exports/persons.csv?lang=es&hubId=${hub.id}`, staff.token)).flat().join('\n');
    for (const word of ['trata', 'violencia', 'LGBTIQ']) expect(spanish).not.toContain(word);
  });

  it('writes a pseudonym of this file in place of the person code: the same within a file, new in the next file', async () => {
    const first = await records(`/api/exports/visits.csv?codes=true&hubId=${hub.id}`, staff.token);
    const second = await records(`/api/exports/visits.csv?codes=true&hubId=${hub.id}`, staff.token);
    for (const rows of [first, second]) {
      expect(rows[0]).not.toContain('personCode');
      const text = rows.flat().join('\n');
      for (const code of [ana.code, luis.code]) expect(text).not.toContain(code);
    }
    const [a1, l1, a1again] = column(first, 'personPseudonym');
    const [a2, l2] = column(second, 'personPseudonym');
    expect(a1).toMatch(/^[0-9A-Z]{5}-[0-9A-Z]{5}$/);
    expect(a1again).toBe(a1); // Ana's two visits still link inside the file
    expect(l1).not.toBe(a1);
    expect([a2, l2]).not.toContain(a1); // but not across files
    expect([a2, l2]).not.toContain(l1);

    const persons = await records(`/api/exports/persons.csv?codes=true&hubId=${hub.id}`, counselor.token);
    expect(persons[0][0]).toBe('personPseudonym');
    expect(column(persons, 'personPseudonym')).not.toContain(a1);
    const referrals = await records(`/api/exports/referrals.csv?codes=true&hubId=${hub.id}`, staff.token);
    expect(referrals[0]).not.toContain('personCode');
    expect(referrals.flat().join('\n')).not.toContain(ana.code);
  });
});

describe('supervisors and admins', () => {
  it('keep the fuller de-identified file: person codes, times to the minute, every vulnerability code', async () => {
    for (const token of [supervisor, t.adminToken]) {
      const rows = await records(`/api/exports/visits.csv?codes=true&hubId=${hub.id}`, token);
      expect(column(rows, 'occurredAt')).toEqual(['2026-01-05 15:07', '2026-01-06 16:41', '2026-01-09 09:12']);
      expect(column(rows, 'personCode')).toEqual([ana.code, luis.code, ana.code]);
      expect(column(rows, 'vulnerabilities')).toEqual(['possible_trafficking; pregnant', 'lgbtiq_at_risk', 'gbv_survivor']);
    }
  });
});
