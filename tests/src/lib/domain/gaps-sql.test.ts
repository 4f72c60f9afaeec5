// The gap rule has two forms: gapTrend (pages, tests) and gapTrendSql (the qpv_gaps build step).
// Each hand-computed case is checked against both, the SQL form in a real in-memory DuckDB.
import { DuckDBInstance } from '@duckdb/node-api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GAP_REASONS, gapTrend, gapTrendSql, type GapPair } from '../../../../src/lib/domain/gaps';
import type { Indicator } from '../../../../src/lib/schemas/indicators';
import {
	employmentRate,
	indicator,
	medianIncome,
	povertyRate
} from '../../../fixtures/domain/indicators';

type Ind = Pick<Indicator, 'unit' | 'direction'>;

interface Case {
	name: string;
	ind: Ind;
	baseline: GapPair;
	latest: GapPair;
	comparable?: boolean;
	/** Hand-computed: gap values, change of the disadvantage, trend, reason. */
	want: {
		baseline: number | null;
		latest: number | null;
		change: number | null;
		trend: string;
		reason: string | null;
	};
}

const neutralRate = indicator({ unit: '%', direction: 'neutral' });
const cases: Case[] = [
	// 44 − 15 = 29 points → 41 − 15 = 26 points: 3 points less behind.
	{
		name: 'poverty rate gap narrowing',
		ind: povertyRate,
		baseline: { qpv: 44, reference: 15 },
		latest: { qpv: 41, reference: 15 },
		want: { baseline: 29, latest: 26, change: -3, trend: 'resserre', reason: null }
	},
	// 44 − 16 = 28 → 43 − 13 = 30: both values fall but the gap widens by 2 points.
	{
		name: 'poverty rate gap widening',
		ind: povertyRate,
		baseline: { qpv: 44, reference: 16 },
		latest: { qpv: 43, reference: 13 },
		want: { baseline: 28, latest: 30, change: 2, trend: 'creuse', reason: null }
	},
	// Employment (up): 45 − 64 = −19 → 44 − 66 = −22; 19 → 22 points behind.
	{
		name: 'employment rate gap widening',
		ind: employmentRate,
		baseline: { qpv: 45, reference: 64 },
		latest: { qpv: 44, reference: 66 },
		want: { baseline: -19, latest: -22, change: 3, trend: 'creuse', reason: null }
	},
	// Income as a ratio: 12 000 / 20 000 = 60 % → 13 000 / 20 500 = 63.4146… %; 40 → 36.585… behind.
	{
		name: 'income ratio narrowing',
		ind: medianIncome,
		baseline: { qpv: 12000, reference: 20000 },
		latest: { qpv: 13000, reference: 20500 },
		want: {
			baseline: 60,
			latest: 6500000 / 102500,
			change: 100 - 6500000 / 102500 - 40,
			trend: 'resserre',
			reason: null
		}
	},
	// 12 100 / 20 100 = 60.199 %: 0.199 point of ratio, under the 1-point threshold.
	{
		name: 'income ratio stable',
		ind: medianIncome,
		baseline: { qpv: 12000, reference: 20000 },
		latest: { qpv: 12100, reference: 20100 },
		want: {
			baseline: 60,
			latest: 1210000 / 20100,
			change: 100 - 1210000 / 20100 - 40,
			trend: 'stable',
			reason: null
		}
	},
	// 29 → 29.5 points: exactly the 0.5-point threshold is not stable.
	{
		name: 'rate change at the threshold',
		ind: povertyRate,
		baseline: { qpv: 44, reference: 15 },
		latest: { qpv: 44.5, reference: 15 },
		want: { baseline: 29, latest: 29.5, change: 0.5, trend: 'creuse', reason: null }
	},
	// 29 → 28.75 points: 0.25 under the threshold.
	{
		name: 'rate change under the threshold',
		ind: povertyRate,
		baseline: { qpv: 44, reference: 15 },
		latest: { qpv: 43.75, reference: 15 },
		want: { baseline: 29, latest: 28.75, change: -0.25, trend: 'stable', reason: null }
	},
	{
		name: 'secret QPV value at the baseline',
		ind: povertyRate,
		baseline: { qpv: null, reference: 15 },
		latest: { qpv: 43, reference: 15 },
		want: {
			baseline: null,
			latest: 28,
			change: null,
			trend: 'indetermine',
			reason: GAP_REASONS.missing
		}
	},
	// A 0 reference has no ratio: the trend cannot be read.
	{
		name: 'income ratio with a 0 reference',
		ind: medianIncome,
		baseline: { qpv: 10, reference: 0 },
		latest: { qpv: 10, reference: 20 },
		want: {
			baseline: null,
			latest: 50,
			change: null,
			trend: 'indetermine',
			reason: GAP_REASONS.missing
		}
	},
	{
		name: 'vintages not comparable',
		ind: povertyRate,
		baseline: { qpv: 44, reference: 15 },
		latest: { qpv: 40, reference: 15 },
		comparable: false,
		want: {
			baseline: 29,
			latest: 25,
			change: -4,
			trend: 'indetermine',
			reason: GAP_REASONS.notComparable
		}
	},
	// Neutral: the size of the gap, 10 → 5 points then 10 → 15 points.
	{
		name: 'neutral rate closer to its reference',
		ind: neutralRate,
		baseline: { qpv: 30, reference: 20 },
		latest: { qpv: 25, reference: 20 },
		want: { baseline: 10, latest: 5, change: -5, trend: 'resserre', reason: null }
	},
	{
		name: 'neutral rate further below its reference',
		ind: neutralRate,
		baseline: { qpv: 10, reference: 20 },
		latest: { qpv: 5, reference: 20 },
		want: { baseline: -10, latest: -15, change: 5, trend: 'creuse', reason: null }
	},
	// Employment 5 then 15 points above the reference: ahead at both dates, not judged.
	{
		name: 'QPV ahead at both dates',
		ind: employmentRate,
		baseline: { qpv: 70, reference: 65 },
		latest: { qpv: 80, reference: 65 },
		want: {
			baseline: 5,
			latest: 15,
			change: -10,
			trend: 'indetermine',
			reason: GAP_REASONS.aheadAtBoth
		}
	}
];

