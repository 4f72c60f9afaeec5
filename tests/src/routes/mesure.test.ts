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

const ind304 = Papa.parse<Record<string, string>>(
	readFileSync('data/raw/barometre-ditp/ind-304.csv', 'utf8'),
	{ header: true, skipEmptyLines: true }
).data;

/** Text with every kind of space folded to one ordinary space, for readable expectations. */
const plain = (html: string) => textOf(html).replace(/[\s\u00a0\u202f]+/g, ' ');

describe('/mesures/[id]', () => {
	it('renders M03: facts, national trajectory with its full target label, ranking by a base', async () => {
		const { status, body } = await get('/mesures/M03');
		expect(status).toBe(200);
		const text = plain(body);
		expect(textOf(body.slice(body.indexOf('<h1'), body.indexOf('</h1>')))).toContain(
			'M03 · Dédoublement des classes de CP et CE1 en REP/REP+'
		);
		expect(text).toContain('Plus de 300 000 enfants concernés par le dédoublement 300 000 enfants');
		const national = ind242.find(
			(r) => r.maille === 'NAT' && r.metric_enforce_date === '2023-09-01'
		);
		expect(national?.indic_va).toBe('372646.0');
		expect(text).toContain(
			'372 646 élèves dans des classes de grande section, CP et CE1 dédoublées au 01/09/2023'
		);
		// The target label is written left of its point: never cut at the chart's edge.
		expect(text).toContain('cible 400 000 (01/12/2026)');
		// From the initial value indic_vi 362,313: (372,646 − 362,313) / (400,000 − 362,313) =
		// 10,333 / 37,687 = 27.42 %, the rate the DITP publishes itself (indic_ta 27.42).
		expect(text).toContain('27,4 % du chemin vers la cible');
		expect(body).toContain('id="serie-IND-242"');
		expect(body).toContain('href="/mesures/M03/export.csv?serie=IND-242&amp;tableau=departements"');
		// Grande section: Etalab 2019–2022 and DITP 2022–2023 joined on 2022 (68 vs 67.84).
		expect(text).toContain('sur les dates communes (2022) : elles sont raccordées');
		expect(text).toContain(
			'4 % des classes de grande section en éducation prioritaire au 30/11/2019'
		);
		// Départements drawn from their outlines, Lozère (no REP pupil) out of the ranking.
		expect(body).toContain('par département');
		expect(text).toMatch(/Sans valeur publiée ou toujours à 0 \(\d+\) : [^.]*Lozère \(48\)/);
	});

	it('shows the two patrol-hour series: one national trajectory, diverging départements listed', async () => {
		const text = plain((await get('/mesures/M12')).body);
		expect(text).toContain('(2022-01, 2022-12) : elles sont raccordées en une seule trajectoire');
		// Paris, October 2022: Etalab 12,091,398 h, DITP 3,321,280 h: (3,321,280 − 12,091,398) /
		// 12,091,398 = −72.5 %
		const paris = ind304.find(
			(r) => r.enforce_zone_id === 'D75' && r.metric_enforce_date === '2022-10-01'
		);
		expect(paris?.indic_va).toBe('3321280.0');
		expect(text).toContain('Paris (75) 2022-10 12 091 398 3 321 280 −72,5 %');
		expect(text).toContain('heures des forces mobiles ne sont comptées qu’au niveau national');
		expect(text).toContain('pour 1 000 habitants');
	});

	it('merges the maisons de santé published under two names into one series', async () => {
		const { body } = await get('/mesures/M17');
		expect(body).toContain('id="serie-IND-311"');
		expect(body).not.toContain('id="serie-nb-maisons-sante"');
		expect(plain(body)).toContain('concordent dans 101 départements sur 101');
	});

	it('counts distinct adultes-relais posts and ranks contrats per 1,000 QPV inhabitants', async () => {
		const text = plain((await get('/mesures/M13')).body);
		expect(text).toContain('En 2023 : 5 412 postes distincts financés en France');
		expect(text).toContain('Les 10 contrats les mieux dotés pour 1 000 habitants des QPV en 2023');
		expect(text).not.toContain('Postes FONJEP');
	});

	it('says plainly that no count of eligible classes exists to divide by (M03)', async () => {
		const text = plain((await get('/mesures/M03')).body);
		expect(text).toContain(
			'Le nombre de classes éligibles (grande section, CP et CE1 en REP et REP+) par département n’est dans aucun fichier réuni ici : la part publiée est sa propre base'
		);
		expect(text).toContain('faute de mieux, les élèves sont rapportés aux habitants');
	});

	it('ranks cités éducatives per 100,000 QPV inhabitants, per département and contrat (M05)', async () => {
		const { body } = await get('/mesures/M05');
		const text = plain(body);
		// citeduc_geom.geojson: 189 points carrying 208 labels.
		expect(text).toContain('208 cités labellisées (189 points publiés');
		expect(text).toContain('Cités pour 100 000 habitants des QPV');
		expect(text).toContain('Sans cité : les 10 contrats aux QPV les plus peuplés');
		// Nord: 15 labels in communes 59xxx, 361,125 QPV inhabitants (2018): 4,15 per 100,000.
		expect(text).toMatch(/Nord \(59\) \d+ 15 361 125 4,15/);
		expect(body).toContain(
			'href="/mesures/M05/export.csv?serie=cite_educative&amp;tableau=contrats"'
		);
	});

	it('shows the working groups’ feedback block with its link to the detail', async () => {
		const { body } = await get('/mesures/M13');
		expect(plain(body)).toContain('Retours des contrats de ville');
		expect(body).toContain('href="/mesures/M13/retours"');
	});

	it('says what a measure without series would need (M08) and invents none (M18)', async () => {
		expect(plain((await get('/mesures/M08')).body)).toContain(
			'Pour suivre les emplois francs, il faudrait le nombre d’embauches en emploi franc'
		);
		const text = plain((await get('/mesures/M18')).body);
		expect(text).toContain('M18 · intitulé non documenté dans les sources disponibles');
		expect(text).toContain('Aucune série de la base ne suit cette mesure');
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
	it('exports every département with its base, change and progress columns', async () => {
		const csv = await exportCsv('/mesures/M03/export.csv?serie=IND-242');
		expect(csv.status).toBe(200);
		expect(csv.bom).toBe(true);
		expect(csv.disposition).toContain('mesure-M03-ind-242-departements.csv');
		expect(csv.rows.length).toBe(101);
		const ssd = csv.rows.find((r) => r['Code département'] === '93')!;
		const raw = (date: string) =>
			Number(
				ind242.find((r) => r.enforce_zone_id === 'D93' && r.metric_enforce_date === date)!.indic_va
			);
		expect(ssd['Dernière valeur']).toBe(String(raw('2023-09-01')));
		expect(ssd['Première valeur']).toBe(String(raw('2022-09-01')));
		// 37,758 pupils for 1,655,422 inhabitants: 22.81 per 1,000
		expect(Number(ssd['Valeur pour 1\u202f000 habitants']!.replace(',', '.'))).toBeCloseTo(
			(37758 / 1655422) * 1000,
			6
		);
		expect(ssd['Base']).toBe('pour 1\u202f000 habitants');
		expect(ssd['Source']).toContain('barometre-ditp/ind-242.csv');
		const rates = csv.rows
			.map((r) => r['Valeur pour 1\u202f000 habitants'])
			.filter((v) => v !== '')
			.map((v) => Number(v!.replace(',', '.')));
		expect(rates).toEqual([...rates].sort((a, b) => b - a));
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

	it('exports contrats and départements ranked by posts per 1,000 QPV inhabitants', async () => {
		const contrats = await exportCsv('/mesures/M13/export.csv?serie=adulte_relais');
		expect(contrats.rows.length).toBeGreaterThan(30);
		const rates = contrats.rows
			.map((r) => r['Postes pour 1 000 habitants des QPV'])
			.filter((v) => v !== '')
			.map((v) => Number(v!.replace(',', '.')));
		expect(rates.length).toBeGreaterThan(30);
		expect(rates).toEqual([...rates].sort((a, b) => b - a));
		expect(contrats.rows.every((r) => /^CV\d{3}$/.test(r['Code contrat']!))).toBe(true);
		// CV380's posts carry two-contrat codes (`CV380CV384`): counted on it, as distinct posts.
		// adulte-relais-2023.json: 60 distinct id_poste whose code_cv names CV380.
		const cv380 = contrats.rows.find((r) => r['Code contrat'] === 'CV380');
		expect(cv380?.['Postes distincts']).toBe('60');
		const deps = await exportCsv(
			'/mesures/M13/export.csv?serie=adulte_relais&tableau=departements'
		);
		const row = deps.rows[0]!;
		const posts = Number(row['Postes distincts']);
		const population = Number(row['Population des QPV (2018)']);
		expect(Number(row['Postes pour 1 000 habitants des QPV']!.replace(',', '.'))).toBeCloseTo(
			(posts / population) * 1000,
			6
		);
		expect(row['Source']).toContain('adulte-relais-2023.json');
	});
});

describe('/mesures/[id]/export.csv of cités', () => {
	it('gives the base, the rate and the covered share of every département and contrat', async () => {
		const deps = await exportCsv('/mesures/M05/export.csv?serie=cite_educative');
		const nord = deps.rows.find((r) => r['Code département'] === '59')!;
		expect(nord['Cités labellisées']).toBe('15');
		expect(nord['Population des QPV (2018)']).toBe('361125');
		// 15 / 361,125 × 100,000 = 4.1537; 279,408 / 361,125 = 77.37 % (QPV of Lille, Roubaix…)
		expect(Number(nord['Cités pour 100 000 habitants des QPV']!.replace(',', '.'))).toBeCloseTo(
			4.1537,
			4
		);
		expect(
			Number(nord['Habitants des QPV en commune dotée (%, au plus)']!.replace(',', '.'))
		).toBeCloseTo(77.37, 2);
		expect(nord['Source']).toContain('dispositifs/citeduc_geom.geojson');
		// Lozère has no QPV: no base, so it is not ranked.
		expect(deps.rows.some((r) => r['Code département'] === '48')).toBe(false);
		const rates = deps.rows.map((r) =>
			Number(r['Cités pour 100 000 habitants des QPV']!.replace(',', '.'))
		);
		expect(rates).toEqual([...rates].sort((a, b) => b - a));
		const contrats = await exportCsv(
			'/mesures/M05/export.csv?serie=cite_educative&tableau=contrats'
		);
		expect(contrats.rows.length).toBe(433);
		// CU Marseille Provence: 5 cités éducatives in Marseille, 244,315 QPV inhabitants.
		const marseille = contrats.rows.find((r) => r['Code contrat'] === 'CV049')!;
		expect(marseille['Cités labellisées']).toBe('5');
		expect(marseille['Population des QPV (2018)']).toBe('244315');
		// CV045 (Aubagne): its QPV QP013041 straddles Marseille, whose cités are not Aubagne's.
		expect(contrats.rows.find((r) => r['Code contrat'] === 'CV045')!['Cités labellisées']).toBe(
			'0'
		);
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
