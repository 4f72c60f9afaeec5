// File integrity on fixtures and on cut copies of a real file: field counts, a truncated last row,
// header-only files, a row count falling against the previous vintage, encoding errors, and the
// leftovers of killed builds.
import {
	copyFileSync,
	existsSync,
	mkdirSync,
	mkdtempSync,
	readFileSync,
	writeFileSync
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildDatabase, removeLeftovers } from '../../../pipelines/build';
import { parseCsvText, readCsv, SourceFileError } from '../../../pipelines/lib/csv';
import { LedgerRegistry } from '../../../pipelines/lib/ledger';
import {
	checkRowCounts,
	countDataRows,
	MAX_ROW_DROP,
	rowCountIssues,
	vintageOf
} from '../../../pipelines/lib/row-counts';
import { readRawCsv, scanRawCsv, type BuildContext } from '../../../pipelines/lib/step';

const REAL = 'data/raw/sig-ville';

/** A raw directory holding DEMO_2021 whole and DEMO_2022 cut after `bytes` bytes. */
function cutDemo2022(bytes: number | null): string {
	const raw = mkdtempSync(join(tmpdir(), 'integrity-'));
	mkdirSync(join(raw, 'sig-ville'));
	copyFileSync(join(REAL, 'DEMO_2021.csv'), join(raw, 'sig-ville/DEMO_2021.csv'));
	const whole = readFileSync(join(REAL, 'DEMO_2022.csv'));
	writeFileSync(
		join(raw, 'sig-ville/DEMO_2022.csv'),
		bytes === null ? whole : whole.subarray(0, bytes)
	);
	return raw;
}

/** Offset just after `26` in `…;8 137;26 682;…` of QP062011 (line 701, the 700th row). */
function cutInsideQp062011(): number {
	const bytes = readFileSync(join(REAL, 'DEMO_2022.csv'));
	let at = bytes.indexOf('\nQP062011;');
	expect(at).toBeGreaterThan(0);
	// The fifth field (`26 682`, with a no-break space) starts after the fourth `;`.
	for (let i = 0; i < 4; i++) at = bytes.indexOf(';', at + 1);
	expect(bytes.subarray(at + 1, at + 3).toString()).toBe('26');
	return at + 3;
}

function context(rawDir: string, warnings: string[]): BuildContext {
	return {
		rawDir,
		referenceDir: rawDir,
		db: undefined as never,
		ledgers: new LedgerRegistry(),
		read: new Set(),
		report: {},
		log: () => {},
		warn: (m) => warnings.push(m)
	};
}

describe('field count against the header', () => {
	it('rejects a short row and a row with extra values, naming the line and both counts', () => {
		const table = parseCsvText('A;B;C\n1;2;3\n4;5\n6;7;8;9\n10;11;12\n', 't.csv');
		expect(table.rows.map((r) => r.line)).toEqual([2, 5]);
		expect(table.malformed).toEqual([
			{ line: 3, expected: 3, found: 2, truncated: false, start: '4;5' },
			{ line: 4, expected: 3, found: 4, truncated: false, start: '6;7;8' }
		]);
	});

	it('keeps a blank cell of a complete row as a blank cell (the only source of `secret`)', () => {
		const table = parseCsvText('A;B;C\n1;;3\n', 't.csv');
		expect(table.rows).toEqual([{ line: 2, cells: ['1', '', '3'] }]);
		expect(table.malformed).toEqual([]);
	});
});

