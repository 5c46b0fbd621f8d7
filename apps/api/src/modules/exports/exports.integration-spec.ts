// Exports from known data: headers and every cell checked, CSV parsed back and XLSX read back with
// exceljs; nothing identifying by default; the identifying export by role, with its audited reason;
// scope; the dashboard's small-count suppression.
import type { Activity, Hub, Person, User } from '@mih/contracts';
import { csvRecords, download, xlsxRows } from '../../testing/export-files';
import { newProvider, newReferral } from '../../testing/referral-fixtures';
import { createTestApp, TestApp } from '../../testing/test-app';

let t: TestApp;
let tcu: Hub; // Guatemala
let qtz: Hub; // Guatemala, the dashboard's data
let spd: Hub; // Honduras
let staffTcu: { user: User; token: string };
let staffSpd: string;
let supervisorGt: string;
let counselor: { user: User; token: string };
let maria: Person;

const IDENTIFYING = { givenName: 'María José', familyName: 'Hernández Pérez', dateOfBirth: '1990-05-12', documentNumber: 'A1234567', phone: '+502 5555-0101' };
const NOTE = 'Llamó su hermana Rosa al 4444-9999';
const REASON = 'Lista para la fiscalía, caso 2026-114';

beforeAll(async () => {
  t = await createTestApp();
  [tcu, qtz, spd] = await Promise.all([
    t.newHub({ countryCode: 'GT', name: 'CIM Tecún Umán' }),
    t.newHub({ countryCode: 'GT', name: 'CIM Quetzaltenango' }),
    t.newHub({ countryCode: 'HN', name: 'CIM San Pedro Sula' }),
  ]);
  staffTcu = await t.newUser('staff', { hubIds: [tcu.id] });
  staffSpd = (await t.newUser('staff', { hubIds: [spd.id] })).token;
  supervisorGt = (await t.newUser('supervisor', { countryCodes: ['GT'] })).token;
  counselor = await t.newUser('counselor', { hubIds: [tcu.id] });

  maria = await t.newPerson(
    tcu.id,
    { sex: 'female', nationality: 'GT', profile: 'returnee_deported', birthYear: undefined, vulnerabilities: ['deported_returnee'], consent: { given: true, purposes: ['follow_up', 'contact'], date: '2026-01-05' }, ...IDENTIFYING },
    staffTcu.token,
  );
  await t.newVisit(
    tcu.id,
    { occurredAt: '2026-01-05T15:00:00Z', personId: maria.id, topics: ['documents', 'return_reintegration'], needs: ['employment'], note: NOTE, followUpOn: '2026-01-12' },
    staffTcu.token,
  );
  await t.newVisit(tcu.id, { occurredAt: '2026-02-10T15:30:00Z', channel: 'phone', sex: 'male', ageBand: '18-24', nationality: 'HN', profile: 'in_transit', topics: ['regular_pathways'] }, staffTcu.token);
  await t.newVisit(spd.id, { occurredAt: '2026-02-11T15:00:00Z', nationality: 'HN', topics: ['trafficking'] }, staffSpd);
});
afterAll(() => t.close());

