// qpv_page_ranks on a few rank rows worked out by hand: per QPV and indicator, the row of the latest
// period from 2015 to 2022, the one the QPV page shows (endpoints' latest published point).
import { beforeAll, describe, expect, it } from 'vitest';
import type { BuildContext, Step } from '../../../pipelines/lib/step';
import { qpvPageRanksStep } from '../../../pipelines/steps/qpv-page-ranks';
import { qpvRanksTable } from '../../../src/lib/schemas/indicators';
import { runSteps } from './memory-context';

/**
 * QP001001: taux_emploi in 2013, 2016 and 2019 (latest 2019); tx_pauvrete_60 only in 2014 and 2023
 * (outside 2015–2022: no row); revenu_disponible_median in 2022 and 2021, written out of order
 * (latest 2022). QP001002: taux_emploi as a vintage in 2015 only (the first year counts).
 */
const fixture: Step = {
	table: 'fixture',
	async run(ctx) {
		await ctx.db.create(qpvRanksTable);
		await ctx.db.run(`INSERT INTO qpv_ranks VALUES
		   ('QP001002', 'taux_emploi', 2015, 'millesime', 7, 9),
		   ('QP001001', 'taux_emploi', 2013, 'annee_donnees', 1, 10),
		   ('QP001001', 'taux_emploi', 2016, 'annee_donnees', 2, 11),
		   ('QP001001', 'taux_emploi', 2019, 'annee_donnees', 3, 12),
		   ('QP001001', 'tx_pauvrete_60', 2014, 'annee_donnees', 4, 13),
		   ('QP001001', 'tx_pauvrete_60', 2023, 'annee_donnees', 5, 14),
		   ('QP001001', 'revenu_disponible_median', 2022, 'annee_donnees', 6, 15),
		   ('QP001001', 'revenu_disponible_median', 2021, 'annee_donnees', 8, 16)`);
	}
};

let ctx: BuildContext;
beforeAll(async () => {
	ctx = await runSteps('', [fixture, qpvPageRanksStep]);
});

describe('qpv_page_ranks', () => {
	it('keeps each QPV’s rank at the latest period from 2015 to 2022, in page order', async () => {
		expect(await ctx.db.query('SELECT * FROM qpv_page_ranks')).toEqual([
			{
				qpv_code: 'QP001001',
				indicator_id: 'revenu_disponible_median',
				period: 2022,
				period_kind: 'annee_donnees',
				rank: 6,
				n: 15
			},
			{
				qpv_code: 'QP001001',
				indicator_id: 'taux_emploi',
				period: 2019,
				period_kind: 'annee_donnees',
				rank: 3,
				n: 12
			},
			{
				qpv_code: 'QP001002',
				indicator_id: 'taux_emploi',
				period: 2015,
				period_kind: 'millesime',
				rank: 7,
				n: 9
			}
		]);
	});
});