describe('DEMO_2022.csv cut in the middle of row 700', () => {
	const raw = cutDemo2022(cutInsideQp062011());

	it('rejects the cut row as truncated, with a warning, and loads none of its cells', () => {
		const warnings: string[] = [];
		const ctx = context(raw, warnings);
		const { csv, ledger } = readRawCsv(ctx, 'sig-ville/DEMO_2022.csv', { delimiter: ';' });
		expect(csv.rows).toHaveLength(699);
		expect(csv.rows.some((r) => r.cells[0] === 'QP062011')).toBe(false);
		expect(csv.malformed).toEqual([
			{
				line: 701,
				expected: 191,
				found: 5,
				truncated: true,
				start: 'QP062011;Le Centre;5\u202f055'
			}
		]);
		expect(ledger.rejects).toEqual([
			{
				path: 'sig-ville/DEMO_2022.csv',
				line: 701,
				column: '',
				value: 'QP062011;Le Centre;5\u202f055',
				reason: 'dernière ligne tronquée : 5 champs au lieu de 191 (en-tête)'
			}
		]);
		expect(warnings).toEqual([
			'sig-ville/DEMO_2022.csv : dernière ligne tronquée : 5 champs au lieu de 191 (en-tête) (ligne 701, rejetée)'
		]);
	});

	it('stops the build before writing anything: 700 rows against 1,400 in DEMO_2021', async () => {
		// 700 non-blank lines after the header (the cut one included); 1 − 700/1400 = 50 % > 20 %.
		expect(rowCountIssues(raw).map((i) => [i.path, i.rows, i.previous?.rows])).toEqual([
			['sig-ville/DEMO_2022.csv', 700, 1400]
		]);
		const outPath = join(raw, 'build/base.duckdb');
		mkdirSync(join(raw, 'build'));
		writeFileSync(outPath, 'base précédente');
		const failure = await buildDatabase({
			rawDir: raw,
			referenceDir: raw,
			outPath,
			steps: []
		}).catch((e: unknown) => e);
		expect(failure).toBeInstanceOf(SourceFileError);
		expect((failure as Error).message).toContain(
			'sig-ville/DEMO_2022.csv : 700 lignes contre 1400 dans sig-ville/DEMO_2021.csv (−50 %, plus de 20 %)'
		);
		expect(readFileSync(outPath, 'utf8')).toBe('base précédente');
	});

	it('goes on when data/reference/row-count-exceptions.csv names the file with a reason', () => {
		writeFileSync(
			join(raw, 'row-count-exceptions.csv'),
			'path,reason\nsig-ville/DEMO_2022.csv,essai : fichier coupé volontairement\n'
		);
		expect(checkRowCounts(raw, raw)).toEqual([
			'sig-ville/DEMO_2022.csv : 700 lignes contre 1400 dans sig-ville/DEMO_2021.csv (−50 %, plus de 20 %) — accepté : essai : fichier coupé volontairement'
		]);
	});

	it('refuses an exception without a reason', () => {
		writeFileSync(join(raw, 'row-count-exceptions.csv'), 'path,reason\nsig-ville/DEMO_2022.csv,\n');
		expect(() => checkRowCounts(raw, raw)).toThrow('ligne 2 : raison vide');
	});
});

describe('header-only files and row counts', () => {
	it('stops on a file reduced to its header line', () => {
		const header = readFileSync(join(REAL, 'DEMO_2022.csv'), 'latin1').split('\n')[0]! + '\n';
		const raw = cutDemo2022(Buffer.byteLength(header, 'latin1'));
		expect(countDataRows(readFileSync(join(raw, 'sig-ville/DEMO_2022.csv')))).toBe(0);
		expect(() => checkRowCounts(raw, raw)).toThrow(
			'sig-ville/DEMO_2022.csv : en-tête seul, aucune ligne de données'
		);
	});

	it('accepts the whole real file, and a fall of exactly the documented share', () => {
		expect(rowCountIssues(cutDemo2022(null))).toEqual([]);
		expect(MAX_ROW_DROP).toBe(0.2);
		const raw = mkdtempSync(join(tmpdir(), 'integrity-'));
		writeFileSync(join(raw, 'X_2020.csv'), 'A\n' + '1\n'.repeat(10));
		writeFileSync(join(raw, 'X_2021.csv'), 'A\n' + '1\n'.repeat(8));
		writeFileSync(join(raw, 'X_2022.csv'), 'A\n' + '1\n'.repeat(6));
		// 10 → 8 is −20 % (accepted); 8 → 6 is −25 % (refused).
		expect(rowCountIssues(raw).map((i) => i.path)).toEqual(['X_2022.csv']);
	});

	it('finds a file family from a two- or four-digit year, not from other numbers', () => {
		expect(vintageOf('filosofi-qpv/data_filo16_qp_revdis.csv')).toEqual({
			family: 'filosofi-qpv/data_filo*_qp_revdis.csv',
			year: 2016
		});
		expect(vintageOf('sig-ville/DEMO_2022.csv')?.family).toBe('sig-ville/DEMO_*.csv');
		expect(vintageOf('barometre-ditp/ind-218.csv')).toBeNull();
	});
});

