// Exports of the built server parsed back and compared with the database they come from.
import { DuckDBInstance } from '@duckdb/node-api';
import ExcelJS from 'exceljs';
import { readFileSync } from 'node:fs';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { serverUrl } from '../../helpers/server';

async function dbValue(qpv: string, indicator: string, vintage: number): Promise<number> {
	const instance = await DuckDBInstance.create('data/build/politique-ville.duckdb', {
		access_mode: 'READ_ONLY'
	});
	const conn = await instance.connect();
	const reader = await conn.runAndReadAll(
		`SELECT value FROM observations WHERE territory_type = 'qpv' AND territory_code = '${qpv}'
		 AND indicator_id = '${indicator}' AND vintage = ${vintage} AND source_path LIKE 'sig-ville/%'`
	);
	const value = reader.getRowObjectsJS()[0]?.value as number;
	conn.closeSync();
	instance.closeSync();
	return value;
}

describe('/quartiers/[code]/export.csv', () => {
	it('streams a French CSV whose values equal the database', async () => {
		const response = await fetch(`${serverUrl()}/quartiers/QP001001/export.csv`);
		expect(response.headers.get('content-disposition')).toContain(
			'quartier-QP001001-indicateurs.csv'
		);
		const bytes = new Uint8Array(await response.arrayBuffer());
		expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
		const text = new TextDecoder().decode(bytes).slice(1);
		const { data } = Papa.parse<Record<string, string>>(text, { delimiter: ';', header: true });
		// One row per data year: 2018 is read in data_filo18 (line 3, 41,4), the INSEE file, and
		// REVN_2022 (line 2) carries the same figure; both files agree.
		const row = data.find(
			(r) =>
				r['Identifiant indicateur'] === 'tx_pauvrete_60' &&
				r['Année des données (vide : non publiée)'] === '2018'
		);
		expect(row).toBeDefined();
		const expected = await dbValue('QP001001', 'tx_pauvrete_60', 2022);
		expect(expected).toBe(41.4);
		expect(Number(row!['Valeur']!.replace(',', '.'))).toBeCloseTo(expected, 6);
		expect(row!['Millésime']).toBe('2018');
		expect(row!['Fichier source']).toBe('filosofi-qpv/data_filo18_qp_revdis.csv');
		expect(row!['Autres fichiers, même année']).toBe('sig-ville/REVN_2022.csv l.2');
		const employment = data.find(
			(r) => r['Identifiant indicateur'] === 'taux_emploi' && r['Millésime'] === '2019'
		);
		expect(employment!['Année des données (vide : non publiée)']).toBe('');
		expect(employment!['Segment comparable (change à chaque rupture)']).toBe('1');
	});
});

describe('/contrats/[code]/export.xlsx', () => {
	it('returns a workbook with the QPV, pillar, dispositifs and Sources sheets', async () => {
		const response = await fetch(`${serverUrl()}/contrats/CV004/export.xlsx`);
		expect(response.status).toBe(200);
		const workbook = new ExcelJS.Workbook();
		await workbook.xlsx.load(await response.arrayBuffer());
		const names = workbook.worksheets.map((w) => w.name);
		expect(names[0]).toBe('Synthèse');
		const synthesis = workbook.getWorksheet('Synthèse')!;
		const poverty = synthesis
			.getSheetValues()
			.find((r) => Array.isArray(r) && String(r[1]).startsWith('Taux de pauvreté')) as unknown[];
		// Départ 2015, arrivée 2019; QP001001 40,9 → 41,9 (worse), QP001002 50,1 → 48,2 (better).
		expect(poverty.slice(3, 5)).toEqual([2015, 2019]);
		expect(poverty.slice(9, 11)).toEqual([1, 1]);
		expect(names).toContain('QPV');
		expect(names).toContain('Dispositifs');
		expect(names).toContain('Articulation');
		const articulation = workbook.getWorksheet('Articulation')!;
		expect(articulation.getRow(1).getCell(1).value).toBe('Cadre');
		expect(articulation.rowCount).toBeGreaterThan(1);
		expect(names).toContain('Sources');
		const qpv = workbook.getWorksheet('QPV')!;
		const codes = qpv.getColumn(1).values.slice(2);
		expect(codes).toContain('QP001001');
		const pop = qpv.getRow(codes.indexOf('QP001001') + 2).getCell(5).value;
		expect(pop).toBe(6490);
	});

	it('answers 404 for an unknown format and 400 for a malformed code', async () => {
		expect((await fetch(`${serverUrl()}/contrats/CV004/export.pdf`)).status).toBe(404);
		expect((await fetch(`${serverUrl()}/contrats/CV4/export.csv`)).status).toBe(400);
	});
});

