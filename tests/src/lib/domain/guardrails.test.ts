import { describe, expect, it } from 'vitest';
import { collectGuardrails } from '../../../../src/lib/domain/guardrails';
import { medianIncome, obs, population, povertyRate } from '../../../fixtures/domain/indicators';

describe('collectGuardrails', () => {
	it('reports secret vintages as unpublished, not zero', () => {
		const g = collectGuardrails(povertyRate, [
			obs({ vintage: 2017, value: 40 }),
			obs({ vintage: 2018, value: null })
		]);
		expect(g).toContainEqual({
			kind: 'secret',
			vintages: [2018],
			message: 'Secret statistique en 2018 : la valeur n’est pas publiée (ce n’est pas un zéro).'
		});
	});
	it('reports the REVN 2020 vintage absent from the source', () => {
		const g = collectGuardrails(
			povertyRate,
			[2017, 2018, 2019, 2021, 2022].map((y) => obs({ vintage: y, value: 40 }))
		);
		expect(g).toEqual([
			{
				kind: 'missing_vintage',
				vintages: [2020],
				message:
					'Millésime 2020 absent de la source (sig-ville/REVN) : pas de valeur pour cette année.'
			}
		]);
	});
	it('warns that DEMO populations 2017–2020 come from the same census', () => {
		const g = collectGuardrails(
			population,
			[2017, 2018, 2019, 2020, 2021].map((y) =>
				obs({ vintage: y, value: y < 2021 ? 6056 : 6490, source_path: `sig-ville/DEMO_${y}.csv` })
			)
		);
		const census = g.find((x) => x.kind === 'same_census');
		expect(census?.vintages).toEqual([2017, 2018, 2019, 2020]);
		expect(census?.message).toBe(
			'Millésimes 2017, 2018, 2019 et 2020 : même recensement (RP 2013). Les comparer ne montre aucune évolution, par construction.'
		);
	});
	it('does not raise the census warning for DEMO rates', () => {
		const rate = { ...population, source_columns: 'TX_TOT_ET' };
		const g = collectGuardrails(
			rate,
			[2017, 2018].map((y) =>
				obs({ vintage: y, value: 15, source_path: `sig-ville/DEMO_${y}.csv` })
			)
		);
		expect(g).toEqual([]);
	});
	it('reports non-comparable vintages once per reason', () => {
		const g = collectGuardrails(
			medianIncome,
			[16, 17, 18].map((y) =>
				obs({
					vintage: 2004 + y,
					value: 12000,
					source_path: `filosofi-qpv/data_filo${y}_qp_revdis.csv`
				})
			)
		);
		const nc = g.filter((x) => x.kind === 'non_comparable');
		expect(nc).toHaveLength(1);
		expect(nc[0]!.vintages).toEqual([2020, 2021, 2022]);
		expect(nc[0]!.message).toContain('déconseille');
	});
	it('checks each source family on its own and never calls two families a rupture', () => {
		const g = collectGuardrails(povertyRate, [
			obs({ vintage: 2016, value: 40, source_path: 'filosofi-qpv/data_filo16_qp_revdis.csv' }),
			obs({ vintage: 2017, value: 41, source_path: 'filosofi-qpv/data_filo17_qp_revdis.csv' }),
			obs({ vintage: 2017, value: 44 }),
			obs({ vintage: 2018, value: 43 })
		]);
		expect(g).toEqual([]);
	});
});
