import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import Papa from 'papaparse';
import {
	decodeText,
	lineBreak,
	parseCsvText,
	readCsv,
	requireColumns,
	scanCsvText,
	SourceFileError,
	type CsvRow
} from '../../../pipelines/lib/csv';

const fixture = (name: string) =>
	fileURLToPath(new URL(`../../fixtures/traps/${name}`, import.meta.url));

describe('parseCsvText', () => {
	it('strips the BOM, handles CRLF, `;`, quoted headers and trailing empty columns', () => {
		const table = readCsv(fixture('sig-ville-demo.csv'), 'sig-ville/DEMO_TEST.csv');
		expect(table.header[0]).toBe('CODGEO');
		expect(table.header).toHaveLength(12);
		expect(table.rows).toHaveLength(4); // the all-empty line is skipped
		expect(table.rows[1]!.cells).toHaveLength(12);
		expect(table.rows[1]!.cells[0]).toBe('QP001001');
		expect(table.rows[1]!.cells[2]).toBe('6\u202f490');
		expect(table.rows[1]!.line).toBe(3);
		expect(table.overflow).toEqual([]);
	});

	it('reads an unquoted header without BOM nor LIBGEO (DEMO_2020)', () => {
		const table = readCsv(fixture('sig-ville-demo-2020.csv'), 'DEMO_2020.csv');
		expect(table.header.slice(0, 2)).toEqual(['CODGEO', 'POP_MUN']);
		expect(table.rows[0]!.cells[1]).toBe('6056');
	});

	it('detects `,` and keeps quoted French decimals whole', () => {
		const table = readCsv(fixture('rpls.csv'), 'rpls.csv');
		expect(table.header).toEqual(['CodGeo', 'Note', 'nbLsPls', 'txVac', 'txRot', 'medLoy']);
		expect(table.rows[0]!.cells).toEqual(['QP001001', '0', '2493.0', '4,8', '10,3', '5,43']);
	});

	it('keeps codes as text: leading zeros and 2A', () => {
		const table = readCsv(fixture('filosofi-com-2019.csv'), 'com.csv');
		expect(table.rows.map((r) => r.cells[0])).toEqual(['01053', '2A004', '01001', '1001']);
	});

	it('records non-empty cells in the unnamed trailing columns of the header', () => {
		const table = parseCsvText('A;B;;\n1;2;;x\n', 't.csv');
		expect(table.overflow).toEqual([{ line: 2, column: 4, value: 'x' }]);
		expect(table.malformed).toEqual([]);
	});

	it('fails on an unterminated quote, naming the file', () => {
		expect(() => parseCsvText('A,B\n"1,2\n', 'bad.csv')).toThrow(SourceFileError);
	});
});

describe('scanCsvText', () => {
	it('hands each complete row to its consumer, after the header, and keeps the file rules', () => {
		const seen: string[] = [];
		const rows: CsvRow[] = [];
		const scan = scanCsvText('A;B;;\n1;2;;x\n\n3\n4;5\n6', 't.csv', {}, ({ header }) => {
			seen.push(header.join('|'));
			return (row) => rows.push(row);
		});
		expect(seen).toEqual(['A|B']);
		expect(rows).toEqual([
			{ line: 2, cells: ['1', '2'] },
			{ line: 5, cells: ['4', '5'] }
		]);
		expect(scan.overflow).toEqual([{ line: 2, column: 4, value: 'x' }]);
		// Line 4 is short; line 6 is short and the file ends inside it: truncated.
		expect(scan.malformed.map((m) => [m.line, m.found, m.truncated])).toEqual([
			[4, 1, false],
			[6, 1, true]
		]);
		expect(scan.failure).toBeUndefined();
	});

	it("returns the consumer's error, but a broken quote anywhere in the file comes first", () => {
		const missing = new Error('colonne manquante');
		const open = () => {
			throw missing;
		};
		expect(scanCsvText('A,B\n1,2\n', 'ok.csv', {}, open).failure).toEqual({ error: missing });
		expect(() => scanCsvText('A,B\n1,2\n"3,4\n', 'bad.csv', {}, open)).toThrow(
			/bad\.csv : ligne 3 : /
		);
	});
});

