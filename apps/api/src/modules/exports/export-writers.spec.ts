import { buffer } from 'node:stream/consumers';
import { defuseFormula, writeCsv } from './export-writers';

describe('defuseFormula', () => {
  it.each(['=1+1', '+502 5555-0101', '-2', '@SUM(A1)', '\tx', '\rx'])('keeps %j from running as a formula', (value) => {
    expect(defuseFormula(value)).toBe(`'${value}`);
  });

  it.each(['CIM Tecún Umán', '502 5555', '', "'quoted"])('leaves %j alone', (value) => {
    expect(defuseFormula(value)).toBe(value);
  });
});

describe('writeCsv', () => {
  async function* rows() {
    yield ['=cmd', 3, null, '2026-01-05 09:00'];
    yield ['Dos, "tres"', -1, 'x', null];
  }

  it('writes a BOM, a header, CRLF records, quotes where needed and defuses text cells only', async () => {
    const csv = await buffer(
      writeCsv({
        name: 'x',
        columns: [
          { header: 'Texto', type: 'text' },
          { header: 'N', type: 'number' },
          { header: 'Otro', type: 'text' },
          { header: 'Fecha', type: 'datetime' },
        ],
        rows: rows(),
      }),
    );
    expect(csv.toString('utf8')).toBe('\ufeffTexto,N,Otro,Fecha\r\n\'=cmd,3,,2026-01-05 09:00\r\n"Dos, ""tres""",-1,x,\r\n');
  });
});
