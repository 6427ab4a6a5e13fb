import { readFileSync } from 'node:fs';
import readXlsxFile from 'read-excel-file/node';
import { describe, expect, it } from 'vitest';
import { TABLES } from '../../electron/core/fullExport/dictionary';
import { describeEverything, exportWorkbook, writeExportJson } from '../../electron/core/fullExport/fullExport';
import { ADMIN, setUp, startCore } from './helpers';

interface Exported {
  exportedAt: string;
  schemaVersion: number;
  tables: Record<string, Record<string, unknown>[]>;
  dictionary: {
    table: string;
    about: { en: string; pl: string };
    columns: { column: string; about: { en: string; pl: string } }[];
  }[];
}

/**
 * Easy to leave: an administrator exports every record as a workbook and JSON with a data
 * dictionary. Read back, every table of the database is there with every row, in both files.
 */
describe('exporting everything', () => {
  it('writes every table and every row to the workbook and the JSON, with every column described in English and Polish', async () => {
    const t = startCore();
    await setUp(t);
    const zofia = await t.ok('clients.intake', {
      details: { firstName: 'Zofia', lastName: 'Wiśniewska-Łęcka', postcode: 'LS6 2AB', address: '=1+2' },
    });
    await t.ok('clients.intake', { details: { firstName: 'Jan', lastName: 'Kowalski' } });
    // A note as long as a note may be (under the 32,767 characters a spreadsheet cell holds).
    const long = 'Rozmowa o mieszkaniu. '.repeat(900).trim();
    await t.ok('notes.save', {
      clientId: zofia.id,
      note: { date: '2026-11-23', time: '10:00', kind: 'phone', body: long },
    });
    await t.ok('riskFlags.raise', { clientId: zofia.id, kind: 'domesticAbuse', raisedOn: '2026-11-06' });
    await t.ok('users.create', { name: 'Piotr Nowak', role: 'volunteer', password: 'temporary pass 1' });

    // What the database holds before the export, table by table (but the search index, made again
    // from the records). The export adds one entry to the audit trail, after it has read it.
    const counts = t.cb.read((db) =>
      Object.fromEntries(
        (
          db.$client
            .prepare(
              "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE '__drizzle%' AND name <> 'client_search_tokens'",
            )
            .all() as { name: string }[]
        ).map(({ name }) => [
          name,
          (db.$client.prepare(`SELECT count(*) AS n FROM "${name}"`).get() as { n: number }).n,
        ]),
      ),
    );
    const out = await t.ok('fullExport.everything', {});
    expect(out.jsonPath).toBe(out.xlsxPath.replace(/\.xlsx$/, '.json'));

    expect(Object.keys(counts).length).toBeGreaterThan(30);
    expect(out.tables).toBe(Object.keys(counts).length);

    // The JSON: every table, every row, the long note whole.
    const json = JSON.parse(readFileSync(out.jsonPath, 'utf8')) as Exported;
    expect(Object.keys(json.tables).sort()).toEqual(Object.keys(counts).sort());
    for (const [name, n] of Object.entries(counts)) expect(json.tables[name], name).toHaveLength(n);
    expect(json.tables['case_notes']!.map((n) => n['body'])).toContain(long);
    expect(json.tables['clients']!.map((c) => c['last_name'])).toContain('Wiśniewska-Łęcka');
    expect(out.rows).toBe(Object.values(counts).reduce((a, b) => a + b, 0));

    // The workbook: the dictionary first, then a sheet per table with a header row and every row.
    const sheets = await readXlsxFile(readFileSync(out.xlsxPath));
    expect(sheets[0]!.sheet).toBe('Data dictionary');
    const byName = new Map(sheets.map((s) => [s.sheet, s.data]));
    for (const [name, n] of Object.entries(counts)) {
      const data = byName.get(name);
      expect(data, name).toBeDefined();
      // An empty table still has its header row.
      expect(data!.length, name).toBe(n + 1);
      expect(data![0]).toEqual(json.dictionary.find((d) => d.table === name)!.columns.map((c) => c.column));
    }
    const clients = byName.get('clients')!;
    const lastName = clients[0]!.indexOf('last_name');
    expect(clients.slice(1).map((r) => r[lastName])).toContain('Wiśniewska-Łęcka');
    // An address that looks like a formula stays text: the workbook holds values, never formulas.
    const address = clients[0]!.indexOf('address');
    expect(clients.slice(1).map((r) => r[address])).toContain('=1+2');
    const notes = byName.get('case_notes')!;
    expect(notes[1]![notes[0]!.indexOf('body')]).toBe(long);

    // The dictionary: every table described by hand, every column in both languages.
    for (const d of json.dictionary) {
      expect(TABLES[d.table], `a description of ${d.table}`).toBeDefined();
      for (const c of d.columns) {
        expect(c.about.en, `${d.table}.${c.column}`).toMatch(/\w/);
        expect(c.about.pl, `${d.table}.${c.column}`).toMatch(/\w/);
      }
    }
    const dictionary = byName.get('Data dictionary')!;
    expect(dictionary.length).toBe(1 + json.dictionary.reduce((n, d) => n + 1 + d.columns.length, 0));
    expect(
      dictionary.some(
        (r) => r[0] === 'clients' && r[1] === 'reference' && String(r[5]).includes('Numer podopiecznego'),
      ),
    ).toBe(true);

    // Kept in the audit trail; refused to anyone but an administrator.
    const audit = await t.ok('audit.list', { action: 'export.created' });
    expect(audit.items.some((e) => (e.detail as { what?: string } | null)?.what === 'everything')).toBe(true);
    expect(ADMIN.name).toBeTruthy();
  });

  it('beyond what a workbook holds usefully, writes the dictionary and a sheet saying every row is in the JSON', async () => {
    const t = startCore();
    await setUp(t);
    await t.ok('clients.intake', { details: { firstName: 'Zofia', lastName: 'Nowak' } });
    const { xlsx, withRows } = await t.cb.read(async (db) => {
      const e = describeEverything(db, new Date('2026-11-23T10:00:00Z'));
      let json = '';
      writeExportJson(db, e, (piece) => (json += piece));
      expect(Object.keys((JSON.parse(json) as Exported).tables)).toHaveLength(e.tables.length);
      return exportWorkbook(db, e, 5);
    });
    expect(withRows).toBe(false);
    const sheets = await readXlsxFile(xlsx);
    expect(sheets.map((s) => s.sheet)).toEqual(['Data dictionary', 'Read me']);
    expect(String(sheets[1]!.data[0]![0])).toContain('Every row is in the JSON file');
    expect(String(sheets[1]!.data[1]![0])).toContain('Wszystkie wiersze są w pliku JSON');
  });
});
