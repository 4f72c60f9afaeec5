import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { sourceMeta } from '../../../../../pipelines/lib/sources';
import { exportTable, type ExportColumn, type ExportSource } from '$lib/server/export/columns';
import { numberFormat, safeSheetName, xlsxStream, type XlsxExport } from '$lib/server/export/xlsx';

interface Row {
	code: string;
	label: string | null;
	population: number | null;
	rate: number | null;
}

const columns: ExportColumn<Row>[] = [
	{ key: 'code', header: 'Code', type: 'text' },
	{ key: 'label', header: 'Libellé', type: 'text' },
	{ key: 'population', header: 'Population', type: 'integer' },
	{ key: 'rate', header: 'Taux (%)', type: 'number', decimals: 1 }
];

// Synthetic rows: they test the writer, not the data.
const rows: Row[] = [
	{ code: '01001', label: 'Quartier ; "Nord"', population: 6490, rate: 55.3 },
	{ code: '2A004', label: '=1+1', population: null, rate: -3.25 },
	{ code: 'QP0', label: null, population: 0, rate: null }
];

function source(path: string): ExportSource {
	return { path, ...sourceMeta(path) };
}
const sources = [
	source('sig-ville/DEMO_2019.csv'),
	source('filosofi-qpv/data_filo19_qp_revdis.csv'),
	source('sig-ville/DEMO_2019.csv')
];
const exportedAt = new Date('2025-03-31T23:30:00Z'); // already 1 April in Paris

async function load(spec: XlsxExport): Promise<ExcelJS.Workbook> {
	const buffer = Buffer.from(await new Response(xlsxStream(spec)).arrayBuffer());
	const workbook = new ExcelJS.Workbook();
	await workbook.xlsx.load(buffer as unknown as ExcelJS.Buffer);
	return workbook;
}

function values(row: ExcelJS.Row, count: number): unknown[] {
	return Array.from({ length: count }, (_, i) => row.getCell(i + 1).value);
}

