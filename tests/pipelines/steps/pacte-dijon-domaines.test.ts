import { describe, expect, it } from 'vitest';
import { pacteDijonDomainesStep } from '../../../pipelines/steps/pacte-dijon-domaines';
import { referenceContext, runSteps } from './referentiels-context';

describe('pacteDijonDomainesStep', () => {
	it('keeps the lead only where the sources give it', async () => {
		const ctx = await referenceContext();
		await runSteps(ctx, [pacteDijonDomainesStep]);
		const rows = await ctx.db.query<{ id: string; lead: string | null }>(
			'SELECT id, lead FROM pacte_dijon_domaines'
		);
		const lead = Object.fromEntries(rows.map((r) => [r.id, r.lead]));
		expect(lead.mobilites).toBe('intercommunalite');
		expect(lead.sante).toBe('etat');
		expect(lead.numerique).toBeNull();
	});
});
