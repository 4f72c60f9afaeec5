import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { sourceMeta } from '../../../../../pipelines/lib/sources';
import { ExportValueError, exportTable, type ExportColumn } from '$lib/server/export/columns';
import { csvStream, formatCsvCell, plainDecimal } from '$lib/server/export/csv';

interface Row {
	code: string;
	label: string | null;
	population: number | null;
	rate: number | null;
	source_path: string;
}

const columns: ExportColumn<Row>[] = [
	{ key: 'code', header: 'Code', type: 'text' },
	{ key: 'label', header: 'Libellé', type: 'text' },
	{ key: 'population', header: 'Population', type: 'integer' },
	{ key: 'rate', header: 'Taux (%)', type: 'number' }
];

// Synthetic rows: they test the writer, not the data.
const rows: Row[] = [
	{ code: '01001', label: 'Quartier ; "Nord"', population: 6490, rate: 55.3, source_path: 'a.csv' },
	{ code: '2A004', label: '=HYPERLINK("x")', population: null, rate: -3.25, source_path: 'a.csv' },
	{ code: 'QP0', label: 'deux\nlignes', population: 0, rate: null, source_path: 'b.csv' },
	{ code: '+33', label: '-moins', population: 12, rate: 1e-7, source_path: 'b.csv' },
	{ code: '@x', label: null, population: -4, rate: 1234567.5, source_path: 'b.csv' }
];

async function readAll(stream: ReadableStream<Uint8Array>): Promise<Uint8Array> {
	return new Uint8Array(await new Response(stream).arrayBuffer());
}

function decode(bytes: Uint8Array): string {
	// ignoreBOM keeps the BOM in the text so the test can see it.
	return new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes);
}

function parse(text: string): string[][] {
	const result = Papa.parse<string[]>(text.replace(/^\uFEFF/, ''), { delimiter: ';' });
	expect(result.errors).toEqual([]);
	return result.data;
}

describe('plainDecimal', () => {
	it('expands exponents that spreadsheets would read as text', () => {
		expect(plainDecimal(1e-7)).toBe('0.0000001');
		expect(plainDecimal(-2.5e-8)).toBe('-0.000000025');
		expect(plainDecimal(1.5e21)).toBe('1500000000000000000000');
		expect(plainDecimal(55.3)).toBe('55.3');
	});
});

describe('formatCsvCell', () => {
	it('writes numbers with a decimal comma and no thousands separator', () => {
		expect(formatCsvCell(6490, 'integer')).toBe('6490');
		expect(formatCsvCell(1234567.5, 'number')).toBe('1234567,5');
		expect(formatCsvCell(-3.25, 'number')).toBe('-3,25');
	});

	it('guards text starting like a formula but not negative numbers', () => {
		expect(formatCsvCell('=1+1', 'text')).toBe("'=1+1");
		expect(formatCsvCell('+33', 'text')).toBe("'+33");
		expect(formatCsvCell('-moins', 'text')).toBe("'-moins");
		expect(formatCsvCell('@x', 'text')).toBe("'@x");
		expect(formatCsvCell(-4, 'integer')).toBe('-4');
	});

	it('quotes separators, quotes and line breaks', () => {
		expect(formatCsvCell('a;b', 'text')).toBe('"a;b"');
		expect(formatCsvCell('dit "oui"', 'text')).toBe('"dit ""oui"""');
		expect(formatCsvCell('a\r\nb', 'text')).toBe('"a\r\nb"');
		expect(formatCsvCell(null, 'number')).toBe('');
	});
});