describe('visits', () => {
  const EN_HEADER = [
    'Date and time', 'Hub code', 'Hub', 'Hub country', 'Logged by', 'Channel', 'Person code', 'Sex', 'Age band', 'Nationality',
    'Profile', 'Topics informed about', 'Needs', 'Vulnerabilities', 'Follow-up on', 'Follow-up done',
  ];

  it('writes a CSV of my scope with translated headers and labels, oldest first, dates in my time zone', async () => {
    const file = await download(t, 'GET', `/api/exports/visits.csv?hubId=${tcu.id}&lang=en&timeZone=America/Guatemala`, supervisorGt);
    expect(file.status).toBe(200);
    expect(file.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(file.headers['content-disposition']).toMatch(/^attachment; filename="visits-\d{4}-\d{2}-\d{2}\.csv"$/);
    expect(file.headers['cache-control']).toBe('no-store');
    expect(await csvRecords(file.bytes)).toEqual([
      EN_HEADER,
      [
        '2026-01-05 09:00', tcu.code, 'CIM Tecún Umán', 'Guatemala', staffTcu.user.displayName, 'In person', maria.code, 'Female', '25 to 59 years',
        'Guatemala', 'Deported returnee', 'Documents and procedures (passport, visas); Return and reintegration', 'Employment and livelihoods', '',
        '2026-01-12', 'No',
      ],
      [
        '2026-02-10 09:30', tcu.code, 'CIM Tecún Umán', 'Guatemala', staffTcu.user.displayName, 'Phone', '', 'Male', '18 to 24 years', 'Honduras',
        'In transit', 'Regular migration pathways', '', '', '', '',
      ],
    ]);
  });

  it('leaves the note and every identifying value out of the file', async () => {
    const file = await download(t, 'GET', '/api/exports/visits.csv', t.adminToken);
    const text = file.bytes.toString('utf8');
    for (const value of [NOTE, '4444-9999', ...Object.values(IDENTIFYING), 'María', '5555']) expect(text).not.toContain(value);
    expect(text).toContain(maria.code);
  });

  it('writes the same rows as an Excel sheet, in Spanish by default for a Spanish-speaking user, dates as dates', async () => {
    const file = await download(t, 'GET', `/api/exports/visits.xlsx?hubId=${tcu.id}&timeZone=America/Guatemala`, supervisorGt);
    expect(file.status).toBe(200);
    expect(file.headers['content-type']).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    expect(file.headers['content-disposition']).toMatch(/^attachment; filename="visits-\d{4}-\d{2}-\d{2}\.xlsx"$/);
    const { name, rows } = await xlsxRows(file.bytes);
    expect(name).toBe('Atenciones');
    expect(rows[0]).toEqual([
      'Fecha y hora', 'Código del centro', 'Centro', 'País del centro', 'Registrada por', 'Canal', 'Código de la persona', 'Sexo', 'Grupo de edad',
      'Nacionalidad', 'Perfil', 'Temas informados', 'Necesidades', 'Vulnerabilidades', 'Seguimiento el', 'Seguimiento hecho',
    ]);
    expect(rows).toHaveLength(3);
    expect(rows[1]).toEqual([
      new Date('2026-01-05T09:00:00Z'), tcu.code, 'CIM Tecún Umán', 'Guatemala', staffTcu.user.displayName, 'Presencial', maria.code, 'Mujer',
      '25 a 59 años', 'Guatemala', 'Retornado deportado', 'Documentos y trámites (pasaporte, visas); Retorno y reintegración',
      'Empleo y medios de vida', null, new Date('2026-01-12T00:00:00Z'), 'No',
    ]);
    const cells = rows.flat().map(String).join('\n');
    for (const value of [NOTE, ...Object.values(IDENTIFYING)]) expect(cells).not.toContain(value);
  });

  it('writes codes and column keys with codes=true (a staff file: coarsened, see exports-coarsened)', async () => {
    const file = await download(t, 'GET', `/api/exports/visits.csv?hubId=${tcu.id}&codes=true&channel=phone`, staffTcu.token);
    expect(await csvRecords(file.bytes)).toEqual([
      ['occurredOn', 'hubCode', 'hubName', 'hubCountry', 'staff', 'channel', 'personPseudonym', 'sex', 'ageBand', 'nationality', 'profile', 'topics', 'needs', 'vulnerabilities', 'followUpOn', 'followUpDone'],
      ['2026-02-10', tcu.code, 'CIM Tecún Umán', 'GT', staffTcu.user.displayName, 'phone', '', 'male', '18-24', 'HN', 'in_transit', 'regular_pathways', '', '', '', ''],
    ]);
  });

  it('takes the filters of the list, and answers 400 naming a bad one', async () => {
    const january = await download(t, 'GET', `/api/exports/visits.csv?to=2026-02-01T00:00:00Z&codes=true`, t.adminToken);
    expect((await csvRecords(january.bytes)).map((r) => r[6])).toEqual(['personCode', maria.code]);
    const bad = await download(t, 'GET', '/api/exports/visits.csv?channel=fax', t.adminToken);
    expect(bad.status).toBe(400);
    expect(bad.json.errors.map((e: { field: string }) => e.field)).toEqual(['channel']);
    const unknown = await download(t, 'GET', '/api/exports/visits.csv?limit=10', t.adminToken);
    expect(unknown.status).toBe(400);
    expect(unknown.json.errors[0].field).toBe('limit');
    const format = await download(t, 'GET', '/api/exports/visits.pdf', t.adminToken);
    expect(format.status).toBe(400);
    expect(format.json.errors[0].field).toBe('format');
    const zone = await download(t, 'GET', '/api/exports/visits.csv?timeZone=Mars/Olympus', t.adminToken);
    expect(zone.status).toBe(400);
    expect(zone.json.errors[0].field).toBe('timeZone');
  });

  it('answers 401 without a token and 404 for an unknown dataset', async () => {
    expect((await t.app.inject({ method: 'GET', url: '/api/exports/visits.csv' })).statusCode).toBe(401);
    expect((await download(t, 'GET', '/api/exports/users.csv', t.adminToken)).status).toBe(404);
  });
});

describe('scope', () => {
  const codesOf = async (url: string, token: string) => (await csvRecords((await download(t, 'GET', url, token)).bytes)).slice(1).map((r) => r[1]);

  it("gives staff of another hub none of this hub's rows, even when they ask for it", async () => {
    expect(await codesOf('/api/exports/visits.csv?codes=true', staffSpd)).toEqual([spd.code]);
    expect(await codesOf(`/api/exports/visits.csv?codes=true&hubId=${tcu.id}`, staffSpd)).toEqual([]);
    expect(await codesOf(`/api/exports/persons.csv?codes=true&hubId=${tcu.id}`, staffSpd)).toEqual([]);
  });

  it('gives a supervisor of Guatemala the hubs of Guatemala only', async () => {
    expect(await codesOf('/api/exports/visits.csv?codes=true', supervisorGt)).toEqual([tcu.code, tcu.code]);
  });

  it('gives a counselor only what they recorded', async () => {
    expect(await codesOf('/api/exports/visits.csv?codes=true', counselor.token)).toEqual([]);
  });
});

describe('persons', () => {
  const DE_IDENTIFIED_HEADER = ['Person code', 'Hub code', 'Hub', 'Hub country', 'Sex', 'Age band', 'Nationality', 'Profile', 'Vulnerabilities', 'Consent given', 'Registered on'];
  const today = () => new Date().toISOString().slice(0, 10);

  it('writes codes and age bands, never names, birth dates, documents or phones', async () => {
    const file = await download(t, 'GET', `/api/exports/persons.csv?lang=en&hubId=${tcu.id}`, supervisorGt);
    expect(file.status).toBe(200);
    expect(file.headers['content-disposition']).toMatch(/^attachment; filename="persons-\d{4}-\d{2}-\d{2}\.csv"$/);
    expect(await csvRecords(file.bytes)).toEqual([
      DE_IDENTIFIED_HEADER,
      [maria.code, tcu.code, 'CIM Tecún Umán', 'Guatemala', 'Female', '25 to 59 years', 'Guatemala', 'Deported returnee', 'Deported returnee', 'Yes', today()],
    ]);
    const text = file.bytes.toString('utf8');
    for (const value of [...Object.values(IDENTIFYING), 'María', 'Hernández', '1990']) expect(text).not.toContain(value);
  });

  it('refuses the identifying export to staff and counselors (403), even with a reason', async () => {
    for (const token of [staffTcu.token, counselor.token]) {
      const file = await download(t, 'POST', '/api/exports/persons.csv', token, { reason: REASON });
      expect(file.status).toBe(403);
    }
  });

  it('asks for a reason of at least 10 characters (400 naming reason)', async () => {
    const missing = await download(t, 'POST', '/api/exports/persons.csv', supervisorGt, { hubId: tcu.id });
    expect(missing.status).toBe(400);
    expect(missing.json.errors.map((e: { field: string }) => e.field)).toEqual(['reason']);
    const short = await download(t, 'POST', '/api/exports/persons.csv', supervisorGt, { reason: 'fiscalía' });
    expect(short.status).toBe(400);
    expect(short.json.errors[0].field).toBe('reason');
    const inUrl = await download(t, 'GET', `/api/exports/persons.csv?identifying=true&reason=${encodeURIComponent(REASON)}`, supervisorGt);
    expect(inUrl.status).toBe(400);
  });

  it('gives admins and supervisors the consented identifying fields, and audits the reason', async () => {
    const file = await download(t, 'POST', '/api/exports/persons.xlsx', supervisorGt, { reason: REASON, lang: 'en', hubId: tcu.id });
    expect(file.status).toBe(200);
    const { rows } = await xlsxRows(file.bytes);
    expect(rows[0]).toEqual([...DE_IDENTIFIED_HEADER, 'Given name', 'Family name', 'Date of birth', 'Document number', 'Phone']);
    expect(rows[1].slice(-5)).toEqual(['María José', 'Hernández Pérez', new Date('1990-05-12T00:00:00Z'), 'A1234567', '+502 5555-0101']);

    const [event] = await t.sql(`SELECT entity_type, hub_id, details FROM audit_events WHERE action = 'export' AND details->>'identifying' = 'true' ORDER BY id DESC LIMIT 1`);
    expect(event).toEqual({
      entity_type: 'persons',
      hub_id: tcu.id,
      details: { format: 'xlsx', filters: { hubId: tcu.id }, rows: 1, completed: true, identifying: true, reason: REASON },
    });
    const admin = await download(t, 'POST', '/api/exports/persons.csv', t.adminToken, { reason: REASON });
    expect(admin.status).toBe(200);
    expect(admin.bytes.toString('utf8')).toContain("'+502 5555-0101"); // a leading + would start a formula
  });
});

describe('audit', () => {
  it('records every de-identified export with its dataset, filters and row count', async () => {
    await download(t, 'GET', `/api/exports/visits.csv?hubId=${tcu.id}&channel=phone`, staffTcu.token);
    const [event] = await t.sql(`SELECT actor_id, entity_type, hub_id, details FROM audit_events WHERE action = 'export' ORDER BY id DESC LIMIT 1`);
    expect(event).toEqual({
      actor_id: staffTcu.user.id,
      entity_type: 'visits',
      hub_id: tcu.id,
      details: { format: 'csv', filters: { hubId: tcu.id, channel: 'phone' }, rows: 1, completed: true, identifying: false },
    });
  });
});

describe('referrals', () => {
  it('writes referrals by person code, without the reason, and the contact only in the identifying export', async () => {
    const provider = await newProvider(t, { name: 'Procuraduría de la Niñez', needCategories: ['legal_aid'] });
    await newReferral(t, maria.id, provider.id, { needCategory: 'legal_aid', urgency: 'priority', reason: 'Su hermano Pedro la amenaza' }, staffTcu.token);
    const file = await download(t, 'GET', '/api/exports/referrals.csv?lang=en', supervisorGt);
    const [header, row] = await csvRecords(file.bytes);
    expect(header).toEqual([
      'Created on', 'Hub code', 'Hub', 'Hub country', 'Person code', 'Service provider', 'Need', 'Urgency', 'Status', 'Submitted on', 'Follow-up due',
      'Overdue', 'Assigned to', 'Created by',
    ]);
    expect(row).toEqual([
      expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/), tcu.code, 'CIM Tecún Umán', 'Guatemala', maria.code, 'Procuraduría de la Niñez', 'Legal aid', 'Priority',
      'Draft', '', expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/), 'No', staffTcu.user.displayName, staffTcu.user.displayName,
    ]);
    expect(file.bytes.toString('utf8')).not.toContain('Pedro');

    const identifying = await download(t, 'POST', '/api/exports/referrals.csv', t.adminToken, { reason: REASON, lang: 'en', urgency: 'priority' });
    const [fullHeader, fullRow] = await csvRecords(identifying.bytes);
    expect(fullHeader.slice(-3)).toEqual(['Given name', 'Family name', 'Phone']);
    expect(fullRow.slice(-3)).toEqual(['María José', 'Hernández Pérez', "'+502 5555-0101"]);
    expect((await download(t, 'POST', '/api/exports/referrals.csv', staffTcu.token, { reason: REASON })).status).toBe(403);
  });
});

