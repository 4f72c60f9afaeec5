// The contrat pages' means tables, on five contrats whose figures are worked out by hand below.
import { beforeAll, describe, expect, it } from 'vitest';
import type { BuildContext, Step } from '../../../pipelines/lib/step';
import { contratPillarProjectsStep } from '../../../pipelines/steps/contrat-pillar-projects';
import { contratPostRatesStep } from '../../../pipelines/steps/contrat-post-rates';
import { runSteps } from './memory-context';

/**
 * CV001–CV003 have a project count and QPV of 1,000, 2,000 and 4,000 inhabitants; CV004 (500) has
 * no count; CV005's QPV population is unknown. Only the columns the steps read are created.
 */
const fixture: Step = {
	table: 'fixture',
	async run(ctx) {
		for (const sql of [
			`CREATE TABLE contrats AS SELECT * FROM (VALUES ('CV001'), ('CV002'), ('CV003'), ('CV004'), ('CV005')) t(code)`,
			`CREATE TABLE qpv AS SELECT * FROM (VALUES ('QP001001', 1000), ('QP001002', 2000),
			   ('QP001003', 4000), ('QP001004', 500), ('QP001005', NULL)) t(code, population_2018)`,
			`CREATE TABLE qpv_contrat AS SELECT * FROM (VALUES ('QP001001', 'CV001'), ('QP001002', 'CV002'),
			   ('QP001003', 'CV003'), ('QP001004', 'CV004'), ('QP001005', 'CV005')) t(qpv_code, contrat_code)`,
			`CREATE TABLE funded_project_totals AS SELECT * FROM (VALUES ('CV001'), ('CV002'), ('CV003'), ('CV005')) t(contrat_code)`,
			`CREATE TABLE funded_projects AS SELECT * FROM (VALUES ('CV001', 'cohesion_sociale', 10),
			   ('CV001', 'pilotage', 2), ('CV002', 'cohesion_sociale', 4),
			   ('CV003', 'emploi_developpement_economique', 8), ('CV003', 'cohesion_sociale', 8)) t(contrat_code, pillar, projects)`,
			// p2 is under CV001 and CV002; p3 only under CV005, whose population is unknown.
			`CREATE TABLE post_contrats AS SELECT * FROM (VALUES
			   ('adulte_relais', 2020, 'p1', 'CV001', 1), ('adulte_relais', 2020, 'p2', 'CV001', 2),
			   ('adulte_relais', 2020, 'p2', 'CV002', 2), ('adulte_relais', 2020, 'p3', 'CV005', 1),
			   ('fonjep', 2021, 'f1', 'CV002', 1)) t(kind, year, post_id, contrat_code, contrat_count)`,
			// What contrat_posts counts from post_contrats: posts, and those also under another contrat.
			`CREATE TABLE contrat_posts AS SELECT * FROM (VALUES ('CV001', 'adulte_relais', 2020, 2, 1),
			   ('CV002', 'adulte_relais', 2020, 1, 1), ('CV005', 'adulte_relais', 2020, 1, 0),
			   ('CV002', 'fonjep', 2021, 1, 0)) t(contrat_code, kind, year, posts, shared_posts)`
		])
			await ctx.db.run(sql);
	}
};

let ctx: BuildContext;
beforeAll(async () => {
	ctx = await runSteps('', [fixture, contratPillarProjectsStep, contratPostRatesStep]);
});

const rows = (sql: string) => ctx.db.query<Record<string, unknown>>(sql);

describe('contrat_pillar_projects', () => {
	it('leaves out the contrats without a count or a known population', async () => {
		const codes = await rows(
			'SELECT DISTINCT contrat_code FROM contrat_pillar_projects ORDER BY 1'
		);
		expect(codes.map((r) => r.contrat_code)).toEqual(['CV001', 'CV002', 'CV003']);
	});

	it('sets each rate against all contrats and the nearest ones (rates 10, 2, 2 in cohésion)', async () => {
		const cohesion = await rows(
			`SELECT contrat_code, projects, per_1000, national_projects, national_q1, national_median,
			        national_q3, contrats, below, peer_median, peers
			 FROM contrat_pillar_projects WHERE pillar = 'cohesion_sociale' ORDER BY contrat_code`
		);
		const national = { national_projects: 22, national_q1: 2, national_median: 2, national_q3: 6 };
		expect(cohesion).toEqual([
			{
				contrat_code: 'CV001',
				projects: 10,
				per_1000: 10,
				...national,
				contrats: 3,
				below: 2,
				peer_median: 2,
				peers: 2
			},
			{
				contrat_code: 'CV002',
				projects: 4,
				per_1000: 2,
				...national,
				contrats: 3,
				below: 0,
				peer_median: 6,
				peers: 2
			},
			{
				contrat_code: 'CV003',
				projects: 8,
				per_1000: 2,
				...national,
				contrats: 3,
				below: 0,
				peer_median: 6,
				peers: 2
			}
		]);
	});

	it('counts 0 in a pillar without a row (rates 0, 0, 2 in emploi)', async () => {
		const emploi = await rows(
			`SELECT contrat_code, projects, per_1000, national_q3, below, peer_median
			 FROM contrat_pillar_projects WHERE pillar = 'emploi_developpement_economique' ORDER BY 1`
		);
		expect(emploi).toEqual([
			{ contrat_code: 'CV001', projects: 0, per_1000: 0, national_q3: 1, below: 0, peer_median: 1 },
			{ contrat_code: 'CV002', projects: 0, per_1000: 0, national_q3: 1, below: 0, peer_median: 1 },
			{ contrat_code: 'CV003', projects: 8, per_1000: 2, national_q3: 1, below: 2, peer_median: 0 }
		]);
	});
});

describe('contrat_post_rates', () => {
	it('gives every contrat every year, its distinct posts and France’s rate', async () => {
		const all = await rows(
			`SELECT contrat_code, kind, year, posts, shared_posts, per_1000, national_per_1000
			 FROM contrat_post_rates ORDER BY contrat_code, kind, year`
		);
		expect(all).toHaveLength(10);
		// France: 2 posts (p1, p2) over 7,500 inhabitants (CV005 has no known population).
		const byKey = new Map(all.map((r) => [`${r.contrat_code} ${r.kind}`, r]));
		expect(byKey.get('CV001 adulte_relais')).toMatchObject({
			posts: 2,
			shared_posts: 1,
			per_1000: 2
		});
		expect(byKey.get('CV001 adulte_relais')!.national_per_1000).toBeCloseTo(2000 / 7500, 12);
		expect(byKey.get('CV001 fonjep')).toMatchObject({ year: 2021, posts: 0, per_1000: 0 });
		expect(byKey.get('CV002 adulte_relais')).toMatchObject({
			posts: 1,
			shared_posts: 1,
			per_1000: 0.5
		});
		expect(byKey.get('CV002 fonjep')!.national_per_1000).toBeCloseTo(1000 / 7500, 12);
		expect(byKey.get('CV005 adulte_relais')).toMatchObject({ posts: 1, per_1000: null });
		expect(byKey.get('CV004 fonjep')).toMatchObject({ posts: 0, per_1000: 0 });
	});
});
