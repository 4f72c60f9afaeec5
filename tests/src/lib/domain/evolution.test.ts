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

/** A canonical point (one value per data year; segment changes at a declared break). */
const pt = (period: number, value: number | null, segment = 0, status = 'ok') => ({
	period,
	value: status === 'ok' ? value : null,
	status,
	segment,
	territory_type: 'qpv' as const
});

describe('computeEvolution', () => {
	it('reads QP001001 poverty from 2015 (first data year of the contrats) to 2019, in points', () => {
		// canonical_series, QP001001: REVN_2017 l.3 = 38.6 (data 2013) … data_filo19 l.3 = 41.9.
		const e = computeEvolution(povertyRate, [
			pt(2013, 38.6),
			pt(2014, 38.8),
			pt(2015, 40.9),
			pt(2016, 40.0),
			pt(2017, 38.9),
			pt(2018, 41.4),
			pt(2019, 41.9)
		]);
		expect(e.baseline?.period).toBe(2015);
		expect(e.latest?.period).toBe(2019);
		expect(e.change).toBeCloseTo(1.0); // 41.9 − 40.9
		expect(e.changeInPoints).toBe(true);
		expect(e.relativeChange).toBeNull();
		expect(e.verdict).toBe('degradation');
	});
	it('never reads a trend across a break: the baseline moves after it (IPRO 2019)', () => {
		// QP001001 employment: 53.5 in 2017 and 2018 (identical files), 43.2 from 2019, 44.6 in 2022.
		const e = computeEvolution(employmentRate, [
			pt(2017, 53.5, 0),
			pt(2018, 53.5, 0),
			pt(2019, 43.2, 1),
			pt(2022, 44.6, 1)
		]);
		expect(e.baseline?.period).toBe(2019);
		expect(e.change).toBeCloseTo(1.4);
		expect(e.verdict).toBe('amelioration');
		expect(e.warnings[0]).toBe(
			'Rupture de série en 2019 : évolution lue depuis 2019, pas depuis 2017.'
		);
		const across = computeEvolution(employmentRate, [pt(2017, 53.5, 0), pt(2019, 43.2, 1)]);
		expect(across.change).toBeNull();
		expect(across.verdict).toBe('indetermine');
	});
	it('skips secret periods for baseline and latest instead of reading them as 0', () => {
		const e = computeEvolution(jobSeekers, [
			pt(2017, null, 0, 'secret'),
			pt(2018, 200),
			pt(2021, 180),
			pt(2022, null, 0, 'secret')
		]);
		expect(e.baseline?.period).toBe(2018);
		expect(e.latest?.period).toBe(2021);
		expect(e.relativeChange).toBeCloseTo(-10); // (180 − 200) / 200
		expect(e.verdict).toBe('amelioration');
	});
	it('ignores data years before 2015 and after 2022', () => {
		const e = computeEvolution(jobSeekers, [
			pt(2013, 100),
			pt(2016, 120),
			pt(2020, 120),
			pt(2023, 50)
		]);
		expect(e.baseline?.period).toBe(2016);
		expect(e.latest?.period).toBe(2020);
		expect(e.verdict).toBe('stable');
	});
	it('does not judge a neutral indicator or a single year', () => {
		const pop = computeEvolution(population, [pt(2016, 6056), pt(2019, 6490)]);
		expect(pop.change).toBe(434);
		expect(pop.verdict).toBe('indetermine');
		const single = computeEvolution(jobSeekers, [pt(2019, 10)]);
		expect(single.verdict).toBe('indetermine');
		expect(single.change).toBeNull();
		expect(computeEvolution(jobSeekers, []).warnings[0]).toBe('Aucune valeur publiée depuis 2015.');
	});
	it('keeps the INSEE advice on QPV figures as a warning, not a veto', () => {
		const e = computeEvolution(medianIncome, [pt(2015, 12000), pt(2019, 13000)]);
		expect(e.change).toBe(1000);
		expect(e.verdict).toBe('amelioration');
		expect(e.warnings.join(' ')).toContain('déconseille');
	});
	it('gives no relative change when the baseline is 0', () => {
		const e = computeEvolution(jobSeekers, [pt(2017, 0), pt(2021, 5)]);
		expect(e.relativeChange).toBeNull();
		expect(e.verdict).toBe('degradation');
	});
});
