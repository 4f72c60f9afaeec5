import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readCsv } from '../../../pipelines/lib/csv';
import { parseReferenceCsv } from '../../../pipelines/lib/reference-csv';
import { mesureIndicateursStep } from '../../../pipelines/steps/mesure-indicateurs';
import { mesuresStep } from '../../../pipelines/steps/mesures';
import { programmesStep } from '../../../pipelines/steps/programmes';
import { barometreIndicatorsTable } from '../../../src/lib/schemas/barometre';
import { mesureIndicateursTable } from '../../../src/lib/schemas/referentiels';
import { referenceContext, referenceDir, runSteps } from './referentiels-context';
import { rawTargetExists } from './raw-targets';

function realLinks() {
	const csv = readCsv(join(referenceDir, 'mesure-indicateurs.csv'), 'mesure-indicateurs.csv');
	return parseReferenceCsv(csv, mesureIndicateursTable).map((r) => r.row);
}

describe('mesure-indicateurs.csv', () => {
	it('points every link to an id present in the raw files or the indicator catalogue', () => {
		const links = realLinks();
		expect(links.length).toBeGreaterThan(0);
		const missing = links.filter((l) => !rawTargetExists(l));
		expect(missing).toEqual([]);
	});
});

describe('mesureIndicateursStep', () => {
	it('reports attested measures without a series when the targets cannot be checked', async () => {
		const ctx = await referenceContext();
		await runSteps(ctx, [programmesStep, mesuresStep, mesureIndicateursStep]);
		const report = ctx.report.referentiels as Record<string, unknown>;
		expect(report.attested).toBe(17);
		expect(report.non_documented).toBe(23);
		expect(report.measures_with_indicator).toContain('M03');
		expect(report.measures_without_indicator).toContain('M08');
		expect(report.measure_link_tables_unchecked).toEqual([
			'barometre_indicators',
			'cites',
			'dispositif_posts'
		]);
	});

	it('fails naming a Baromètre target that the built table does not hold', async () => {
		const ctx = await referenceContext({
			'mesure-indicateurs.csv': 'mesure-indicateurs-cible-absente.csv'
		});
		await runSteps(ctx, [programmesStep, mesuresStep]);
		const base = {
			source: 'etalab' as const,
			measure: null,
			unit: null,
			trend: null,
			description: null
		};
		await ctx.db.insert(barometreIndicatorsTable, [
			{ ...base, id: 'tx-classes-cp-ce1-rep', label: 'Essai' }
		]);
		await expect(mesureIndicateursStep.run(ctx)).rejects.toThrow(
			/ligne 3, colonne « target_id » : « nb-serie-inexistante » — cible absente de barometre_indicators/
		);
	});

	it('fails on a link from a measure that is not attested', async () => {
		const ctx = await referenceContext({
			'mesure-indicateurs.csv': 'mesure-indicateurs-non-atteste.csv'
		});
		await runSteps(ctx, [programmesStep, mesuresStep]);
		await expect(mesureIndicateursStep.run(ctx)).rejects.toThrow(
			/ligne 3, colonne « measure_id » : « M20 » — mesure inconnue ou non attestée/
		);
	});

	it('fails on an unknown dispositif and an unknown target kind, listing both lines', async () => {
		const ctx = await referenceContext({
			'mesure-indicateurs.csv': 'mesure-indicateurs-dispositif-inconnu.csv'
		});
		await runSteps(ctx, [programmesStep, mesuresStep]);
		const error = await mesureIndicateursStep.run(ctx).catch((e: Error) => e);
		expect(error?.message).toContain('2 erreurs');
		expect(error?.message).toContain(
			'ligne 2, colonne « target_id » : « cite_inconnue » — dispositif inconnu'
		);
		expect(error?.message).toContain(
			'ligne 3, colonne « target_kind » : « tableau » — type de cible inconnu'
		);
	});
});
