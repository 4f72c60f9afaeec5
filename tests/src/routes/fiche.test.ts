// Server tests: the printable fiches of a contrat and a QPV, rendered by the built server from the
// real database, with their print stylesheet.
import { describe, expect, it } from 'vitest';
import { get, serverUrl, textOf } from '../../helpers/server';

/** Every stylesheet the page links to, concatenated (the built app does not inline its CSS). */
async function linkedCss(html: string): Promise<string> {
	const hrefs = [...html.matchAll(/<link[^>]+href="([^"]+\.css)"/g)].map((m) => m[1]!);
	const sheets = await Promise.all(
		hrefs.map(async (href) => (await fetch(new URL(href, serverUrl() + '/'))).text())
	);
	return sheets.join('\n');
}

describe('/contrats/[code]/fiche', () => {
	it('renders CV001 with its QPV, a French-formatted figure, verdict words and plain sources', async () => {
		const { status, body, headers } = await get('/contrats/CV001/fiche');
		expect(status).toBe(200);
		expect(headers.get('cache-control')).toBe('no-store');
		expect(body).toContain('data-print="fiche"');
		const text = textOf(body);
		expect(text).toMatch(/CC de la Plaine de l'Ain \(CV001\)/);
		expect(text).toContain('Département : Ain (01)');
		// The one QPV of CV001, population 2018 in qpv-2015/qpv_evolution_population.csv: 1568.
		expect(text).toContain("Les Courbes De L'Albarine (QP001005) : 1\u202f568");
		// ABC of QP001005: 250 in IPRO_2017.csv, 269 in IPRO_2022.csv; fewer is better. The data
		// year is unpublished: said once for the page, not after every figure.
		expect(text).toMatch(/269 millésime 2022 250 millésime 2017 ↗ \+19 en dégradation/);
		expect(text).toContain('1\u00a0QPV : 1 en dégradation');
		expect(body).toMatch(/role="img" aria-label="en hausse depuis le départ"/);
		expect(text).toMatch(/Fiche générée le \d{1,2}(er)? [a-zéû]+ \d{4}/);
		expect(text).toContain('Années des données : 2015 à 2019.');
		expect(text.match(/année des données n’étant pas publiée/g)).toHaveLength(1);
		expect(text).not.toContain('(année des données non publiée)');
		// Plain sources: producers and years, no file names (those are on /methodologie).
		expect(text).toContain('ANCT – SIG Ville / INSEE, millésimes 2017, 2019, 2022');
		expect(text).not.toContain('sig-ville/IPRO_2017.csv');
		expect(body).toContain('href="/contrats/CV001/fiche.pdf"');
		expect(body).toMatch(/<svg[^>]*role="img"/);
	});

	it('reads CV004 (2 QPV) from the synthesis, checked by hand against the raw files', async () => {
		const text = textOf((await get('/contrats/CV004/fiche')).body);
		// Poverty TP60, weighted by pop_2013 (qpv_evolution_population.csv l.2-3: 6056, 1830):
		// 2019 (data_filo19_qp_revdis.csv l.3-4: 41,9 and 48,2) → (41,9×6056 + 48,2×1830)/7886 = 43,36;
		// 2015 (REVN_2019.csv l.3-4: 40,9 and 50,1) → 43,03; +0,33 pt < 0,5 pt: stable.
		expect(text).toMatch(
			/43,4\u00a0% données 2019 43,0\u00a0% données 2015 → \+0,3\u00a0pt stable/
		);
		// Median income: median of 14 190 and 13 300 (filo19 l.3-4) = 13 745; of 13 365 and 12 313
		// (REVN_2019 l.3-4) = 12 839. Against the EPCI's 22 260 (FILO2019_DISP_EPCI.csv l.636):
		// 63,7 % and 59,7 %, median 61,7 % → 62 %.
		expect(text).toMatch(
			/13\u202f745\u00a0€ données 2019 12\u202f839\u00a0€ données 2015 ↗ \+906\u00a0€ en amélioration/
		);
		expect(text).toMatch(
			/Niveau des QPV : 63\u00a0% → 62\u00a0% de celui de l’EPCI 2\u00a0QPV : 2 en amélioration/
		);
		// Employment rate weighted the same way: IPRO_2019 l.3-4 (43,2; 37,8) → 41,9;
		// IPRO_2022 l.2-3 (44,6; 42,7) → 44,2: +2,2 pts.
		expect(text).toMatch(
			/44,2\u00a0% millésime 2022 41,9\u00a0% millésime 2019 ↗ \+2,2\u00a0pts en amélioration/
		);
		// Job-seekers ABC, sum: IPRO_2017 966 + 296 = 1 262; IPRO_2022 926 + 318 = 1 244.
		expect(text).toMatch(
			/1\u202f244 millésime 2022 1\u202f262 millésime 2017 ↘ −18 en amélioration/
		);
		expect(text).toContain('2\u00a0QPV : 1 en amélioration, 1 en dégradation');
		expect(text).toContain('Actions et moyens');
		expect(text).toContain('Grande Reyssouze Terre Des Fleurs (QP001001) : 6\u202f490');
	});

	it('links a print stylesheet: A4 page, 12 mm margins, site header hidden in print', async () => {
		const css = await linkedCss((await get('/contrats/CV001/fiche')).body);
		expect(css).toMatch(/@page\s*\{\s*size:\s*A4;\s*margin:\s*12mm;?\s*\}/);
		expect(css).toMatch(/@media print\s*\{[^@]*\[data-print=['"]?fiche['"]?\]\)\s*\.site-header/);
	});

	it('keeps the 24 most populated QPV of a large contrat and says how many are left out', async () => {
		const text = textOf((await get('/contrats/CV049/fiche')).body);
		expect(text).toContain('37 quartiers prioritaires');
		expect(text).toContain('… et 13 autres quartiers moins peuplés');
	});

	it('answers 400 for a malformed code and 404 for an unknown one', async () => {
		const bad = await get('/contrats/cv001/fiche');
		expect(bad.status).toBe(400);
		expect(textOf(bad.body)).toContain('Code de contrat invalide');
		expect((await get('/contrats/CV999/fiche')).status).toBe(404);
	});
});

describe('/quartiers/[code]/fiche', () => {
	it('renders QP001001 with its figures, evolution, gaps, contrat and sources', async () => {
		const { status, body } = await get('/quartiers/QP001001/fiche');
		expect(status).toBe(200);
		const text = textOf(body);
		expect(text).toContain('Grande Reyssouze Terre Des Fleurs (QP001001)');
		// POP_MUN 2018 of QP001001: 6490 (qpv_evolution_population.csv); TP60 of data year 2019:
		// 41,9 (data_filo19 line 3), not 41,4 (REVN_2022, data year 2018).
		expect(text).toContain('6\u202f490');
		expect(text).toContain('41,9\u00a0%');
		// TX_TOT_EMPL: 53,5 in IPRO_2017 l.3 and IPRO_2018, then a break; 43,2 in IPRO_2019 l.3, 44,6
		// in IPRO_2022 l.2: the evolution is read from 2019 (+1,4 pt), never −8,9 pts across the break.
		expect(text).toMatch(
			/44,6\u00a0% millésime 2022 43,2\u00a0% millésime 2019 ↗ \+1,4\u00a0pt en amélioration/
		);
		expect(text).toContain('Rupture de série en 2019');
		// TP60: 40,9 in REVN_2019.csv l.3 (data 2015), 41,9 in data_filo19 l.3: +1,0 pt, worse.
		expect(text).toMatch(
			/41,9\u00a0% données 2019 40,9\u00a0% données 2015 ↗ \+1,0\u00a0pt en dégradation/
		);
		expect(text).not.toContain('−8,9');
		// DISP_MED_A19 14 190 (data_filo19) against Q219 19 290 for Bourg-en-Bresse (FILO2019_DISP_COM line 46).
		// 14 190 / 19 290 = 73,6 % → 74 %.
		expect(text).toContain('Bourg-en-Bresse (commune) : 19\u202f290\u00a0€ · quartier à 74\u00a0%');
		expect(text).toContain('France métropolitaine :');
		// No commune or France figure for the IPRO rates (qpv_gaps has none): said in words.
		expect(text).toContain('Pas de valeur de la commune ni de la France publiée la même année.');
		expect(text.match(/année des données n’étant pas publiée/g)).toHaveLength(1);
		expect(text).toContain('CA Bourg en Bresse Agglomération (CV004)');
		expect(text).toContain('Sources : ');
		expect(text).toMatch(/Fiche générée le /);
	});

	it('is linked from the QPV profile', async () => {
		expect((await get('/quartiers/QP001001')).body).toContain('href="/quartiers/QP001001/fiche"');
	});

	it('answers 400 for a malformed code and 404 for an unknown one', async () => {
		expect((await get('/quartiers/QP001001%27/fiche')).status).toBe(400);
		expect((await get('/quartiers/QP999999/fiche')).status).toBe(404);
	});
});
