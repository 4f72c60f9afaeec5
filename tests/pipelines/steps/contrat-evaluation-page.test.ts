// The contrat page's page model on a small case worked out by hand: two contrats sharing one QPV,
// synthesis rows written out of order, a QPV in no contrat and a contrat without rows; then the
// other parts (identity, QPV, posts, cités, funded projects, rates, shared posts) in page order.
import { beforeAll, describe, expect, it } from 'vitest';
import type { BuildContext, Step } from '../../../pipelines/lib/step';
import { contratEvaluationPageStep } from '../../../pipelines/steps/contrat-evaluation-page';
import { runSteps } from './memory-context';

/** Only a few columns per table: the model copies whatever columns the rows have. */
const fixture: Step = {
	table: 'fixture',
	async run(ctx) {
		for (const sql of [
			`CREATE TABLE contrats AS SELECT * FROM (VALUES
			   ('CV001', 'Agglo A', 'epci', 12, '200000001', NULL, '01', 1500.0::DOUBLE),
			   ('CV002', 'Ville B', 'commune', NULL, NULL, '02001', '02', NULL),
			   ('CV003', 'Ville C', 'commune', NULL, NULL, '99001', '99', NULL))
			   t(code, name, perimeter, commune_count, epci2015_siren, commune_code, departement_code,
			     population_qpv_published)`,
			`CREATE TABLE epci AS SELECT '200000001' AS siren, 'CA de A' AS name`,
			// Département 99 is unknown: CV003's département and région stay null.
			`CREATE TABLE departements AS SELECT * FROM (VALUES ('01', 'Ain', '84'), ('02', 'Aisne', '32'))
			   t(code, name, region_code)`,
			`CREATE TABLE regions AS SELECT * FROM (VALUES ('84', 'Auvergne-Rhône-Alpes'),
			   ('32', 'Hauts-de-France')) t(code, name)`,
			`CREATE TABLE contrat_synthesis AS SELECT * FROM (VALUES
			   ('CV001', 'taux_emploi', 3::INTEGER, 0.1::DOUBLE, NULL::VARCHAR),
			   ('CV001', 'revenu', 2::INTEGER, -9.0::DOUBLE, 'QP001001'),
			   ('CV002', 'revenu', 1::INTEGER, 1234.5678::DOUBLE, NULL::VARCHAR))
			   t(contrat_code, indicator_id, n_qpv, figure_change, furthest_qpv_code)`,
			// QP001002 is in CV001 and CV002; QP001003 in no contrat; CV003 has no QPV.
			`CREATE TABLE contrat_qpv AS SELECT * FROM (VALUES
			   ('CV001', 'QP001002', 'Les Prés', 'A', 900, 1000, 'commune_epci2015'),
			   ('CV001', 'QP001001', NULL, 'A', NULL, 700, 'commune_epci2015'),
			   ('CV002', 'QP001002', 'Les Prés', 'A', 900, 1000, 'override'))
			   t(contrat_code, code, name, communes, population_2013, population_2018, method)`,
			`CREATE TABLE contrat_posts AS SELECT * FROM (VALUES
			   ('CV001', 'fonjep', 2021, 1, 0, NULL::DOUBLE, 'f.json'),
			   ('CV001', 'adulte_relais', 2022, 3, 1, 20000.5, 'a.json'),
			   ('CV001', 'adulte_relais', 2020, 2, 0, 10000.0, 'a.json'))
			   t(contrat_code, kind, year, posts, shared_posts, amount_eur, source_path)`,
			`CREATE TABLE contrat_cites AS SELECT * FROM (VALUES
			   ('CV001', 'cite_emploi', 'E1', 'Zeta', 'A', 'cde.geojson'),
			   ('CV001', 'cite_educative', 'C2', 'Beta', 'A', 'citeduc.geojson'),
			   ('CV001', 'cite_educative', 'C1', 'Beta', 'A', 'citeduc.geojson'))
			   t(contrat_code, kind, id, name, communes_label, source_path)`,
			`CREATE TABLE contrat_pillar_projects AS SELECT contrat_code, pillar, projects,
			   projects / 1.5 AS per_1000, 10 AS national_projects, 0.5::DOUBLE AS national_q1,
			   1.0::DOUBLE AS national_median, 2.0::DOUBLE AS national_q3, 3 AS contrats, 1 AS below,
			   NULL::DOUBLE AS peer_median, 2 AS peers
			 FROM (VALUES ('CV001', 'pilotage', 1), ('CV001', 'cadre_de_vie', 2),
			   ('CV001', 'cohesion_sociale', 4), ('CV001', 'emploi_developpement_economique', 3))
			   t(contrat_code, pillar, projects)`,
			`CREATE TABLE contrat_post_rates AS SELECT * FROM (VALUES
			   ('CV001', 'fonjep', 2021, 1, 0, 0.5, 0.25), ('CV001', 'adulte_relais', 2020, 2, 0, 1.0, 0.75))
			   t(contrat_code, kind, year, posts, shared_posts, per_1000, national_per_1000)`,
			`CREATE TABLE contrat_shared_posts AS SELECT * FROM (VALUES
			   ('CV001', 'adulte_relais', 2022, 'P2', true, 'CV002'),
			   ('CV001', 'adulte_relais', 2022, 'P2', false, 'CV002'),
			   ('CV001', 'adulte_relais', 2022, 'P1', false, 'CV002, CV003'))
			   t(contrat_code, kind, year, post_id, via_multi_code, others)`,
			`CREATE TABLE funded_project_totals AS SELECT 'CV001' AS contrat_code, 10 AS projects,
			   2020 AS data_year, 'CA DE A' AS published_name, 'p.gpkg' AS source_path, 7 AS source_line`,
			`CREATE TABLE qpv_evolutions AS SELECT * FROM (VALUES
			   ('QP001002', 'taux_emploi', 2017, 'amelioration'), ('QP001002', 'revenu', 2015, NULL),
			   ('QP001001', 'revenu', 2016, 'stable'), ('QP001003', 'revenu', 2016, 'stable'))
			   t(qpv_code, indicator_id, baseline_period, verdict)`
		])
			await ctx.db.run(sql);
	}
};

