// qpv_ranks on a canonical series worked out by hand: the same rows in the same order whether
// the series is stored in its key order (sorted by its row number) or not (sorted by the columns).
import { describe, expect, it } from 'vitest';
import type { BuildContext } from '../../../pipelines/lib/step';
import { canonicalSeriesStep } from '../../../pipelines/steps/canonical-series';
import { qpvRanksStep } from '../../../pipelines/steps/qpv-ranks';
import { seriesBreaksTable } from '../../../src/lib/schemas/evaluation';
import { observationsTable } from '../../../src/lib/schemas/indicators';
import { obs } from './evaluation-fixtures';
import { runSteps } from './memory-context';

const FILO17 = 'filosofi-qpv/data_filo17_qp_revdis.csv';
const IPRO18 = 'sig-ville/IPRO_2018.csv';
const PANEL = 'qpv-2015/panel_qpv_complet_v2.csv';

/**
 * Data year 2017: QP001002 (30) below QP001001 (40); QP001003 secret, not ranked. Vintage 2017
 * (no data year): QP001001 alone. Vintage 2018: QP001001 (50) below QP001002 (60).
 */
const fixture = {
	table: 'fixture',
	async run(ctx: BuildContext) {
		await ctx.db.insert(observationsTable, [
			obs('tx_pauvrete_60', 'QP001002', FILO17, 2017, 2017, 30),
			obs('tx_pauvrete_60', 'QP001001', FILO17, 2017, 2017, 40),
			obs('tx_pauvrete_60', 'QP001003', FILO17, 2017, 2017, null),
			obs('tx_pauvrete_60', 'QP001001', PANEL, 2017, null, 41),
			obs('taux_emploi', 'QP001002', IPRO18, 2018, null, 60),
			obs('taux_emploi', 'QP001001', IPRO18, 2018, null, 50)
		]);
		await ctx.db.create(seriesBreaksTable);
	}
};

/** Stores canonical_series in reverse order: its order is then unknown to the build. */
const reversed = {
	table: 'reversed',
	async run(ctx: BuildContext) {
		await ctx.db.run(
			'CREATE OR REPLACE TABLE canonical_series AS SELECT * FROM canonical_series ORDER BY rowid DESC'
		);
	}
};

const expected = [
	['QP001001', 'taux_emploi', 2018, 'millesime', 1, 2],
	['QP001001', 'tx_pauvrete_60', 2017, 'annee_donnees', 2, 2],
	['QP001001', 'tx_pauvrete_60', 2017, 'millesime', 1, 1],
	['QP001002', 'taux_emploi', 2018, 'millesime', 2, 2],
	['QP001002', 'tx_pauvrete_60', 2017, 'annee_donnees', 1, 2]
];

async function ranks(ctx: BuildContext): Promise<unknown[][]> {
	const rows = await ctx.db.query<Record<string, unknown>>(
		'SELECT qpv_code, indicator_id, period, period_kind, rank, n FROM qpv_ranks ORDER BY rowid'
	);
	return rows.map((r) => Object.values(r));
}

describe('qpv_ranks', () => {
	it('ranks each QPV per indicator, period and kind, stored in its key order', async () => {
		const ctx = await runSteps('', [fixture, canonicalSeriesStep, qpvRanksStep]);
		expect(ctx.db.tableState('canonical_series')).toBe('sorted');
		expect(await ranks(ctx)).toEqual(expected);
	});

	it('gives the same rows in the same order from a series stored in another order', async () => {
		const ctx = await runSteps('', [fixture, canonicalSeriesStep, reversed, qpvRanksStep]);
		expect(ctx.db.tableState('canonical_series')).toBe('unsorted');
		expect(await ranks(ctx)).toEqual(expected);
	});
});
