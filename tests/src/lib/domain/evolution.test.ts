import { describe, expect, it } from 'vitest';
import {
	computeEvolution,
	STABLE_RATE_POINTS,
	STABLE_RELATIVE_PERCENT,
	verdictFor
} from '../../../../src/lib/domain/evolution';
import {
	employmentRate,
	jobSeekers,
	medianIncome,
	obs,
	population,
	povertyRate
} from '../../../fixtures/domain/indicators';

describe('verdictFor', () => {
	it('lets the direction decide improvement for the same change', () => {
		expect(verdictFor('down', '%', -3, null)).toBe('amelioration');
		expect(verdictFor('up', '%', -3, null)).toBe('degradation');
		expect(verdictFor('up', '%', 3, null)).toBe('amelioration');
		expect(verdictFor('neutral', '%', 3, null)).toBe('indetermine');
	});
	it('reads small changes as stable with the documented thresholds', () => {
		expect(STABLE_RATE_POINTS).toBe(0.5);
		expect(STABLE_RELATIVE_PERCENT).toBe(1);
		expect(verdictFor('down', '%', 0.4, null)).toBe('stable');
		expect(verdictFor('down', '%', 0.6, null)).toBe('degradation');
		expect(verdictFor('down', 'personnes', 9, 0.9)).toBe('stable');
		expect(verdictFor('down', 'personnes', 11, 1.1)).toBe('degradation');
	});
});

describe('computeEvolution', () => {
	it('uses points for a rate and reads a falling poverty rate as an improvement', () => {
		const e = computeEvolution(povertyRate, [
			obs({ vintage: 2017, value: 44.1, reference_year: 2013 }),
			obs({ vintage: 2019, value: 43.0 }),
			obs({ vintage: 2021, value: 41.6 })
		]);
		expect(e.baseline?.vintage).toBe(2017);
		expect(e.baselineNote).toBe('référence : données 2013 (millésime 2017)');
		expect(e.latest?.vintage).toBe(2021);
		expect(e.change).toBeCloseTo(-2.5);
		expect(e.changeInPoints).toBe(true);
		expect(e.relativeChange).toBeNull();
		expect(e.verdict).toBe('amelioration');
		expect(e.verdictLabel).toBe('en amélioration');
	});
	it('reads a falling employment rate as a degradation', () => {
		const e = computeEvolution(employmentRate, [
			obs({ vintage: 2017, value: 45 }),
			obs({ vintage: 2022, value: 42 })
		]);
		expect(e.verdict).toBe('degradation');
		expect(e.verdictLabel).toBe('en dégradation');
	});
	it('skips secret vintages for baseline and latest instead of reading them as 0', () => {
		const e = computeEvolution(jobSeekers, [
			obs({ vintage: 2017, value: null, status: 'secret' }),
			obs({ vintage: 2018, value: 200 }),
			obs({ vintage: 2021, value: 180 }),
			obs({ vintage: 2022, value: null, status: 'secret' })
		]);
		expect(e.baseline?.vintage).toBe(2018);
		expect(e.latest?.vintage).toBe(2021);
		expect(e.relativeChange).toBeCloseTo(-10);
		expect(e.verdict).toBe('amelioration');
	});
	it('ignores vintages before 2015 for the baseline', () => {
		const e = computeEvolution(jobSeekers, [
			obs({ vintage: 2013, value: 100 }),
			obs({ vintage: 2016, value: 120 }),
			obs({ vintage: 2020, value: 120 })
		]);
		expect(e.baseline?.vintage).toBe(2016);
		expect(e.verdict).toBe('stable');
	});
	it('is not interpretable for a neutral indicator or a single value', () => {
		expect(
			computeEvolution(population, [
				obs({ vintage: 2017, value: 6056 }),
				obs({ vintage: 2021, value: 6490 })
			]).verdict
		).toBe('indetermine');
		const single = computeEvolution(jobSeekers, [obs({ vintage: 2019, value: 10 })]);
		expect(single.verdict).toBe('indetermine');
		expect(single.change).toBeNull();
		expect(computeEvolution(jobSeekers, []).baselineNote).toBe(
			'aucune valeur disponible depuis 2015'
		);
	});
	it('keeps the change but withholds the verdict when INSEE advises against comparing', () => {
		const e = computeEvolution(medianIncome, [
			obs({ vintage: 2017, value: 12000, source_path: 'filosofi-qpv/data_filo16_qp_revdis.csv' }),
			obs({ vintage: 2020, value: 13000, source_path: 'filosofi-qpv/data_filo19_qp_revdis.csv' })
		]);
		expect(e.change).toBe(1000);
		expect(e.comparability?.comparable).toBe(false);
		expect(e.verdict).toBe('indetermine');
		expect(e.warnings.join(' ')).toContain('déconseille');
	});
	it('gives no relative change when the baseline is 0', () => {
		const e = computeEvolution(jobSeekers, [
			obs({ vintage: 2017, value: 0 }),
			obs({ vintage: 2021, value: 5 })
		]);
		expect(e.relativeChange).toBeNull();
		expect(e.verdict).toBe('degradation');
	});

	it('reads the evolution within one source family and names the other', () => {
		const e = computeEvolution(medianIncome, [
			obs({
				vintage: 2016,
				value: 13690,
				reference_year: 2016,
				source_path: 'filosofi-qpv/data_filo16_qp_revdis.csv'
			}),
			obs({
				vintage: 2017,
				value: 13790,
				reference_year: 2017,
				source_path: 'filosofi-qpv/data_filo17_qp_revdis.csv'
			}),
			obs({ vintage: 2017, value: 13501, reference_year: 2013 }),
			obs({ vintage: 2019, value: 13365, reference_year: 2015 }),
			obs({ vintage: 2021, value: 13790, reference_year: 2017 })
		]);
		expect(e.family).toBe('sig-ville/REVN');
		expect(e.series.map((p) => p.value)).toEqual([13501, 13365, 13790]);
		expect(e.change).toBe(289);
		expect(e.warnings[0]).toBe(
			'Autre source pour cet indicateur (filosofi-qpv/data_filo_qp_revdis) : ses valeurs ne sont pas mises bout à bout avec celles-ci.'
		);
		const filo = computeEvolution(
			medianIncome,
			[
				obs({ vintage: 2016, value: 1, source_path: 'filosofi-qpv/data_filo16_qp_revdis.csv' }),
				obs({ vintage: 2021, value: 2 })
			],
			{ family: 'filosofi-qpv/data_filo_qp_revdis' }
		);
		expect(filo.series).toHaveLength(1);
	});
});
