// Server tests: « Actions et moyens » and the link's known gaps, rendered by the built server from
// the real database. Expectations computed by hand from the raw files (see comments).
import { describe, expect, it } from 'vitest';
import Papa from 'papaparse';
import { get, serverUrl, textOf } from '../../helpers/server';

interface ApiActions {
	actions_moyens: {
		year: number;
		totalProjects: number | null;
		pillars: { pillar: string; projects: number; per_1000: number }[] | null;
		sharedPosts: { post_id: string; year: number; others: string }[];
		posts: { kind: string; year: number; posts: number }[];
	};
	rattachement: { gap: { published: number; linked: number; gap: number } | null };
}

describe('Actions et moyens', () => {
	it('gives CV001 its projects per pillar and per 1,000 QPV inhabitants', async () => {
		// cv_nb_themes_projets.gpkg fid 412–413: CV001 has 15 (cohésion sociale) and 4 (emploi);
		// its one QPV, QP001005, had 1,568 inhabitants in 2018: 15 000 / 1 568 = 9.566…
		const { status, body } = await get('/api/contrats/CV001');
		expect(status).toBe(200);
		const a = (JSON.parse(body) as ApiActions).actions_moyens;
		expect(a.year).toBe(2020);
		expect(a.totalProjects).toBe(19);
		const byPillar = Object.fromEntries(a.pillars!.map((p) => [p.pillar, p]));
		expect(byPillar.cohesion_sociale!.projects).toBe(15);
		expect(byPillar.cohesion_sociale!.per_1000).toBeCloseTo(9.566, 3);
		expect(byPillar.emploi_developpement_economique!.per_1000).toBeCloseTo(2.551, 3);
		expect(byPillar.cadre_de_vie!.projects).toBe(0);
	});

	it('sums up the means under the synthesis, per 1,000 QPV inhabitants', async () => {
		// 19 projects / 1,568 inhabitants = 12.1 per 1,000; 1 adulte-relais post in 2023 = 0.64.
		const text = textOf((await get('/contrats/CV001')).body);
		expect(text).toMatch(
			/Moyens : 19\s+projets financés en 2020 \(année déduite\), soit 12,1 pour 1\s000 habitants des quartiers ; 1\s+poste adulte-relais en 2023 \(0,64 pour 1\s000 habitants, France/
		);
		expect(text.indexOf('Moyens :')).toBeLessThan(text.indexOf('Actions et moyens'));
	});

	it('shows a post under two contrats on both, flagged (97420R049501: CV390 and CV386, 2023)', async () => {
		for (const [code, other] of [
			['CV386', 'CV390'],
			['CV390', 'CV386']
		]) {
			const a = (JSON.parse((await get(`/api/contrats/${code}`)).body) as ApiActions)
				.actions_moyens;
			expect(a.sharedPosts).toContainEqual(
				expect.objectContaining({ post_id: '97420R049501', year: 2023, others: other })
			);
		}
	});

	it('says on the page that the 2020 year is inferred, and that Bordeaux has no count', async () => {
		const text = textOf((await get('/contrats/CV105')).body);
		expect(text).toContain('Actions et moyens');
		expect(text).toContain('Année 2020 déduite du script de construction de la source');
		// cv_nb_projets.gpkg fid 198: 'CV105\r\n' with an empty nb_projets.
		expect(text).toContain('La source ne donne aucun nombre de projets financés pour ce contrat');
		expect(text).toContain('fid 198');
	});
});

describe('/actions-financees', () => {
	it('counts each contrat once, by pillar, with the inferred year and a département map', async () => {
		// 30,585 published − 183 of five contrats listed twice = 30,402, in 415 contrats of 433.
		const { status, body } = await get('/actions-financees');
		expect(status).toBe(200);
		const text = textOf(body);
		expect(text).toContain('30\u202f402 projets');
		expect(text).toContain('dans 415 contrats de ville sur 433');
		expect(text).toContain('Année 2020 déduite du script de construction de la source');
		expect(body).toContain('<svg');
		// 24,724 published in « cohésion sociale » − 146 of the duplicates (46 + 35 + 24 + 10 + 31).
		expect(text).toMatch(/Cohésion sociale 24\u202f578/);
	});

	it('downloads every département and pillar with the base of its rate', async () => {
		const response = await fetch(serverUrl() + '/actions-financees/export.csv');
		expect(response.status).toBe(200);
		const rows = Papa.parse<Record<string, string>>(
			(await response.text()).replace(/^\uFEFF/, ''),
			{
				delimiter: ';',
				header: true,
				skipEmptyLines: true
			}
		).data;
		const total = (pillar: string) =>
			rows
				.filter((r) => r['Pilier'] === pillar)
				.reduce((s, r) => s + Number(r['Projets financés (2020, année déduite)']), 0);
		// The same 30,402 projects as the page, split by pillar: 24,578 in « cohésion sociale ».
		expect(total('Tous piliers')).toBe(30402);
		expect(rows.some((r) => /cohésion sociale/i.test(r['Pilier']!))).toBe(true);
		for (const r of rows.slice(0, 20)) {
			const rate = Number(r['Projets pour 1 000 habitants des QPV']!.replace(',', '.'));
			const expected =
				(1000 * Number(r['Projets financés (2020, année déduite)'])) /
				Number(r['Habitants des QPV de ces contrats (2018)']);
			expect(rate).toBeCloseTo(expected, 1);
		}
	});

	it('answers 400 to an unknown pillar', async () => {
		expect((await get('/actions-financees?pilier=autre')).status).toBe(400);
	});
});

describe('the link’s known gaps', () => {
	it('shows both populations of CV105 and the QPV that explains the gap', async () => {
		// geom_cv_ctr.json pop = 68 315; its 21 linked QPV sum to 69 420; QP033023 has 1 105.
		const api = JSON.parse((await get('/api/contrats/CV105')).body) as ApiActions;
		expect(api.rattachement.gap).toMatchObject({ published: 68315, linked: 69420, gap: 1105 });
		const text = textOf((await get('/contrats/CV105')).body);
		expect(text).toContain('Deux populations pour ce contrat');
		expect(text).toMatch(/QP033023 \(1\u202f105 habitants\) : rattaché ici/);
	});

	it('explains the Mayotte moves from both sides', async () => {
		// QP976031 (3 662) is linked to CV411 (+3 662) and counted by ANCT in CV413 (−3 662).
		const text = textOf((await get('/quartiers/QP976031')).body);
		expect(text).toContain('Ce quartier explique l’écart de population du contrat CV411');
		expect(text).toContain('Ce quartier explique l’écart de population du contrat CV413');
	});

	it('says why QP021001 has no contrat, on its page and on /methodologie', async () => {
		const text = textOf((await get('/quartiers/QP021001')).body);
		expect(text).toContain('Aucun contrat de ville : la commune Beaune (21054)');
		expect(text).toContain('SIREN 200006682');
		const method = textOf((await get('/methodologie')).body);
		expect(method).toContain('QP021001');
		expect(method).toContain('QP057001');
		for (const code of ['CV105', 'CV407', 'CV408', 'CV409', 'CV411', 'CV413'])
			expect(method).toContain(code);
	});

	it('says on the QPV page when the link was chosen by the published population', async () => {
		const text = textOf((await get('/quartiers/QP059021')).body);
		expect(text).toContain('Rattachement choisi par la population publiée');
	});
});
