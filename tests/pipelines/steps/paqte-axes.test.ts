import { describe, expect, it } from 'vitest';
import { paqteAxesStep } from '../../../pipelines/steps/paqte-axes';
import { referenceContext, runSteps } from './referentiels-context';

describe('paqteAxesStep', () => {
	it('loads the 4 axes sensibiliser, former, recruter, acheter', async () => {
		const ctx = await referenceContext();
		await runSteps(ctx, [paqteAxesStep]);
		const rows = await ctx.db.query<{ id: string }>('SELECT id FROM paqte_axes ORDER BY id');
		expect(rows.map((r) => r.id)).toEqual(['acheter', 'former', 'recruter', 'sensibiliser']);
	});
});