let ctx: BuildContext;
beforeAll(async () => {
	ctx = await runSteps('', [fixture, contratEvaluationPageStep]);
});

const page = async (code: string) => {
	const [row] = await ctx.db.query<{ synthesis: string; evolutions: string }>(
		`SELECT synthesis, evolutions FROM contrat_evaluation_page WHERE contrat_code = '${code}'`
	);
	return { synthesis: JSON.parse(row!.synthesis), evolutions: JSON.parse(row!.evolutions) };
};

describe('contrat_evaluation_page', () => {
	it('holds one row per contrat, in code order', async () => {
		const rows = await ctx.db.query<{ contrat_code: string }>(
			'SELECT contrat_code FROM contrat_evaluation_page ORDER BY rowid'
		);
		expect(rows.map((r) => r.contrat_code)).toEqual(['CV001', 'CV002', 'CV003']);
	});

	it('keeps every synthesis column and value, by indicator, numbers exact', async () => {
		expect((await page('CV001')).synthesis).toEqual([
			{
				contrat_code: 'CV001',
				indicator_id: 'revenu',
				n_qpv: 2,
				figure_change: -9,
				furthest_qpv_code: 'QP001001'
			},
			{
				contrat_code: 'CV001',
				indicator_id: 'taux_emploi',
				n_qpv: 3,
				figure_change: 0.1,
				furthest_qpv_code: null
			}
		]);
		expect((await page('CV002')).synthesis[0].figure_change).toBe(1234.5678);
	});

	it('gives each contrat the evolutions of its QPV only, by QPV then indicator', async () => {
		const codes = (rows: { qpv_code: string; indicator_id: string }[]) =>
			rows.map((r) => `${r.qpv_code}/${r.indicator_id}`);
		expect(codes((await page('CV001')).evolutions)).toEqual([
			'QP001001/revenu',
			'QP001002/revenu',
			'QP001002/taux_emploi'
		]);
		expect((await page('CV002')).evolutions).toEqual([
			{ qpv_code: 'QP001002', indicator_id: 'revenu', baseline_period: 2015, verdict: null },
			{
				qpv_code: 'QP001002',
				indicator_id: 'taux_emploi',
				baseline_period: 2017,
				verdict: 'amelioration'
			}
		]);
	});

	it('writes empty lists for a contrat without synthesis rows or QPV', async () => {
		expect(await page('CV003')).toEqual({ synthesis: [], evolutions: [] });
	});

	/** Every part of a contrat's row, parsed (funded_total stays null without a count). */
	const parts = async (code: string) => {
		const [row] = await ctx.db.query<Record<string, string | null>>(
			`SELECT * EXCLUDE (contrat_code, synthesis, evolutions) FROM contrat_evaluation_page
			 WHERE contrat_code = '${code}'`
		);
		return Object.fromEntries(
			Object.entries(row!).map(([k, v]) => [k, v === null ? null : JSON.parse(v)])
		);
	};

	it('writes the identity with its EPCI, département and région names, null when unknown', async () => {
		expect((await parts('CV001')).contrat).toEqual({
			code: 'CV001',
			name: 'Agglo A',
			perimeter: 'epci',
			commune_count: 12,
			epci2015_siren: '200000001',
			epci_name: 'CA de A',
			commune_code: null,
			departement_code: '01',
			departement: 'Ain',
			region: 'Auvergne-Rhône-Alpes',
			population_qpv_published: 1500
		});
		const cv003 = (await parts('CV003')).contrat;
		expect([cv003.epci_name, cv003.departement, cv003.region]).toEqual([null, null, null]);
	});

	it('orders each list as the page reads it, numbers exact', async () => {
		const p = await parts('CV001');
		expect(p.qpv.map((q: { code: string }) => q.code)).toEqual(['QP001001', 'QP001002']);
		expect(p.qpv[0]).toEqual({
			code: 'QP001001',
			name: null,
			communes: 'A',
			population_2013: null,
			population_2018: 700,
			method: 'commune_epci2015'
		});
		expect(p.posts.map((r: { kind: string; year: number }) => `${r.kind} ${r.year}`)).toEqual([
			'adulte_relais 2020',
			'adulte_relais 2022',
			'fonjep 2021'
		]);
		expect(p.posts[1].amount_eur).toBe(20000.5);
		expect(p.cites.map((c: { id: string }) => c.id)).toEqual(['C1', 'C2', 'E1']);
		// cohésion sociale, emploi, cadre de vie, then the others.
		expect(p.pillar_projects.map((r: { projects: number }) => r.projects)).toEqual([4, 3, 2, 1]);
		expect(p.pillar_projects[0].per_1000).toBe(4 / 1.5);
		expect(p.pillar_projects[0].peer_median).toBeNull();
		expect(p.post_rates.map((r: { kind: string }) => r.kind)).toEqual(['adulte_relais', 'fonjep']);
		expect(
			p.shared_posts.map(
				(r: { post_id: string; via_multi_code: boolean }) => `${r.post_id} ${r.via_multi_code}`
			)
		).toEqual(['P1 false', 'P2 false', 'P2 true']);
		expect(p.funded_total).toEqual({
			source_path: 'p.gpkg',
			source_line: 7,
			published_name: 'CA DE A'
		});
	});

	it('writes empty lists and no funded total for a contrat without rows', async () => {
		const p = await parts('CV002');
		expect(p.funded_total).toBeNull();
		expect([p.posts, p.cites, p.pillar_projects, p.post_rates, p.shared_posts]).toEqual([
			[],
			[],
			[],
			[],
			[]
		]);
		expect(p.qpv.map((q: { method: string }) => q.method)).toEqual(['override']);
	});
});