const sqlNumber = (v: number | null) => (v === null ? 'NULL::DOUBLE' : `${v}::DOUBLE`);
const measureOf = (ind: Ind) => (ind.unit === '%' ? 'points' : 'ratio');

let instance: DuckDBInstance;
let rows: Record<string, unknown>[];

beforeAll(async () => {
	instance = await DuckDBInstance.create(':memory:');
	const c = await instance.connect();
	const values = cases.map(
		(k, i) =>
			`(${i}, '${measureOf(k.ind)}', '${k.ind.direction}', ${sqlNumber(k.baseline.qpv)},
			${sqlNumber(k.baseline.reference)}, ${sqlNumber(k.latest.qpv)}, ${sqlNumber(k.latest.reference)},
			${k.comparable === undefined ? 'NULL::BOOLEAN' : k.comparable})`
	);
	const input = `SELECT * FROM (VALUES ${values.join(', ')}) v(n, measure, direction, baseline_qpv,
		baseline_reference, latest_qpv, latest_reference, comparable)`;
	rows = (await c.runAndReadAll(`${gapTrendSql(input)} ORDER BY n`)).getRowObjectsJS();
	c.closeSync();
});
afterAll(() => instance.closeSync());

const close = (actual: unknown, expected: number | null) =>
	expected === null ? expect(actual).toBeNull() : expect(actual).toBeCloseTo(expected, 10);

describe('gapTrend and gapTrendSql agree on hand-computed cases', () => {
	cases.forEach((k, i) => {
		it(k.name, () => {
			const ts = gapTrend(k.ind, k.baseline, k.latest, { comparable: k.comparable });
			close(ts.baseline.value, k.want.baseline);
			close(ts.latest.value, k.want.latest);
			close(ts.change, k.want.change);
			expect([ts.trend, ts.reason]).toEqual([k.want.trend, k.want.reason]);
			const sql = rows[i]!;
			close(sql.baseline_gap, k.want.baseline);
			close(sql.latest_gap, k.want.latest);
			close(sql.change, k.want.change);
			expect([sql.trend, sql.reason]).toEqual([k.want.trend, k.want.reason]);
			// Same IEEE operations in the same order: the two forms give the very same doubles.
			expect([sql.baseline_gap, sql.latest_gap, sql.change]).toEqual([
				ts.baseline.value,
				ts.latest.value,
				ts.change
			]);
		});
	});
});
