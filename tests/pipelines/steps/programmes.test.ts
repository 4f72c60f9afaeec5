import { describe, expect, it } from 'vitest';
import { programmesStep } from '../../../pipelines/steps/programmes';
import { referenceContext, runSteps } from './referentiels-context';

describe('programmesStep', () => {
	it('loads the 5 programmes of the feuille de route with their sources', async () => {
		const ctx = await referenceContext();
		await runSteps(ctx, [programmesStep]);
		const rows = await ctx.db.query<{ id: string; source_urls: string }>(
			'SELECT id, source_urls FROM programmes'
		);
		expect(rows.map((r) => r.id).sort()).toEqual([
			'education',
			'emploi',
			'lien_social',
			'logement',
			'securite'
		]);
		expect(rows.every((r) => r.source_urls.includes('weka.fr/'))).toBe(true);
	});
});
