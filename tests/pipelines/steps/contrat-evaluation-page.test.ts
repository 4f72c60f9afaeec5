// The contrat page's evaluation page model on a small case worked out by hand: two contrats sharing
// one QPV, synthesis rows written out of order, a QPV in no contrat and a contrat without rows.
import { beforeAll, describe, expect, it } from 'vitest';
import type { BuildContext, Step } from '../../../pipelines/lib/step';
import { contratEvaluationPageStep } from '../../../pipelines/steps/contrat-evaluation-page';
import { runSteps } from './memory-context';

/** Only a few columns per table: the model copies whatever columns the rows have. */
const fixture: Step = {
	table: 'fixture',
	async run(ctx) {
		for (const sql of [
			`CREATE TABLE contrats AS SELECT * FROM (VALUES ('CV001'), ('CV002'), ('CV003')) t(code)`,
			`CREATE TABLE contrat_synthesis AS SELECT * FROM (VALUES
			   ('CV001', 'taux_emploi', 3::INTEGER, 0.1::DOUBLE, NULL::VARCHAR),
			   ('CV001', 'revenu', 2::INTEGER, -9.0::DOUBLE, 'QP001001'),
			   ('CV002', 'revenu', 1::INTEGER, 1234.5678::DOUBLE, NULL::VARCHAR))
			   t(contrat_code, indicator_id, n_qpv, figure_change, furthest_qpv_code)`,
			// QP001002 is in CV001 and CV002; QP001003 in no contrat; CV003 has no QPV.
			`CREATE TABLE contrat_qpv AS SELECT * FROM (VALUES ('CV001', 'QP001002'),
			   ('CV001', 'QP001001'), ('CV002', 'QP001002')) t(contrat_code, code)`,
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
});