describe('activities', () => {
  it('writes participants by group and counselors by name, without the notes', async () => {
    const body = {
      hubId: tcu.id,
      type: 'school_talk',
      occurredOn: '2026-03-03',
      place: 'Escuela Oficial Rural Mixta',
      community: 'Caserío El Naranjo',
      participants: { girls: 12, boys: 10, women: 2, men: 1, other: 0 },
      topics: ['irregular_migration_risks'],
      campaign: '=HYPERLINK("http://example.org")',
      notes: 'La maestra Ana pidió otra charla',
    };
    const created = await t.request<Activity>('POST', '/api/activities', { token: counselor.token, body });
    expect(created.status).toBe(201);
    const file = await download(t, 'GET', '/api/exports/activities.csv?lang=fr', counselor.token);
    expect(await csvRecords(file.bytes)).toEqual([
      [
        'Date', 'Code du centre', 'Centre', 'Pays du centre', 'Type d’activité', 'Lieu', 'Communauté', 'Filles', 'Garçons', 'Femmes', 'Hommes',
        'Autre / non déclaré', 'Participants', 'Sujets abordés', 'Conseillères et conseillers', 'Campagne', 'Matériel',
      ],
      [
        '2026-03-03', tcu.code, 'CIM Tecún Umán', 'Guatemala', 'Causerie scolaire', 'Escuela Oficial Rural Mixta', 'Caserío El Naranjo', '12', '10', '2', '1',
        '0', '25', 'Risques de la migration irrégulière', counselor.user.displayName, `'=HYPERLINK("http://example.org")`, '',
      ],
    ]);
    expect(file.bytes.toString('utf8')).not.toContain('maestra');
    expect(await csvRecords((await download(t, 'GET', '/api/exports/activities.csv', staffSpd)).bytes)).toHaveLength(1);
  });
});