describe('csvStream', () => {
	it('writes a BOM, CRLF records and no trailing blank line', async () => {
		const bytes = await readAll(csvStream(exportTable({ columns, rows })));
		expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
		const text = decode(bytes);
		expect(text.startsWith('\uFEFFCode;Libellé;Population;Taux (%)\r\n01001;')).toBe(true);
		expect(text.endsWith('\r\n')).toBe(false);
		expect(text.endsWith(';1234567,5')).toBe(true);
	});

	it('parses back to the input rows', async () => {
		const text = decode(await readAll(csvStream(exportTable({ columns, rows }))));
		const [header, ...data] = parse(text);
		expect(header).toEqual(['Code', 'Libellé', 'Population', 'Taux (%)']);
		expect(data).toHaveLength(rows.length);
		const unguard = (s: string) => (/^'[=+\-@]/.test(s) ? s.slice(1) : s);
		const number = (s: string | undefined) =>
			s === '' || s === undefined ? null : Number(s.replace(',', '.'));
		data.forEach((cells, i) => {
			const row = rows[i]!;
			expect(unguard(cells[0]!)).toBe(row.code);
			expect(cells[1] === '' ? null : unguard(cells[1]!)).toBe(row.label);
			expect(number(cells[2])).toBe(row.population);
			expect(number(cells[3])).toBe(row.rate);
		});
		expect(data[1]![1]).toBe('\'=HYPERLINK("x")');
		expect(data[1]![3]).toBe('-3,25');
		expect(data[2]![1]).toBe('deux\nlignes');
	});

	it('adds a Source column citing producer, vintage, licence and file', async () => {
		const path = 'filosofi-qpv/data_filo19_qp_revdis.csv';
		const source = { path, ...sourceMeta(path) };
		const table = exportTable({ columns, rows: rows.slice(0, 1), source: () => source });
		const [header, data] = parse(decode(await readAll(csvStream(table))));
		expect(header!.at(-1)).toBe('Source');
		expect(data!.at(-1)).toBe(
			`${source.producer}, millésime ${source.vintage}, ${source.licence} (${path})`
		);
	});

	it('fails the stream with the column and value when a cell has the wrong type', async () => {
		const bad = [{ ...rows[0]!, population: '6 490' as unknown as number }];
		const read = readAll(csvStream(exportTable({ columns, rows: bad })));
		await expect(read).rejects.toBeInstanceOf(ExportValueError);
		await expect(readAll(csvStream(exportTable({ columns, rows: bad })))).rejects.toThrow(
			/"6 490" invalide pour la colonne « Population »/
		);
	});

	it('pulls rows lazily and closes the source when the reader cancels', async () => {
		let pulled = 0;
		let closed = false;
		async function* source(): AsyncGenerator<Row> {
			try {
				for (let i = 0; ; i++) {
					if (i === 5) throw new Error('lu au-delà de ce qui a été demandé');
					pulled++;
					yield { ...rows[0]!, population: i };
				}
			} finally {
				closed = true;
			}
		}
		const stream = csvStream(exportTable({ columns, rows: source() }), { chunkChars: 1 });
		const reader = stream.getReader();
		await reader.read(); // header
		const first = await reader.read();
		await reader.read();
		expect(decode(first.value!)).toContain(';0;55,3');
		// Give an eager writer time to run ahead before counting.
		await new Promise((resolve) => setTimeout(resolve, 20));
		// Two rows read, at most one more pulled ahead by the stream's queue.
		expect(pulled).toBeLessThanOrEqual(3);
		await reader.cancel();
		expect(closed).toBe(true);
		expect(pulled).toBeLessThan(5);
	});

	it('delivers the first rows before the source has ended', async () => {
		let release!: () => void;
		const gate = new Promise<void>((resolve) => (release = resolve));
		let ended = false;
		async function* source(): AsyncGenerator<Row> {
			yield rows[0]!;
			await gate;
			yield rows[2]!;
			ended = true;
		}
		const reader = csvStream(exportTable({ columns, rows: source() }), {
			chunkChars: 1
		}).getReader();
		await reader.read();
		const first = await reader.read();
		expect(decode(first.value!)).toContain('01001');
		expect(ended).toBe(false);
		release();
		const rest: string[] = [];
		for (let r = await reader.read(); !r.done; r = await reader.read()) rest.push(decode(r.value));
		expect(ended).toBe(true);
		expect(rest.join('')).toContain('QP0');
	});
});
