import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { BuildDb } from '../../../pipelines/lib/build-db';
import { LedgerRegistry } from '../../../pipelines/lib/ledger';
import type { BuildContext } from '../../../pipelines/lib/step';
import { indicatorsStep } from '../../../pipelines/steps/indicators';

const dir = (sub: string) => fileURLToPath(new URL(`../../fixtures/traps/${sub}`, import.meta.url));

async function context(): Promise<BuildContext> {
	return {
		rawDir: dir('raw'),
		referenceDir: dir('reference'),
		db: await BuildDb.open(':memory:'),
		ledgers: new LedgerRegistry(),
		read: new Set(),
		report: {},
		log: () => {}
	};
}

describe('indicatorsStep', () => {
	it('writes the validated catalogue and accounts for the Hackaviz dictionaries', async () => {
		const ctx = await context();
		await indicatorsStep.run(ctx);
		const rows = await ctx.db.query<{ id: string; numerator_id: string | null }>(
			'SELECT id, numerator_id FROM indicators ORDER BY id'
		);
		expect(rows).toHaveLength(13);
		expect(rows[0]).toEqual({ id: 'allocataires_caf', numerator_id: null });
		expect([...ctx.read].sort()).toEqual([
			'qpv-occitanie-hackaviz/meta_contours_qp.csv',
			'qpv-occitanie-hackaviz/meta_qp.csv',
			'reference/indicators.csv'
		]);
		const meta = ctx.ledgers.for('qpv-occitanie-hackaviz/meta_qp.csv');
		// ec_mat (catalogued) is loaded; code_qp and pop_mun document other columns.
		expect([meta.rowsLoaded, meta.rowsAggregate, meta.balanced]).toEqual([1, 2, true]);
		expect(ctx.ledgers.for('qpv-occitanie-hackaviz/meta_contours_qp.csv').rowsAggregate).toBe(1);
		expect(ctx.ledgers.all().every((l) => l.balanced)).toBe(true);
		await ctx.db.close();
	});
});
