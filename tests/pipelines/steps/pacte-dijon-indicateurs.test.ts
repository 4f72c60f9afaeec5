import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readCsv } from '../../../pipelines/lib/csv';
import { parseReferenceCsv } from '../../../pipelines/lib/reference-csv';
import { pacteDijonDomainesStep } from '../../../pipelines/steps/pacte-dijon-domaines';
import { pacteDijonIndicateursStep } from '../../../pipelines/steps/pacte-dijon-indicateurs';
import { citesTable } from '../../../src/lib/schemas/dispositifs';
import { pacteDijonIndicateursTable } from '../../../src/lib/schemas/referentiels';
import { referenceContext, referenceDir, runSteps } from './referentiels-context';
import { rawTargetExists } from './raw-targets';

describe('pacte-dijon-indicateurs.csv', () => {
	it('points every link to an id present in the raw files or the indicator catalogue', () => {
		const csv = readCsv(
			join(referenceDir, 'pacte-dijon-indicateurs.csv'),
			'pacte-dijon-indicateurs.csv'
		);
		const links = parseReferenceCsv(csv, pacteDijonIndicateursTable).map((r) => r.row);
		const missing = links.filter((l) => !rawTargetExists(l));
		expect(links.length).toBeGreaterThan(0);
		expect(missing).toEqual([]);
	});
});

describe('pacteDijonIndicateursStep', () => {
	it('reports the domains left without a series', async () => {
		const ctx = await referenceContext();
		await runSteps(ctx, [pacteDijonDomainesStep, pacteDijonIndicateursStep]);
		const report = ctx.report.referentiels as Record<string, unknown>;
		expect(report.pacte_domains).toBe(10);
		expect(report.pacte_domains_without_indicator).toContain('mobilites');
		expect(report.pacte_domains_without_indicator).not.toContain('sante');
	});

	it('fails naming a dispositif kind absent from the built cites table', async () => {
		const ctx = await referenceContext();
		await runSteps(ctx, [pacteDijonDomainesStep]);
		// cites is built but only holds cités éducatives: the cite_emploi link has no target.
		const cite = {
			name: 'Essai',
			communes_label: '',
			longitude: null,
			latitude: null,
			source_path: 'essai'
		};
		await ctx.db.insert(citesTable, [{ ...cite, kind: 'cite_educative', id: 'cite-001' }]);
		await expect(pacteDijonIndicateursStep.run(ctx)).rejects.toThrow(
			/^reference\/pacte-dijon-indicateurs\.csv : 1 erreur :\n.*« cite_emploi » — cible absente de cites$/
		);
	});
});
