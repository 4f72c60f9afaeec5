import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { observationsTable } from '../../../../src/lib/schemas/indicators';
import { readCsv } from '../../../../pipelines/lib/csv';
import { parseFrenchNumber } from '../../../../pipelines/lib/french-number';
import { SourceLedger } from '../../../../pipelines/lib/ledger';
import { parseCatalogue } from '../../../../pipelines/lib/observations/catalogue';
import { filosofiReferenceSpec } from '../../../../pipelines/lib/observations/filosofi-references';
import { ObservationRows, rowPart } from '../../../../pipelines/lib/observations/observation-rows';
import { sigVilleSpec } from '../../../../pipelines/lib/observations/sig-ville';
import { loadWide, parseCell, plainNumber } from '../../../../pipelines/lib/observations/wide';

const fixture = (name: string) =>
	fileURLToPath(new URL(`../../../fixtures/traps/${name}`, import.meta.url));
const indicators = parseCatalogue(
	readCsv(fixture('reference/indicators.csv'), 'cat.csv'),
	new SourceLedger('cat')
);

describe('parseCell', () => {
	it('gives what parseFrenchNumber gives, for plain and French numbers alike', () => {
		const cells = [
			'',
			' ',
			'0',
			'13748',
			'13748.0',
			'-2.5',
			'+7',
			'542,7',
			'0123',
			'6\u202f490',
			'5 019 573',
			'1,5.2',
			'12,3,4',
			'.5',
			'5.',
			'abc',
			' 42 ',
			'1e3',
			'9'.repeat(400)
		];
		for (const raw of cells) {
			const fast = parseCell(raw);
			const slow = parseFrenchNumber(raw);
			expect(typeof fast === 'number' ? { kind: 'number', value: fast } : fast, raw).toEqual(slow);
		}
	});

	it('reads plain numbers from their characters exactly as Number does', () => {
		// Decimals whose nearest double is not mantissa × 0.1^k computed step by step.
		const cells = [
			'0.1',
			'0,3',
			'2.675',
			'1.005',
			'-0',
			'-0,0',
			'+0',
			'123456789012345',
			'9.99999999999999',
			'0.000000000000001',
			'17976931348623.1'
		];
		// A fixed pseudo-random sequence of plain numbers with up to 15 digits.
		let seed = 12345;
		const next = () => (seed = (seed * 1103515245 + 12345) % 2147483648);
		for (let n = 0; n < 20000; n++) {
			const whole = String(next() % 10 ** (1 + (next() % 9)));
			const decimals = String(next()).slice(0, next() % 7);
			const sign = ['', '-', '+'][next() % 3]!;
			cells.push(
				decimals ? `${sign}${whole}${next() % 2 ? '.' : ','}${decimals}` : `${sign}${whole}`
			);
		}
		let read = 0;
		for (const raw of cells) {
			const expected = Number(raw.replace(',', '.'));
			const plain = plainNumber(raw);
			// NaN: more than 15 digits (leading zeros included), left to Number.
			if (!Number.isNaN(plain)) read++;
			expect(Number.isNaN(plain) || Object.is(plain, expected), raw).toBe(true);
			expect(Object.is(parseCell(raw), expected), raw).toBe(true);
		}
		expect(read).toBeGreaterThan(cells.length * 0.9);
		// Beyond 15 digits, or not a plain number: NaN, and parseCell takes the longer way.
		for (const raw of [
			'1234567890123456',
			'1.',
			'.5',
			'1,5.2',
			' 4',
			'4 ',
			'1e3',
			'-',
			'+',
			'--1',
			'6\u202f490'
		])
			expect(plainNumber(raw), raw).toBeNaN();
		expect(parseCell('1234567890123456')).toBe(1234567890123456);
	});
});

describe('ObservationRows.add', () => {
	const base = [
		'pop_mun',
		'qpv',
		'QP001001',
		2022,
		2018,
		12,
		'ok',
		'sig-ville/DEMO_2022.csv',
		3
	] as const;

	it('stores a valid observation and reads it back as the schema would', () => {
		const rows = new ObservationRows();
		expect(rows.add(...base, true)).toBeNull();
		expect(rows.slice()).toEqual([
			observationsTable.schema.parse({
				indicator_id: 'pop_mun',
				territory_type: 'qpv',
				territory_code: 'QP001001',
				vintage: 2022,
				reference_year: 2018,
				value: 12,
				status: 'ok',
				source_path: 'sig-ville/DEMO_2022.csv',
				source_line: 3
			})
		]);
	});

	it('rejects an infinite value with the message of the full schema, even when the parts passed', () => {
		const rows = new ObservationRows();
		const expected = observationsTable.schema
			.safeParse({ value: Infinity })
			.error!.issues.find((i) => i.path[0] === 'value')!.message;
		const [id, type, code, vintage, year, , status, path, line] = base;
		expect(rows.add(id, type, code, vintage, year, Infinity, status, path, line, true)).toBe(
			expected
		);
		expect(rows.length).toBe(0);
	});

	it('falls back to the full schema when the parts were not validated', () => {
		const rows = new ObservationRows();
		const [id, type, code, , year, value, status, path, line] = base;
		expect(rows.add(id, type, code, 1999, year, value, status, path, line, false)).toMatch(/2000/);
		expect(rows.length).toBe(0);
	});
});