describe('xlsxStream', () => {
	it('writes the data sheet then the Sources sheet', async () => {
		const workbook = await load({
			sheets: [exportTable({ name: 'Indicateurs', columns, rows })],
			sources,
			exportedAt
		});
		expect(workbook.worksheets.map((s) => s.name)).toEqual(['Indicateurs', 'Sources']);
	});

	it('writes a bold frozen header and typed cells equal to the input', async () => {
		const workbook = await load({
			sheets: [exportTable({ name: 'Indicateurs', columns, rows })],
			sources,
			exportedAt
		});
		const sheet = workbook.getWorksheet('Indicateurs')!;
		expect(values(sheet.getRow(1), 4)).toEqual(['Code', 'Libellé', 'Population', 'Taux (%)']);
		expect(sheet.getRow(1).getCell(1).font?.bold).toBe(true);
		expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
		expect(sheet.autoFilter).toBe('A1:D1');
		expect(sheet.rowCount).toBe(rows.length + 1);
		rows.forEach((row, i) => {
			expect(values(sheet.getRow(i + 2), 4)).toEqual([
				row.code,
				row.label,
				row.population,
				row.rate
			]);
		});
		const first = sheet.getRow(2);
		expect(first.getCell(1).type).toBe(ExcelJS.ValueType.String); // code keeps its leading zero
		expect(first.getCell(3).type).toBe(ExcelJS.ValueType.Number);
		expect(first.getCell(3).numFmt).toBe('#,##0');
		expect(first.getCell(4).type).toBe(ExcelJS.ValueType.Number);
		expect(first.getCell(4).numFmt).toBe('0.0');
		// Text that looks like a formula stays text: no formula, no apostrophe added.
		expect(sheet.getRow(3).getCell(2).type).toBe(ExcelJS.ValueType.String);
		expect(sheet.getRow(3).getCell(2).formula).toBeUndefined();
		expect(sheet.getRow(3).getCell(3).type).toBe(ExcelJS.ValueType.Null);
		expect(sheet.getColumn(2).width).toBeGreaterThanOrEqual(16);
	});

	it('names each source file once with producer, vintage, licence and the export date', async () => {
		const workbook = await load({
			sheets: [exportTable({ columns, rows: [] })],
			sources,
			exportedAt,
			notes: ['Cellule vide : donnée secrète ou absente.']
		});
		const sheet = workbook.getWorksheet('Sources')!;
		expect(values(sheet.getRow(1), 4)).toEqual([
			'Fichier source',
			'Producteur',
			'Millésime',
			'Licence'
		]);
		const filo = sourceMeta('filosofi-qpv/data_filo19_qp_revdis.csv');
		const demo = sourceMeta('sig-ville/DEMO_2019.csv');
		expect(values(sheet.getRow(2), 4)).toEqual([
			'filosofi-qpv/data_filo19_qp_revdis.csv',
			filo.producer,
			filo.vintage,
			filo.licence
		]);
		expect(values(sheet.getRow(3), 4)).toEqual([
			'sig-ville/DEMO_2019.csv',
			demo.producer,
			demo.vintage,
			demo.licence
		]);
		expect(sheet.getRow(5).getCell(1).value).toBe("Date d'export");
		const date = sheet.getRow(5).getCell(2);
		expect(date.type).toBe(ExcelJS.ValueType.Date);
		expect((date.value as Date).toISOString().slice(0, 10)).toBe('2025-04-01');
		expect(values(sheet.getRow(6), 2)).toEqual([
			'Note',
			'Cellule vide : donnée secrète ou absente.'
		]);
	});

	it('writes several sheets with safe, unique names and the source column', async () => {
		const workbook = await load({
			sheets: [
				exportTable({ name: 'Indicateurs QPV: contrat CV001 / millésime 2022', columns, rows }),
				exportTable({ name: 'sources', columns, rows: rows.slice(0, 1), source: () => sources[0]! })
			],
			sources,
			exportedAt
		});
		const names = workbook.worksheets.map((s) => s.name);
		expect(names).toEqual(['Indicateurs QPV- contrat CV001', 'sources (2)', 'Sources']);
		const second = workbook.getWorksheet('sources (2)')!;
		expect(second.getRow(1).getCell(5).value).toBe('Source');
		expect(second.getRow(2).getCell(5).value).toContain('(sig-ville/DEMO_2019.csv)');
	});

	it('stops pulling rows when the download is cancelled', async () => {
		const total = 200_000;
		let pulled = 0;
		let closed = false;
		async function* many(): AsyncGenerator<Row> {
			try {
				for (let i = 0; i < total; i++) {
					pulled++;
					yield { code: `C${i}`, label: 'ligne', population: i, rate: i / 7 };
				}
			} finally {
				closed = true;
			}
		}
		const stream = xlsxStream({
			sheets: [exportTable({ columns, rows: many() })],
			sources,
			exportedAt
		});
		const reader = stream.getReader();
		const first = await reader.read();
		expect([...first.value!.slice(0, 2)]).toEqual([0x50, 0x4b]); // zip signature « PK »
		await new Promise((resolve) => setTimeout(resolve, 50));
		expect(pulled).toBeLessThan(total / 2);
		await reader.cancel();
		await new Promise((resolve) => setTimeout(resolve, 50));
		expect(closed).toBe(true);
		expect(pulled).toBeLessThan(total / 2);
	});

	it('fails the stream when a row has the wrong type', async () => {
		const bad = [{ ...rows[0]!, rate: 'NaN' as unknown as number }];
		const stream = xlsxStream({
			sheets: [exportTable({ columns, rows: bad })],
			sources,
			exportedAt
		});
		await expect(new Response(stream).arrayBuffer()).rejects.toThrow(/colonne « Taux \(%\) »/);
	});
});

describe('safeSheetName', () => {
	it('removes forbidden characters and keeps at most 31 characters', () => {
		const name = safeSheetName("'Taux [2022]: a/b\\c?*' et encore plus long");
		expect(name).toBe("Taux -2022-- a-b-c--' et encore");
		expect(name.length).toBeLessThanOrEqual(31);
	});

	it('deduplicates case-insensitively within 31 characters', () => {
		const long = 'x'.repeat(40);
		expect(safeSheetName('Sources', new Set(['Sources']))).toBe('Sources (2)');
		expect(safeSheetName(long, new Set(['x'.repeat(31)]))).toBe(`${'x'.repeat(27)} (2)`);
		expect(safeSheetName('  ', new Set())).toBe('Feuille');
	});
});

describe('numberFormat', () => {
	it('uses grouped integers and the requested decimals', () => {
		expect(numberFormat({ header: 'n', type: 'integer' })).toBe('#,##0');
		expect(numberFormat({ header: 'r', type: 'number' })).toBe('0.0');
		expect(numberFormat({ header: 'r', type: 'number', decimals: 2 })).toBe('0.00');
		expect(numberFormat({ header: 't', type: 'text' })).toBeUndefined();
	});
});
