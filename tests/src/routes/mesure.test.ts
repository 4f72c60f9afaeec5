// Server tests: one measure's page and its CSV exports, checked against the raw Baromètre files.
import { readFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { get, serverUrl, textOf } from '../../helpers/server';

const ind242 = Papa.parse<Record<string, string>>(
	readFileSync('data/raw/barometre-ditp/ind-242.csv', 'utf8'),
	{ header: true, skipEmptyLines: true }
).data;

async function exportCsv(path: string) {
	const response = await fetch(serverUrl() + path);
	const bytes = new Uint8Array(await response.arrayBuffer());
	// TextDecoder drops the BOM: check the bytes themselves.
	const bom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
	const text = new TextDecoder().decode(bytes);
	return {
		status: response.status,
		disposition: response.headers.get('content-disposition'),
		bom,
		rows: Papa.parse<Record<string, string>>(text, {
			delimiter: ';',
			header: true,
			skipEmptyLines: true
		}).data
	};
}

describe('/mesures/[id]', () => {
	it('renders M03 with its facts, national series and département ranking', async () => {
		const { status, body } = await get('/mesures/M03');
		expect(status).toBe(200);
		const text = textOf(body);
		expect(textOf(body.slice(body.indexOf('<h1'), body.indexOf('</h1>')))).toContain(
			'M03 · Dédoublement des classes de CP et CE1 en REP/REP+'
		);
		expect(text).toContain(
			'Plus de 300 000 enfants concernés par le dédoublement 300\u202f000 enfants'
		);
		const national = ind242.find(
			(r) => r.maille === 'NAT' && r.metric_enforce_date === '2023-09-01'
		);
		expect(national?.indic_va).toBe('372646.0');
		expect(text).toContain(
			'372\u202f646 élèves dans des classes de grande section, CP et CE1 dédoublées au 01/09/2023'
		);
		expect(text).toContain('Seine-Saint-Denis (93) Île-de-France 01/09/2023 37\u202f758');
		expect(body).toContain('id="serie-IND-242"');
		expect(body).toContain('href="/mesures/M03/export.csv?serie=IND-242&amp;tableau=departements"');
		// National chart, ranking and histogram of each Baromètre series, as accessible images.
		expect((body.match(/<svg[^>]*role="img"/g) ?? []).length).toBeGreaterThanOrEqual(6);
		// The map: one dot per metropolitan département, titled with its latest value.
		expect(body).toContain('carte des départements (dernière valeur)');
		expect(body).toMatch(/<title>Seine-Saint-Denis \(93\) : 37\u202f758/);
	});

	it('shows an undocumented slot with the wording, without invented series', async () => {
		const { status, body } = await get('/mesures/M18');
		expect(status).toBe(200);
		const text = textOf(body);
		expect(text).toContain('M18 · intitulé non documenté dans les sources disponibles');
		expect(text).toContain('Aucune série de la base ne mesure directement cette mesure');
	});

	it('ranks the contrats by adultes-relais posts of the latest year', async () => {
		const text = textOf((await get('/mesures/M13')).body);
		expect(text).toMatch(/Les 30 contrats de ville ayant le plus de postes en 2023/);
		// Posts, not records: adulte-relais-2023.json has 5,416 records for 5,412 distinct id_poste.
		expect(text).toContain('5\u202f412 postes financés en 2023');
	});

	it('answers 400 for a malformed id and 404 for an unknown series', async () => {
		for (const id of ['M3', 'm03', 'M41', 'M00', '03']) {
			expect((await get(`/mesures/${id}`)).status).toBe(400);
		}
		expect((await get('/mesures/M03/export.csv?serie=nb-maisons-sante')).status).toBe(404);
		expect((await get('/mesures/M03/export.csv')).status).toBe(400);
		expect((await get('/mesures/M03/export.csv?serie=IND-242&tableau=contrats')).status).toBe(400);
	});
});

describe('/mesures/[id]/export.csv', () => {
	it('exports the département ranking equal to the raw DITP file', async () => {
		const csv = await exportCsv('/mesures/M03/export.csv?serie=IND-242');
		expect(csv.status).toBe(200);
		expect(csv.bom).toBe(true);
		expect(csv.disposition).toContain('mesure-M03-ind-242-departements.csv');
		const latestDept = ind242.filter(
			(r) => r.maille === 'DEPT' && r.metric_enforce_date === '2023-09-01' && r.indic_va !== ''
		);
		expect(csv.rows.length).toBe(latestDept.length);
		const seineSaintDenis = csv.rows.find((r) => r['Code département'] === '93')!;
		expect(seineSaintDenis['Rang']).toBe('1');
		expect(seineSaintDenis['Valeur']).toBe(
			String(Number(latestDept.find((r) => r.enforce_zone_id === 'D93')!.indic_va))
		);
		expect(seineSaintDenis['Source']).toContain('barometre-ditp/ind-242.csv');
		// Codes stay text with their leading zero.
		expect(csv.rows.some((r) => r['Code département'] === '01')).toBe(true);
	});

	it('exports the national series with its target row', async () => {
		const csv = await exportCsv('/mesures/M03/export.csv?serie=IND-242&tableau=national');
		expect(csv.rows.map((r) => [r['Date'], r['Valeur (France)'], r['Cible']])).toEqual([
			['2022-09-01', '361943', ''],
			['2023-09-01', '372646', ''],
			['2026-12-01', '', '400000']
		]);
	});

	it('exports every contrat with adultes-relais posts', async () => {
		const csv = await exportCsv('/mesures/M13/export.csv?serie=adulte_relais');
		expect(csv.rows.length).toBeGreaterThan(30);
		const posts = csv.rows.map((r) => Number(r['Postes financés']));
		expect(posts).toEqual([...posts].sort((a, b) => b - a));
		expect(csv.rows.every((r) => /^CV\d{3}$/.test(r['Code contrat']!))).toBe(true);
	});
});

describe('/mesures/[id]/export.xlsx', () => {
	it('exports the same national series as a workbook with typed numbers and sources', async () => {
		const response = await fetch(
			`${serverUrl()}/mesures/M03/export.xlsx?serie=IND-242&tableau=national`
		);
		expect(response.status).toBe(200);
		const workbook = new ExcelJS.Workbook();
		await workbook.xlsx.load(await response.arrayBuffer());
		const sheet = workbook.worksheets[0]!;
		const values = sheet
			.getColumn(2)
			.values.slice(2)
			.filter((v) => v !== null && v !== undefined);
		expect(values).toContain(361943);
		const sources = workbook.getWorksheet('Sources')!;
		const text = sources.getSheetValues().flat().join(' ');
		expect(text).toContain('barometre-ditp/ind-242.csv');
	});
});