describe('dashboard', () => {
  const Q1 = 'from=2026-01-01&to=2026-03-31';

  beforeAll(async () => {
    // Quetzaltenango, Q1: seven women informed about documents in February, one man in March.
    for (let i = 0; i < 7; i++) await t.newVisit(qtz.id, { occurredAt: `2026-02-0${i + 1}T15:00:00Z`, topics: ['documents'] });
    await t.newVisit(qtz.id, { occurredAt: '2026-03-02T15:00:00Z', sex: 'male', topics: ['documents', 'trafficking'] });
  });

  it('writes the figures as section, code, label and count, every count from 1 to 4 as "<5", "x" beside it where a total would give it away, 0 as 0', async () => {
    const file = await download(t, 'GET', `/api/exports/dashboard.csv?${Q1}&hubId=${qtz.id}&lang=en`, supervisorGt);
    expect(file.status).toBe(200);
    expect(file.headers['content-disposition']).toBe('attachment; filename="dashboard-2026-01-01_2026-03-31.csv"');
    const records = await csvRecords(file.bytes);
    expect(records[0]).toEqual(['Section', 'Code', 'Label', 'Count']);
    const rowsOf = (section: string) => records.filter((r) => r[0] === section).map((r) => r.slice(1));
    expect(rowsOf('Consultations: totals')).toEqual([
      ['consultations', 'Consultations', '8'],
      ['peopleReached', 'People reached', '8'],
      ['registeredPeople', 'With a record', '0'],
      ['hubs', 'Hubs with consultations', '<5'],
    ]);
    // 8 people - 7 women would give the one man back: the women are withheld too ("x").
    expect(rowsOf('People by sex')).toEqual([['female', 'Female', 'x'], ['male', 'Male', '<5']]);
    expect(rowsOf('Topics informed about (consultations)')).toEqual([['documents', 'Documents and procedures (passport, visas)', '8'], ['trafficking', 'Human trafficking', '<5']]);
    expect(rowsOf('Consultations by month')).toEqual([['2026-01', '2026-01', '0'], ['2026-02', '2026-02', 'x'], ['2026-03', '2026-03', '<5']]);
    expect(rowsOf('Referrals: how far they got')).toContainEqual(['medianDaysToAcceptance', 'Days to acceptance (median)', '']);
    // No count from 1 to 4 anywhere in the file.
    expect(records.slice(1).filter((r) => ['1', '2', '3', '4'].includes(r[3]))).toEqual([]);
  });

  it('writes an Excel sheet of the same rows, audited as an export', async () => {
    const file = await download(t, 'GET', `/api/exports/dashboard.xlsx?${Q1}&hubId=${qtz.id}`, supervisorGt);
    const { name, rows } = await xlsxRows(file.bytes);
    expect(name).toBe('Cifras');
    expect(rows[0]).toEqual(['Sección', 'Código', 'Etiqueta', 'Cantidad']);
    expect(rows[1]).toEqual(['Atenciones: totales', 'consultations', 'Atenciones', 8]);
    expect(rows).toContainEqual(['Personas por sexo', 'male', 'Hombre', '<5']);
    const [event] = await t.sql(`SELECT entity_type, details FROM audit_events WHERE action = 'export' ORDER BY id DESC LIMIT 1`);
    expect(event.entity_type).toBe('dashboard');
    expect(event.details).toMatchObject({ format: 'xlsx', filters: { from: '2026-01-01', to: '2026-03-31', hubId: qtz.id }, identifying: false });
  });

  it("counts only the caller's scope, and validates the period like the dashboard", async () => {
    const file = await download(t, 'GET', `/api/exports/dashboard.csv?${Q1}&codes=true`, staffSpd);
    const records = await csvRecords(file.bytes);
    expect(records).toContainEqual(['visitTotals', 'consultations', 'consultations', '<5']);
    const bad = await download(t, 'GET', '/api/exports/dashboard.csv?from=2026-03-01&to=2026-01-01', supervisorGt);
    expect(bad.status).toBe(400);
    expect(bad.json.errors[0].field).toBe('to');
  });
});
