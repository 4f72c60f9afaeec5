import { describe, expect, it } from 'vitest';
import { faitsAttestesStep } from '../../../pipelines/steps/faits-attestes';
import { mesuresStep } from '../../../pipelines/steps/mesures';
import { programmesStep } from '../../../pipelines/steps/programmes';
import { referenceContext, runSteps } from './referentiels-context';

describe('faitsAttestesStep', () => {
	it('loads the dated figures with their sources when the real file is read', async () => {
		const ctx = await referenceContext();
		await runSteps(ctx, [programmesStep, mesuresStep, faitsAttestesStep]);
		const rows = await ctx.db.query<{
			subject: string;
			date: string;
			value: number;
			source_urls: string;
		}>('SELECT subject, date, value, source_urls FROM faits_attestes');
		const paqte2021 = rows
			.filter((r) => r.subject === 'paqte' && r.date === '2021-04')
			.map((r) => r.value);
		expect(paqte2021).toEqual(expect.arrayContaining([2200, 67, 81700, 41150]));
		const circular = rows.find((r) => r.subject === 'feuille_de_route' && r.value === 26);
		expect(circular?.date).toBe('2019-01-22');
		expect(rows.find((r) => r.subject === 'M08')?.value).toBe(20000);
	});

	it('fails naming the line and value when a date is invalid', async () => {
		const ctx = await referenceContext({ 'faits-attestes.csv': 'faits-date-invalide.csv' });
		await runSteps(ctx, [programmesStep, mesuresStep]);
		await expect(faitsAttestesStep.run(ctx)).rejects.toThrow(
			/reference\/faits-attestes\.csv : 1 erreur :\n {2}ligne 3, colonne « date » : « 2020-13 » — date invalide/
		);
	});

	it('fails when a fact is about a measure that is not attested', async () => {
		const ctx = await referenceContext({ 'faits-attestes.csv': 'faits-sujet-non-atteste.csv' });
		await runSteps(ctx, [programmesStep, mesuresStep]);
		await expect(faitsAttestesStep.run(ctx)).rejects.toThrow(
			/ligne 3, colonne « subject » : « M20 » — sujet inconnu ou mesure non attestée/
		);
	});
});