describe('/contrats/export.csv and /indicateurs/export.xlsx', () => {
	it('exports the filtered contrats list with the same rows as the page', async () => {
		const response = await fetch(
			`${serverUrl()}/contrats/export.csv?departement=01&tri=code&ordre=asc`
		);
		expect(response.headers.get('content-disposition')).toContain('contrats-de-ville.csv');
		const text = (await response.text()).replace(/^\uFEFF/, '');
		const { data } = Papa.parse<Record<string, string>>(text, { delimiter: ';', header: true });
		expect(data.length).toBeGreaterThan(0);
		expect(data.every((r) => r['Code département'] === '01')).toBe(true);
		expect(data[0]!['Code contrat']).toBe('CV001');
	});

	it('exports the catalogue as a workbook with typed cells and a Sources sheet', async () => {
		const response = await fetch(`${serverUrl()}/indicateurs/export.xlsx`);
		const workbook = new ExcelJS.Workbook();
		await workbook.xlsx.load(await response.arrayBuffer());
		const sheet = workbook.getWorksheet('Indicateurs')!;
		const ids = sheet.getColumn(1).values.slice(2);
		expect(ids).toContain('tx_pauvrete_60');
		expect(workbook.getWorksheet('Sources')).toBeDefined();
	});
});

describe('/methodologie/sources.csv', () => {
	it('lists every source file with its sha256 and row counts as in the database', async () => {
		const text = (await (await fetch(`${serverUrl()}/methodologie/sources.csv`)).text()).replace(
			/^\uFEFF/,
			''
		);
		const { data } = Papa.parse<Record<string, string>>(text, { delimiter: ';', header: true });
		const demo = data.find((r) => r['Fichier'] === 'sig-ville/DEMO_2022.csv');
		expect(demo?.['Producteur']).toBe('ANCT – SIG Ville / INSEE');
		expect(demo?.['Empreinte sha256']).toMatch(/^[0-9a-f]{64}$/);
		const raw = readFileSync('data/raw/sig-ville/DEMO_2022.csv', 'utf8');
		const dataLines =
			raw.split(/\r?\n/).filter((l) => l.replace(/;/g, '').trim() !== '').length - 1;
		expect(Number(demo?.['Lignes lues'])).toBe(dataLines);
	});
});

describe('/referentiels/[table] and /dispositifs/postes', () => {
	it('exports the 40 measure slots as loaded from data/reference/mesures.csv', async () => {
		const text = (await (await fetch(`${serverUrl()}/referentiels/mesures.csv`)).text()).replace(
			/^\uFEFF/,
			''
		);
		const { data } = Papa.parse<Record<string, string>>(text, { delimiter: ';', header: true });
		expect(data).toHaveLength(40);
		const raw = Papa.parse<Record<string, string>>(
			readFileSync('data/reference/mesures.csv', 'utf8'),
			{
				header: true,
				skipEmptyLines: true
			}
		).data;
		expect(data.find((r) => r.id === 'M03')?.title).toBe(raw.find((r) => r.id === 'M03')?.title);
	});

	it('answers 404 for an unknown referential', async () => {
		expect((await fetch(`${serverUrl()}/referentiels/qpv.csv`)).status).toBe(404);
	});

	it('exports posts by year and contrat whose totals equal the national counts', async () => {
		const response = await fetch(`${serverUrl()}/dispositifs/postes.xlsx`);
		const workbook = new ExcelJS.Workbook();
		await workbook.xlsx.load(await response.arrayBuffer());
		const sheet = workbook.worksheets[0]!;
		let total2023 = 0;
		sheet.eachRow((row, i) => {
			if (i > 1 && row.getCell(1).value === 'Adultes-relais' && row.getCell(2).value === 2023) {
				total2023 += Number(row.getCell(4).value);
			}
		});
		const raw = JSON.parse(
			readFileSync('data/raw/contrats-de-ville/adulte-relais-2023.json', 'utf8')
		);
		expect(total2023).toBe(raw.length);
	});
});
