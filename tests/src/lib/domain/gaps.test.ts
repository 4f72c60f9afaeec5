import { describe, expect, it } from 'vitest';
import { computeGap, disadvantage, gapTrend } from '../../../../src/lib/domain/gaps';
import {
	employmentRate,
	indicator,
	medianIncome,
	povertyRate
} from '../../../fixtures/domain/indicators';

describe('computeGap', () => {
	it('measures a rate gap in points', () => {
		const g = computeGap(povertyRate, 43.2, 14.6);
		expect(g.measure).toBe('points');
		expect(g.value).toBeCloseTo(28.6);
	});
	it('measures a money gap as a ratio in % and keeps the difference', () => {
		const g = computeGap(medianIncome, 13000, 20000);
		expect(g.measure).toBe('ratio');
		expect(g.ratioPercent).toBe(65);
		expect(g.difference).toBe(-7000);
	});
	it('has no value when a side is missing or the reference is 0', () => {
		expect(computeGap(povertyRate, null, 14.6).value).toBeNull();
		expect(computeGap(medianIncome, 10, 0).value).toBeNull();
	});
});

describe('disadvantage', () => {
	it('is positive when the QPV is behind, whatever the direction', () => {
		expect(disadvantage(computeGap(povertyRate, 40, 15), 'down')).toBe(25);
		expect(disadvantage(computeGap(employmentRate, 45, 65), 'up')).toBe(20);
		expect(disadvantage(computeGap(employmentRate, 70, 65), 'up')).toBe(-5);
	});
});

describe('gapTrend', () => {
	it('reads a narrowing poverty gap (down direction) as resserre', () => {
		const t = gapTrend(povertyRate, { qpv: 44, reference: 15 }, { qpv: 41, reference: 15 });
		expect(t.trend).toBe('resserre');
		expect(t.label).toBe('écart réduit');
		expect(t.change).toBeCloseTo(-3);
	});
	it('reads a widening poverty gap as creuse even when both values fall', () => {
		const t = gapTrend(povertyRate, { qpv: 44, reference: 16 }, { qpv: 43, reference: 13 });
		expect(t.trend).toBe('creuse');
		expect(t.label).toBe('écart creusé');
	});
	it('reads a rising employment gap (up direction) as creuse and a closing one as resserre', () => {
		expect(
			gapTrend(employmentRate, { qpv: 45, reference: 64 }, { qpv: 44, reference: 66 }).trend
		).toBe('creuse');
		expect(
			gapTrend(employmentRate, { qpv: 45, reference: 64 }, { qpv: 49, reference: 65 }).trend
		).toBe('resserre');
	});
	it('reads a money gap through the ratio to the reference', () => {
		const t = gapTrend(
			medianIncome,
			{ qpv: 12000, reference: 20000 },
			{ qpv: 13000, reference: 20500 }
		);
		expect(t.baseline.ratioPercent).toBe(60);
		expect(t.trend).toBe('resserre');
		expect(
			gapTrend(medianIncome, { qpv: 12000, reference: 20000 }, { qpv: 12100, reference: 20100 })
				.trend
		).toBe('stable');
	});
	it('is stable under the threshold and indetermine when a value is secret or vintages differ', () => {
		expect(
			gapTrend(povertyRate, { qpv: 44, reference: 15 }, { qpv: 43.7, reference: 15 }).trend
		).toBe('stable');
		expect(
			gapTrend(povertyRate, { qpv: null, reference: 15 }, { qpv: 43, reference: 15 }).trend
		).toBe('indetermine');
		expect(
			gapTrend(
				povertyRate,
				{ qpv: 44, reference: 15 },
				{ qpv: 40, reference: 15 },
				{ comparable: false }
			).trend
		).toBe('indetermine');
	});
	it('uses the size of the gap for a neutral indicator', () => {
		const neutral = indicator({ unit: '%', direction: 'neutral' });
		expect(gapTrend(neutral, { qpv: 30, reference: 20 }, { qpv: 25, reference: 20 }).trend).toBe(
			'resserre'
		);
		expect(gapTrend(neutral, { qpv: 10, reference: 20 }, { qpv: 5, reference: 20 }).trend).toBe(
			'creuse'
		);
	});
	it('does not judge a QPV that is ahead of its reference at both dates', () => {
		const t = gapTrend(employmentRate, { qpv: 70, reference: 65 }, { qpv: 80, reference: 65 });
		expect(t.trend).toBe('indetermine');
	});
});