describe('encoding errors', () => {
	it('name the line and the byte offset of the first invalid byte', () => {
		const dir = mkdtempSync(join(tmpdir(), 'integrity-'));
		// "A;B\n" is 4 bytes, "é;1\n" 5 (é is 2 bytes in UTF-8): the Latin-1 é (0xE9) is byte 9.
		writeFileSync(
			join(dir, 'f.csv'),
			Buffer.concat([Buffer.from('A;B\né;1\n', 'utf8'), Buffer.from([0xe9]), Buffer.from(';2\n')])
		);
		expect(() => readCsv(join(dir, 'f.csv'), 'f.csv')).toThrow(
			'f.csv : encodage inattendu (attendu utf-8) : ligne 3, octet 9 (0xe9)'
		);
	});
});

describe('leftovers of killed builds', () => {
	it('removes the temporary files of a dead build, keeps those of a running one', () => {
		const dir = mkdtempSync(join(tmpdir(), 'leftovers-'));
		const out = join(dir, 'base.duckdb');
		// PID 2^22 + 1 is above Linux's pid_max: no such process.
		const dead = `base.duckdb.tmp-${2 ** 22 + 1}`;
		const alive = `base.duckdb.tmp-${process.ppid}`;
		for (const f of [dead, `${dead}.wal`, alive, 'base.duckdb']) writeFileSync(join(dir, f), 'x');
		// DuckDB's spill directory of a killed build, with a spill file in it.
		mkdirSync(join(dir, `${dead}.tmp`));
		mkdirSync(join(dir, `${alive}.tmp`));
		writeFileSync(join(dir, `${dead}.tmp`, 'duckdb_temp_storage-0.tmp'), 'x');
		expect(removeLeftovers(out).sort()).toEqual([dead, `${dead}.tmp`, `${dead}.wal`]);
		expect(existsSync(join(dir, alive))).toBe(true);
		expect(existsSync(join(dir, 'base.duckdb'))).toBe(true);
	});
});

describe('scanRawCsv', () => {
	it("leaves the ledger as readRawCsv does: the file's own rejects first, then the consumer's", () => {
		const raw = mkdtempSync(join(tmpdir(), 'scan-'));
		writeFileSync(join(raw, 'f.csv'), 'CODE;V;\na;1;x\nb\nc;?;\n');
		const warnings: string[] = [];
		const ctx = context(raw, warnings);
		scanRawCsv(ctx, 'f.csv', {}, (_header, ledger) => (row) => {
			if (row.cells[1] === '?') ledger.rejectCell(row.line, 'V', '?', 'valeur illisible');
			else ledger.loaded('t');
		});
		const ledger = ctx.ledgers.for('f.csv');
		expect(ledger.rejects.map((r) => [r.line, r.column, r.reason])).toEqual([
			[2, '#3', 'valeur au-delà de la dernière colonne nommée'],
			[3, '', 'nombre de champs : 1 champs au lieu de 3 (en-tête)'],
			[4, 'V', 'valeur illisible']
		]);
		expect(ctx.read.has('f.csv')).toBe(true);
		expect(warnings).toEqual([]);
	});
});