describe('ObservationRows.addCell', () => {
	it('stores what add stores, nulls and codes included, across a clear', () => {
		const viaAdd = new ObservationRows();
		const viaCell = new ObservationRows();
		const path = 'filosofi-references/FILO2016_DISP_COM.csv';
		const q2 = viaCell.cellColumn('revenu_median', 2016);
		const nb = viaCell.cellColumn('menages_fiscaux', null);
		const cells: [string, number, [number | null, 'ok' | 'secret'][]][] = [
			[
				'01001',
				2,
				[
					[21000.5, 'ok'],
					[null, 'secret']
				]
			],
			[
				'2A004',
				3,
				[
					[19500, 'ok'],
					[345, 'ok']
				]
			]
		];
		for (const [code, line, values] of cells) {
			expect(viaCell.startRow('commune', code, 2016, path, line)).toBe(true);
			values.forEach(([value, status], i) => {
				const column = i === 0 ? q2 : nb;
				expect(viaCell.addCell(column, value, status, true)).toBeNull();
				const { indicatorId, referenceYear } = column;
				const add = [indicatorId, 'commune', code, 2016, referenceYear, value, status] as const;
				expect(viaAdd.add(...add, path, line, true)).toBeNull();
			});
			if (line === 2) {
				expect(viaCell.slice()).toEqual(viaAdd.slice());
				viaCell.clear();
				viaAdd.clear();
			}
		}
		expect(viaCell.slice()).toEqual(viaAdd.slice());
		expect(viaCell.slice()[1]).toEqual({
			indicator_id: 'menages_fiscaux',
			territory_type: 'commune',
			territory_code: '2A004',
			vintage: 2016,
			reference_year: null,
			value: 345,
			status: 'ok',
			source_path: path,
			source_line: 3
		});
		// The same strings keep the same codes in both batches.
		for (const i of [0, 1, 2, 6, 7])
			expect(viaCell.batch.columns[i]!.values).toEqual(viaAdd.batch.columns[i]!.values);
	});

	it('answers as add does for an invalid row, column or value', () => {
		const rows = new ObservationRows();
		const column = rows.cellColumn('pop_mun', 2018);
		expect(rows.startRow('qpv', 'QP001001', 1999, 'sig-ville/DEMO_2022.csv', 3)).toBe(false);
		expect(rows.addCell(column, 12, 'ok', true)).toMatch(/2000/);
		expect(rows.startRow('qpv', 'QP001001', 2022, 'sig-ville/DEMO_2022.csv', 3)).toBe(true);
		expect(rows.addCell(column, Infinity, 'ok', true)).not.toBeNull();
		const badYear = rows.cellColumn('pop_mun', 1990);
		expect(rows.addCell(badYear, 12, 'ok', false)).toMatch(/2000/);
		expect(rows.length).toBe(0);
		// A line beyond 32 bits fails as the batch's integer column says, as add would.
		rows.startRow('qpv', 'QP001001', 2022, 'sig-ville/DEMO_2022.csv', 2 ** 31);
		expect(() => rows.addCell(column, 12, 'ok', true)).toThrow(/entier 32 bits/);
	});
});

describe('ObservationRows.rowPartValid', () => {
	it('answers as rowPart does, a territory or a file met before included', () => {
		const rows = new ObservationRows();
		const cases: [string, string, number, string, number][] = [
			['qpv', 'QP001001', 2022, 'sig-ville/DEMO_2022.csv', 3],
			// The same territory and file again: the line alone is invalid, then valid.
			['qpv', 'QP001001', 2022, 'sig-ville/DEMO_2022.csv', 0],
			['qpv', 'QP001001', 2022, 'sig-ville/DEMO_2022.csv', 4],
			// The same file with another vintage, out of range; the same territory in another file.
			['qpv', 'QP001001', 1999, 'sig-ville/DEMO_2022.csv', 5],
			['qpv', 'QP001001', 2021, 'sig-ville/DEMO_2021.csv', 5],
			// An unknown territory type, an empty code, an empty path, a line that is not whole.
			['quartier', 'QP001001', 2022, 'sig-ville/DEMO_2022.csv', 6],
			['qpv', '', 2022, 'sig-ville/DEMO_2022.csv', 7],
			['qpv', 'QP001002', 2022, '', 8],
			['qpv', 'QP001002', 2022, 'sig-ville/DEMO_2022.csv', 8.5]
		];
		const answers = cases.map((c) => rows.rowPartValid(...c));
		expect(answers).toEqual([true, false, true, false, true, false, false, false, false]);
		for (const [i, [type, code, vintage, path, line]] of cases.entries()) {
			const parsed = rowPart.safeParse({
				territory_type: type,
				territory_code: code,
				vintage,
				source_path: path,
				source_line: line
			});
			expect(answers[i], cases[i]!.join(' ')).toBe(parsed.success);
		}
	});
});

describe('loadWide with one shared ObservationRows', () => {
	it('appends each file after the previous one and rejects every cell of an out-of-range vintage', () => {
		const rows = new ObservationRows();
		const first = loadWide(
			readCsv(fixture('sig-ville-demo.csv'), 'sig-ville/DEMO_2022.csv'),
			new SourceLedger('sig-ville/DEMO_2022.csv'),
			indicators,
			sigVilleSpec('DEMO', 2022),
			rows
		);
		const ledger = new SourceLedger('filosofi-references/FILO2019_DISP_COM.csv');
		const second = loadWide(
			readCsv(fixture('filosofi-com-2019.csv'), 'filosofi-references/FILO2019_DISP_COM.csv'),
			ledger,
			indicators,
			{ ...filosofiReferenceSpec(2019, 'COM'), vintage: 1999 },
			rows
		);
		expect([first.from, first.to, second.from, second.to]).toEqual([
			0,
			first.observations.length,
			first.observations.length,
			first.observations.length
		]);
		expect(rows.length).toBe(first.observations.length);
		const cellRejects = ledger.rejects.filter((r) => r.column !== 'CODGEO');
		expect(cellRejects.length).toBeGreaterThan(0);
		expect(cellRejects[0]!.reason).toMatch(/^observation invalide : .*2000.* \(« .* »\)$/);
		expect(ledger.balanced).toBe(true);
	});
});
