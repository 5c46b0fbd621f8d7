import { buffer } from 'node:stream/consumers';
import ExcelJS from 'exceljs';
import { defuseFormula, writeCsv, writeXlsx } from './export-writers';

describe('defuseFormula', () => {
  it.each(['=1+1', '+502 5555-0101', '-2', '@SUM(A1)', '\tx', '\rx', ' =1+1'])('keeps %j from running as a formula', (value) => {
    expect(defuseFormula(value)).toBe(`'${value}`);
  });

  it.each([
    ['Parque;=1+1', "Parque;'=1+1"],
    ['a, -2', "a,' -2"],
    ['a\n@x', "a\n'@x"],
    ['a;\t=1', "a;'\t=1"],
    ['=1;=2', "'=1;'=2"],
  ])('defuses every part of %j that a `;` or `,` spreadsheet would start a cell with', (value, defused) => {
    expect(defuseFormula(value)).toBe(defused);
  });

  it.each(['CIM Tecún Umán', '502 5555', '', "'quoted", 'Ayutla; San Marcos', 'a-b, c+d'])('leaves %j alone', (value) => {
    expect(defuseFormula(value)).toBe(value);
  });
});

describe('writeCsv', () => {
  async function* batches() {
    yield [['=cmd', 3, null, '2026-01-05 09:00']];
    yield [['Dos, "tres"', -1, 'x', null]];
  }

  it('writes a BOM, a header, CRLF records, quotes where needed and defuses text cells', async () => {
    const csv = await buffer(
      writeCsv({
        name: 'x',
        columns: [
          { header: 'Texto', type: 'text' },
          { header: 'N', type: 'number' },
          { header: 'Otro', type: 'text' },
          { header: 'Fecha', type: 'datetime' },
        ],
        batches: batches(),
      }),
    );
    expect(csv.toString('utf8')).toBe('\ufeffTexto,N,Otro,Fecha\r\n"\'=cmd",3,,2026-01-05 09:00\r\n"Dos, ""tres""",-1,x,\r\n');
  });
});

describe('writeXlsx', () => {
  async function* batches(n: number) {
    for (let i = 1; i <= n; i += 2) yield [[`row ${i}`, i, '2026-01-05'], ...(i < n ? [[`row ${i + 1}`, i + 1, '2026-01-05']] : [])];
  }

  it('writes typed cells under a bold header, and goes on in a new sheet when one is full', async () => {
    const columns = [
      { header: 'Texto', type: 'text' as const },
      { header: 'N', type: 'number' as const },
      { header: 'Fecha', type: 'date' as const },
    ];
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await buffer(writeXlsx({ name: 'Atenciones', columns, batches: batches(5) }, 3))) as unknown as ArrayBuffer);
    expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual(['Atenciones', 'Atenciones 2', 'Atenciones 3']);
    const values = workbook.worksheets.map((sheet) => sheet.getSheetValues().slice(1).map((row) => (row as unknown[]).slice(1)));
    const day = new Date('2026-01-05T00:00:00Z');
    expect(values).toEqual([
      [['Texto', 'N', 'Fecha'], ['row 1', 1, day], ['row 2', 2, day]],
      [['Texto', 'N', 'Fecha'], ['row 3', 3, day], ['row 4', 4, day]],
      [['Texto', 'N', 'Fecha'], ['row 5', 5, day]],
    ]);
    expect(workbook.worksheets[0].getRow(1).font?.bold).toBe(true);
  });
});