describe('decodeText', () => {
	it('removes a UTF-8 BOM', () => {
		expect(decodeText(readFileSync(fixture('sig-ville-demo.csv'))).startsWith('"CODGEO"')).toBe(
			true
		);
	});

	it('reads Latin-1 byte for byte as TextDecoder does, BOM bytes included', () => {
		const every = Buffer.from(Array.from({ length: 256 }, (_, i) => i));
		expect(decodeText(every, 'latin1')).toBe(new TextDecoder('latin1').decode(every));
		// `é` is 0xE9 in Latin-1; the UTF-8 BOM bytes are three Latin-1 letters, not a BOM.
		expect(decodeText(Buffer.from([0x43, 0xe9, 0x3b]), 'latin1')).toBe('Cé;');
		expect(decodeText(Buffer.from([0xef, 0xbb, 0xbf, 0x41]), 'latin1')).toBe('ï»¿A');
	});

	it('reads an ASCII file, and UTF-8 with or without BOM, as TextDecoder does', () => {
		const ascii = Buffer.from('CODGEO;POP\r\nQP001001;12\r\n');
		expect(decodeText(ascii)).toBe('CODGEO;POP\r\nQP001001;12\r\n');
		expect(decodeText(Buffer.from('\ufeffA;é\n'))).toBe('A;é\n');
		expect(decodeText(Buffer.from('Œuvre ’ é'))).toBe('Œuvre ’ é');
		expect(() => decodeText(Buffer.from([0x41, 0xe9, 0x42]))).toThrow();
	});
});

describe('lineBreak', () => {
	const guessed = (text: string) => Papa.parse(text, { delimiter: ';' }).meta.linebreak;

	it('gives the line break papaparse guesses, quoted breaks left out', () => {
		const cases: [string, string][] = [
			['a;b\nc;d\n', '\n'],
			['a;b\r\nc;d\r\n', '\r\n'],
			['a;b\rc;d\r', '\r'],
			['a;b', '\n'],
			['', '\n'],
			['\na;b\r\n', '\n'],
			['\r\na;b\r\nc\r\n', '\r\n'],
			['\ra\r\nb\rc', '\r'],
			['"x\ny";1\r\nb;2\r\n', '\r\n'],
			['"x\r\ny";1\nb;2\n', '\n'],
			['"x\r\ny\r\nz";1\rb;2\rc;3\n', '\r'],
			// Pieces after each \r: half of them starting with \n is enough (a tie), less is not.
			['a\r\nb\r\nc\rd', '\r\n'],
			['a\r\nb\rc\rd', '\r'],
			['a\r\nb\rc\rd\r\n', '\r']
		];
		for (const [text, expected] of cases) {
			expect(lineBreak(text), JSON.stringify(text)).toBe(expected);
			expect(guessed(text), JSON.stringify(text)).toBe(expected);
		}
	});

	it('reads only the first megabyte, as papaparse does', () => {
		const mb = 1024 * 1024;
		// A \r just before the megabyte's end, its \n just after; CR-only lines beyond.
		const cut = 'a'.repeat(mb - 1) + '\r\n' + 'b\r'.repeat(10);
		const lf = 'x;y\n'.repeat(mb / 4) + 'b\r'.repeat(10);
		const open = '"' + 'q'.repeat(mb) + '\r\n"\r\n';
		for (const text of [cut, lf, open, 'a\r\n'.repeat(mb / 2)]) {
			expect(lineBreak(text)).toBe(guessed(text));
		}
		expect(lineBreak(cut)).toBe('\r');
	});
});

describe('requireColumns', () => {
	it('throws a SourceFileError naming the file and the missing column', () => {
		const table = readCsv(fixture('sig-ville-demo-missing-column.csv'), 'sig-ville/DEMO_X.csv');
		expect(() => requireColumns(table, ['CODGEO', 'POP_MUN'])).toThrow(
			/sig-ville\/DEMO_X\.csv.*POP_MUN/
		);
	});

	it('matches column names case-insensitively', () => {
		const table = parseCsvText('codgeo;disp_q2_a16\nQP001001;13690\n', 'f.csv');
		expect(requireColumns(table, ['CODGEO', 'DISP_Q2_A16']).get('DISP_Q2_A16')).toBe(1);
	});
});
