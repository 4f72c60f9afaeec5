import { describe, expect, it } from 'vitest';
import {
	changeSinceFirst,
	joinSeries,
	progressed,
	progressToTarget,
	ratePer
} from '../../../../src/lib/domain/measure-progress';

describe('ratePer', () => {
	it('gives a count per 1,000 inhabitants', () => {
		// 12 posts for 8,000 QPV inhabitants: 12 / 8,000 × 1,000 = 1.5
		expect(ratePer(12, 8000, 1000)).toBe(1.5);
		// 38 maisons de santé for 652,432 inhabitants per 100,000: 5.824…
		expect(ratePer(38, 652432, 100000)).toBeCloseTo(5.824, 3);
	});
	it('has no rate without a base (a département with no QPV)', () => {
		expect(ratePer(3, 0, 1000)).toBeNull();
		expect(ratePer(3, null, 1000)).toBeNull();
		expect(ratePer(null, 1000, 1000)).toBeNull();
	});
});

describe('changeSinceFirst', () => {
	it('reads a count in % and a rate in points', () => {
		expect(changeSinceFirst(1034, 2501, false)).toEqual({
			absolute: 1467,
			percent: (1467 / 1034) * 100
		});
		expect(changeSinceFirst(4, 74.9, true)).toEqual({ absolute: 70.9, percent: null });
	});
});

describe('progressToTarget', () => {
	it('higher is better: the DITP rate of progress (IND-311 France: 2251 → 2501, target 4000)', () => {
		// (2501 − 2251) / (4000 − 2251) = 250 / 1749 = 14.29 %, the published indic_ta
		const p = progressToTarget(2251, 2501, 4000, 'hausse');
		expect(p.status).toBe('en_progres');
		expect(p.percent).toBeCloseTo(14.29, 2);
	});
	it('lower is better, initial value above the target: progress as the value falls', () => {
		// 120 → 110 with target 100: (110 − 120) / (100 − 120) = 50 %
		expect(progressToTarget(120, 110, 100, 'baisse')).toEqual({
			status: 'en_progres',
			percent: 50
		});
		// 120 → 130: (130 − 120) / (100 − 120) = −50 %, in recoil
		expect(progressToTarget(120, 130, 100, 'baisse')).toEqual({
			status: 'en_recul',
			percent: -50
		});
		expect(progressToTarget(120, 95, 100, 'baisse')).toEqual({ status: 'atteinte', percent: 125 });
	});
	it('lower is better, initial value already below the target: met from the start', () => {
		expect(progressToTarget(90, 95, 100, 'baisse')).toEqual({
			status: 'atteinte_des_le_depart',
			percent: null
		});
	});
	it('without a target or an initial value, nothing is computed', () => {
		expect(progressToTarget(null, 10, 20, 'hausse').status).toBe('non_calculable');
		expect(progressToTarget(5, 10, null, null).status).toBe('non_calculable');
	});
});

describe('progressed', () => {
	it('follows the direction', () => {
		expect(progressed({ absolute: -3, percent: -10 }, 'baisse')).toBe(true);
		expect(progressed({ absolute: -3, percent: -10 }, 'hausse')).toBe(false);
		expect(progressed({ absolute: 2, percent: 5 }, null)).toBeNull();
	});
});

describe('joinSeries', () => {
	// National patrol hours as published: Etalab yearly then monthly, DITP monthly from 12/2021.
	const etalab = [
		{ date: '2017-12-31', value: 68437499 },
		{ date: '2020-12-31', value: 74516117 },
		{ date: '2021-12-31', value: 75056930 },
		{ date: '2022-01-31', value: 74818068 },
		{ date: '2022-12-31', value: 79317616 }
	];
	const ditp = [
		{ date: '2021-12-01', value: 75056930 },
		{ date: '2022-01-01', value: 74818068 },
		{ date: '2022-12-01', value: 79317616 },
		{ date: '2023-12-01', value: 90778517 }
	];
	it('joins on agreeing overlapping years: Etalab before the first DITP date, DITP after', () => {
		const j = joinSeries(etalab, ditp, false);
		expect(j.joined).toBe(true);
		expect(j.overlaps.map((o) => [o.period, o.gap])).toEqual([
			['2021-12', 0],
			['2022-01', 0],
			['2022-12', 0]
		]);
		expect(j.points.map((p) => `${p.date} ${p.source}`)).toEqual([
			'2017-12-31 etalab',
			'2020-12-31 etalab',
			'2021-12-01 ditp',
			'2022-01-01 ditp',
			'2022-12-01 ditp',
			'2023-12-01 ditp'
		]);
	});
	it('keeps two series apart when one overlapping year disagrees (Paris patrol hours)', () => {
		// Paris: Etalab 5,556,950 at 31/12/2021, DITP 3,389,385 at 01/12/2021: −39.0 %
		const j = joinSeries(
			[{ date: '2021-12-31', value: 5556950 }],
			[{ date: '2021-12-01', value: 3389385 }],
			false
		);
		expect(j.joined).toBe(false);
		expect(j.points).toEqual([]);
		expect(j.overlaps[0]!.gap).toBeCloseTo(-39.007, 2);
	});
	it('compares rates in points: 68 % and 67.84 % agree (0.16 point)', () => {
		const j = joinSeries(
			[{ date: '2022-11-30', value: 68 }],
			[{ date: '2022-09-01', value: 67.84 }],
			true
		);
		expect(j.joined).toBe(true);
		expect(j.overlaps[0]!.period).toBe('2022');
		expect(j.overlaps[0]!.gap).toBeCloseTo(-0.16, 6);
	});
	it('does not join series that never overlap', () => {
		expect(
			joinSeries([{ date: '2018-12-31', value: 1 }], [{ date: '2023-12-01', value: 1 }], false)
				.joined
		).toBe(false);
	});
});
