// Server tests: the comparison of the two Baromètre publications of one series (Etalab 2017–2022,
// DITP 2021–2024), on the measure page and in its two downloads, checked against the raw files.
import { readFileSync } from 'node:fs';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { get, serverUrl, textOf } from '../../helpers/server';

const rawCsv = (path: string) =>
	Papa.parse<Record<string, string>>(readFileSync(`data/raw/${path}`, 'utf8'), {
		header: true,
		skipEmptyLines: true
	}).data;

const etalabNational = rawCsv('barometre-etalab/barometre-resultats-detail-national.csv');
const etalabDepartements = rawCsv('barometre-etalab/barometre-resultats-detail-departemental.csv');
const ind304 = rawCsv('barometre-ditp/ind-304.csv');

async function exportRows(path: string) {
	const response = await fetch(serverUrl() + path);
	const text = await response.text();
	return {
		status: response.status,
		disposition: response.headers.get('content-disposition'),
		rows: Papa.parse<Record<string, string>>(text, {
			delimiter: ';',
			header: true,
			skipEmptyLines: true
		}).data
	};
}

const decimal = (v: string | undefined) => Number((v ?? '').replace(',', '.'));
const plain = (html: string) => textOf(html).replace(/[\s\u00a0\u202f]+/g, ' ');

describe('/mesures/M12: patrol hours in both publications', () => {
	it('links the two comparison tables of a paired series, never of a series read alone', async () => {
		const { body } = await get('/mesures/M12');
		for (const table of ['publications', 'ecarts'])
			expect(body).toContain(`href="/mesures/M12/export.csv?serie=IND-304&amp;tableau=${table}"`);
		// IND-242 (pupils of grande section) has no Etalab pair on M03.
		const m03 = (await get('/mesures/M03')).body;
		expect(m03).not.toContain('serie=IND-242&amp;tableau=publications');
		const alone = await get('/mesures/M03/export.csv?serie=IND-242&tableau=publications');
		expect(alone.status).toBe(400);
		expect(alone.body).toContain('possibles : departements, national');
	});

	it('exports the national values at the periods both publish, as in the raw files', async () => {
		const csv = await exportRows('/mesures/M12/export.csv?serie=IND-304&tableau=publications');
		expect(csv.status).toBe(200);
		expect(csv.disposition).toContain('mesure-M12-ind-304-publications.csv');
		const etalab = (date: string) =>
			etalabNational.find((r) => r.id_indicateur === 'nb-heures-patrouille' && r.date === date)!;
		const ditp = (date: string) =>
			ind304.find((r) => r.enforce_zone_id === 'FRANCE' && r.metric_enforce_date === date)!;
		// Both publish 74,818,068 h for January 2022 and 79,317,616 h for December 2022: gap 0.
		expect(Number(etalab('2022-01-31').valeur)).toBe(74818068);
		expect(Number(ditp('2022-12-01').indic_va)).toBe(79317616);
		expect(
			csv.rows.map((r) => [r['Période'], r['Etalab'], r['DITP'], r['Écart DITP / Etalab (%)']])
		).toEqual([
			['2022-01', '74818068', '74818068', '0'],
			['2022-12', '79317616', '79317616', '0']
		]);
		expect(csv.rows[0]!['Concordent (écart d’au plus 1 %)']).toBe('oui');
		expect(csv.rows[0]!['Source']).toContain('barometre-ditp/ind-304.csv');
		expect(csv.rows[0]!['Source']).toContain('barometre-resultats-detail-national.csv');
	});

	it('exports every compared département, largest gap first, Paris at −72.5 %', async () => {
		const csv = await exportRows('/mesures/M12/export.csv?serie=IND-304&tableau=ecarts');
		expect(csv.status).toBe(200);
		const page = plain((await get('/mesures/M12')).body);
		const compared = Number(
			/concordent dans \d+ départements sur (\d+) comparables/.exec(page)![1]
		);
		const agree = Number(/concordent dans (\d+) départements/.exec(page)![1]);
		// Every compared département is in the download, not only the eight on the page.
		expect(csv.rows.length).toBe(compared);
		expect(csv.rows.filter((r) => r['Concordent (écart d’au plus 1 %)'] === 'oui').length).toBe(
			agree
		);
		const paris = csv.rows[0]!;
		expect(paris['Code département']).toBe('75');
		const etalab = Number(
			etalabDepartements.find(
				(r) =>
					r.id_indicateur === 'nb-heures-patrouille' &&
					r.code_departement === '75' &&
					r.date === '2022-10-31'
			)?.valeur ?? NaN
		);
		const ditp = Number(
			ind304.find((r) => r.enforce_zone_id === 'D75' && r.metric_enforce_date === '2022-10-01')!
				.indic_va
		);
		expect([etalab, ditp]).toEqual([12091398, 3321280]);
		// (3,321,280 − 12,091,398) / 12,091,398 = −72.53 %
		expect(decimal(paris['Écart DITP / Etalab (%)'])).toBeCloseTo(-72.5319, 3);
		expect(paris['Source']).toContain('barometre-resultats-detail-departemental.csv');
		const gaps = csv.rows.map((r) => Math.abs(decimal(r['Écart DITP / Etalab (%)'])));
		expect(gaps).toEqual([...gaps].sort((a, b) => b - a));
	});
});
