import { describe, expect, it } from 'vitest';
import { SERIES_READINGS } from '../../../../src/lib/domain/barometre-catalogue';
import {
	departementStandings,
	rankMetric,
	rankStandings,
	type Base,
	type Track
} from '../../../../src/lib/domain/departement-standings';

const bases: Base[] = [
	{ code: '01', name: 'Ain', region: null, population: 652432, qpv_population: 15000 },
	{ code: '48', name: 'Lozère', region: null, population: 76604, qpv_population: null },
	{ code: '75', name: 'Paris', region: null, population: 2145906, qpv_population: 300000 }
];

function track(code: string, points: [string, number][], goal: Partial<Track> = {}): Track {
	return {
		code,
		first_date: points[0]![0],
		first_value: points[0]![1],
		latest_date: points.at(-1)![0],
		latest_value: points.at(-1)![1],
		initial: null,
		target: null,
		target_date: null,
		points: points.map(([date, value]) => ({ date, value })),
		source_path: 'x.csv',
		source_line: 2,
		...goal
	};
}

describe('departementStandings', () => {
	// Patrol hours: DITP from 12/2021, Etalab from 2017; Lozère is missing from the DITP series.
	const ditp = [
		track(
			'01',
			[
				['2021-12-01', 556124],
				['2023-12-01', 599989]
			],
			{ initial: 556124, target: 834187 }
		),
		track('75', [
			['2021-12-01', 3389385],
			['2023-12-01', 3500000]
		])
	];
	const etalab = [
		track('01', [
			['2017-12-31', 500000],
			['2021-12-31', 557634]
		]),
		track('48', [
			['2017-12-31', 90000],
			['2021-12-31', 95000]
		]),
		track('75', [
			['2017-12-31', 4204922],
			['2021-12-31', 5556950]
		])
	];
	const rows = departementStandings(bases, ditp, etalab, SERIES_READINGS['IND-304']!, 'hausse');

	it('divides the latest value by the population, per 1,000 inhabitants', () => {
		// Ain: 599,989 / 652,432 × 1,000 = 919.62
		expect(rows[0]!.rate).toBeCloseTo(919.62, 2);
	});
	it('joins no département when the publications disagree in one (Paris), even where they agree', () => {
		// Ain agrees (557,634 vs 556,124, −0.27 %) but Paris does not: two definitions
		expect(rows[0]!.joined).toBe(false);
		expect(rows[0]!.firstDate).toBe('2021-12-01');
		// (599,989 − 556,124) / 556,124 = +7.8876 %
		expect(rows[0]!.change!.percent).toBeCloseTo(7.8876, 3);
		// progress (599,989 − 556,124) / (834,187 − 556,124) = 43,865 / 278,063 = 15.775 %
		expect(rows[0]!.progress.percent).toBeCloseTo(15.775, 3);
	});
	it('starts at the Etalab value when they agree in every département', () => {
		const agreeing = departementStandings(
			bases,
			ditp.slice(0, 1),
			etalab,
			SERIES_READINGS['IND-304']!,
			'hausse'
		);
		expect(agreeing[0]!.joined).toBe(true);
		expect(agreeing[0]!.firstDate).toBe('2017-12-31');
		// (599,989 − 500,000) / 500,000 = +19.9978 %
		expect(agreeing[0]!.change!.percent).toBeCloseTo(19.9978, 3);
	});
	it('keeps its own first value where they disagree (Paris, −39 %)', () => {
		expect(rows[2]!.joined).toBe(false);
		expect(rows[2]!.firstValue).toBe(3389385);
	});
	it('keeps a département missing from the series, with no value, never 0', () => {
		expect(rows[1]).toMatchObject({ code: '48', track: null, rate: null, change: null });
		expect(rows[1]!.progress.status).toBe('non_calculable');
	});
	it('ranks best first with missing départements last; progress is the metric when half have a target', () => {
		const ranked = rankStandings(rows, 'rate', 'hausse').map((r) => r.code);
		// Paris 3,500,000 / 2,145,906 × 1,000 = 1,631 > Ain 919.6; Lozère has no value
		expect(ranked).toEqual(['75', '01', '48']);
		// Ain has a target, Paris none: 1 of the 2 départements with a value → progress
		expect(rankMetric(rows)).toBe('progress');
		expect(rankStandings(rows, 'progress', 'hausse').map((r) => r.code)).toEqual([
			'01',
			'48',
			'75'
		]);
	});
});
