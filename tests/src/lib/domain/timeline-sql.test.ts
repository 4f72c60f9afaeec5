// The timeline rule has two forms: endpoints + trendOf (pages, tests) and evolutionSql (the
// qpv_evolutions build step). Each hand-computed case is checked against both, the SQL form in a
// real in-memory DuckDB.
import { DuckDBInstance } from '@duckdb/node-api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
	endpoints,
	evolutionSql,
	TIMELINE_REASONS,
	trendOf,
	type TimelinePoint
} from '../../../../src/lib/domain/timeline';
import { isRate } from '../../../../src/lib/domain/units';
import type { Indicator } from '../../../../src/lib/schemas/indicators';
import {
	employmentRate,
	indicator,
	medianIncome,
	population,
	povertyRate
} from '../../../fixtures/domain/indicators';

type Ind = Pick<Indicator, 'unit' | 'direction'>;
type Kind = 'annee_donnees' | 'millesime';
interface Point extends TimelinePoint {
	period_kind: Kind;
	source: string;
}

/** A point of file `f<period>` (a vintage when `kind` says so). */
const p = (period: number, value: number | null, segment = 0, kind: Kind = 'annee_donnees') => ({
	period,
	value,
	status: value === null ? 'secret' : 'ok',
	segment,
	period_kind: kind,
	source: `f${period}${kind === 'millesime' ? 'm' : ''} l.2`
});

interface Case {
	name: string;
	ind: Ind;
	/** In canonical_series' order for each series (period, then the data year before the vintage). */
	points: Point[];
	/** Hand-computed. */
	want: {
		period_kind: Kind;
		baseline: [number, number] | null;
		latest: [number, number] | null;
		change: number | null;
		verdict: string;
		reason: string | null;
	};
}

const neutralRate = indicator({ unit: '%', direction: 'neutral' });
const cases: Case[] = [
	// 2013 and 2023 lie outside 2015–2022: 40.9 → 41.9, 1 point more poverty.
	{
		name: 'rate rising from 2015 to the last year up to 2022',
		ind: povertyRate,
		points: [p(2013, 38.6), p(2015, 40.9), p(2016, 40), p(2019, 41.9), p(2023, 50)],
		want: {
			period_kind: 'annee_donnees',
			baseline: [2015, 40.9],
			latest: [2019, 41.9],
			change: 1,
			verdict: 'degradation',
			reason: null
		}
	},
	// Secret 2015 and 2019 are skipped: 20 (2016) → 19 (2018).
	{
		name: 'secret values skipped, never read as 0',
		ind: povertyRate,
		points: [p(2015, null), p(2016, 20), p(2018, 19), p(2019, null)],
		want: {
			period_kind: 'annee_donnees',
			baseline: [2016, 20],
			latest: [2018, 19],
			change: -1,
			verdict: 'amelioration',
			reason: null
		}
	},
	// A break from 2019: the baseline moves to 2019, 43.2 → 44.6 = +1.4 points of employment.
	{
		name: 'break moves the baseline after it',
		ind: employmentRate,
		points: [p(2017, 53.5), p(2018, 53.5), p(2019, 43.2, 1), p(2020, 42, 1), p(2022, 44.6, 1)],
		want: {
			period_kind: 'annee_donnees',
			baseline: [2019, 43.2],
			latest: [2022, 44.6],
			change: 1.4,
			verdict: 'amelioration',
			reason: TIMELINE_REASONS.breakAt('2019', '2017')
		}
	},
	{
		name: 'break leaving a single year',
		ind: povertyRate,
		points: [p(2017, 10), p(2018, 10), p(2019, 12, 1)],
		want: {
			period_kind: 'annee_donnees',
			baseline: [2019, 12],
			latest: [2019, 12],
			change: null,
			verdict: 'indetermine',
			reason: TIMELINE_REASONS.breakBefore('2019')
		}
	},
	{
		name: 'one published year',
		ind: povertyRate,
		points: [p(2016, 5), p(2017, null)],
		want: {
			period_kind: 'annee_donnees',
			baseline: [2016, 5],
			latest: [2016, 5],
			change: null,
			verdict: 'indetermine',
			reason: TIMELINE_REASONS.singleYear()
		}
	},
	{
		name: 'no point at all',
		ind: povertyRate,
		points: [],
		want: {
			period_kind: 'annee_donnees',
			baseline: null,
			latest: null,
			change: null,
			verdict: 'indetermine',
			reason: TIMELINE_REASONS.nothingPublished()
		}
	},
	// Vintages only, both outside 2015–2022: the kind is the first point's.
	{
		name: 'points outside the evaluated years only',
		ind: povertyRate,
		points: [p(2014, 3, 0, 'millesime'), p(2023, 4, 0, 'millesime')],
		want: {
			period_kind: 'millesime',
			baseline: null,
			latest: null,
			change: null,
			verdict: 'indetermine',
			reason: TIMELINE_REASONS.nothingPublished()
		}
	},
	// Data year 2018 (10) comes before vintage 2018 (12): same period, no evolution.
	{
		name: 'a data year and a vintage of the same number',
		ind: povertyRate,
		points: [p(2018, 10), p(2018, 12, 0, 'millesime')],
		want: {
			period_kind: 'annee_donnees',
			baseline: [2018, 10],
			latest: [2018, 12],
			change: null,
			verdict: 'indetermine',
			reason: TIMELINE_REASONS.singleYear()
		}
	},
	// 10 → 12 points: described (+2), not judged.
	{
		name: 'neutral indicator',
		ind: neutralRate,
		points: [p(2015, 10), p(2020, 12)],
		want: {
			period_kind: 'annee_donnees',
			baseline: [2015, 10],
			latest: [2020, 12],
			change: 2,
			verdict: 'indetermine',
			reason: TIMELINE_REASONS.neutral()
		}
	},
	{
		name: 'neutral indicator across a break: both reasons',
		ind: population,
		points: [p(2015, 100), p(2017, 90, 1), p(2020, 95, 1)],
		want: {
			period_kind: 'annee_donnees',
			baseline: [2017, 90],
			latest: [2020, 95],
			change: 5,
			verdict: 'indetermine',
			reason: `${TIMELINE_REASONS.breakAt('2017', '2015')} ${TIMELINE_REASONS.neutral()}`
		}
	},
	// 20 000 → 20 150 €: +0.75 %, under the 1 % threshold.
	{
		name: 'money stable under 1 %',
		ind: medianIncome,
		points: [p(2015, 20000), p(2020, 20150)],
		want: {
			period_kind: 'annee_donnees',
			baseline: [2015, 20000],
			latest: [2020, 20150],
			change: 150,
			verdict: 'stable',
			reason: null
		}
	},
	// 20 000 → 19 000 €: −5 % of an indicator where higher is better.
	{
		name: 'money falling',
		ind: medianIncome,
		points: [p(2015, 20000), p(2020, 19000)],
		want: {
			period_kind: 'annee_donnees',
			baseline: [2015, 20000],
			latest: [2020, 19000],
			change: -1000,
			verdict: 'degradation',
			reason: null
		}
	},
	// A count from 0: no relative change, stable only when it stays at 0.
	{
		name: 'count from 0 to 0',
		ind: { unit: 'personnes', direction: 'down' },
		points: [p(2015, 0), p(2020, 0)],
		want: {
			period_kind: 'annee_donnees',
			baseline: [2015, 0],
			latest: [2020, 0],
			change: 0,
			verdict: 'stable',
			reason: null
		}
	},
	{
		name: 'count from 0 upwards',
		ind: { unit: 'personnes', direction: 'down' },
		points: [p(2015, 0), p(2020, 3)],
		want: {
			period_kind: 'annee_donnees',
			baseline: [2015, 0],
			latest: [2020, 3],
			change: 3,
			verdict: 'degradation',
			reason: null
		}
	},
	// 30 → 30.5: exactly the 0.5-point threshold is not stable; 30 → 30.25 is.
	{
		name: 'rate change at the threshold',
		ind: povertyRate,
		points: [p(2015, 30), p(2020, 30.5)],
		want: {
			period_kind: 'annee_donnees',
			baseline: [2015, 30],
			latest: [2020, 30.5],
			change: 0.5,
			verdict: 'degradation',
			reason: null
		}
	},
	{
		name: 'rate change under the threshold',
		ind: povertyRate,
		points: [p(2015, 30), p(2020, 30.25)],
		want: {
			period_kind: 'annee_donnees',
			baseline: [2015, 30],
			latest: [2020, 30.25],
			change: 0.25,
			verdict: 'stable',
			reason: null
		}
	}
];

const sqlNumber = (v: number | null) => (v === null ? 'NULL::DOUBLE' : `${v}::DOUBLE`);

let instance: DuckDBInstance;
let rows: Record<string, unknown>[];

beforeAll(async () => {
	instance = await DuckDBInstance.create(':memory:');
	const c = await instance.connect();
	// Points in reverse order: the SQL form must not depend on the order it reads them in.
	const values = cases.flatMap((k, n) => {
		const head = `${n}, '${k.ind.direction}', ${isRate(k.ind.unit)}`;
		if (k.points.length === 0) return [`(${head}, NULL, NULL, NULL, NULL, NULL, NULL)`];
		return k.points
			.map(
				(q) =>
					`(${head}, ${q.period}, '${q.period_kind}', ${sqlNumber(q.value)}, '${q.status}', ${q.segment}, '${q.source}')`
			)
			.reverse();
	});
	const points = `SELECT * FROM (VALUES ${values.join(', ')})
		v(n, direction, rate, period, period_kind, value, status, segment, source)`;
	rows = (await c.runAndReadAll(`${evolutionSql(points, ['n'])} ORDER BY n`)).getRowObjectsJS();
	c.closeSync();
});
afterAll(() => instance.closeSync());

const close = (actual: unknown, expected: number | null) =>
	expected === null ? expect(actual).toBeNull() : expect(actual).toBeCloseTo(expected, 10);
const source = (end: [number, number] | null, points: Point[]) =>
	end && points.find((q) => q.period === end[0] && q.value === end[1])!.source;

describe('endpoints + trendOf and evolutionSql agree on hand-computed cases', () => {
	cases.forEach((k, i) => {
		it(k.name, () => {
			const ends = endpoints(k.points);
			const trend = trendOf(k.ind, ends);
			const js = {
				period_kind: k.points[0]?.period_kind ?? 'annee_donnees',
				baseline: ends.baseline && [ends.baseline.period, ends.baseline.value],
				latest: ends.latest && [ends.latest.period, ends.latest.value],
				baseline_source: ends.baseline?.source ?? null,
				latest_source: ends.latest?.source ?? null,
				verdict: trend.verdict,
				reason: trend.reason
			};
			const r = rows[i]!;
			const sql = {
				period_kind: r.period_kind,
				baseline: r.baseline_period === null ? null : [r.baseline_period, r.baseline_value],
				latest: r.latest_period === null ? null : [r.latest_period, r.latest_value],
				baseline_source: r.baseline_source,
				latest_source: r.latest_source,
				verdict: r.verdict,
				reason: r.reason
			};
			const want = {
				period_kind: k.want.period_kind,
				baseline: k.want.baseline,
				latest: k.want.latest,
				baseline_source: source(k.want.baseline, k.points),
				latest_source: source(k.want.latest, k.points),
				verdict: k.want.verdict,
				reason: k.want.reason
			};
			expect(js).toEqual(want);
			expect(sql).toEqual(want);
			close(trend.change, k.want.change);
			close(r.change, k.want.change);
			// Same IEEE operations: the two forms give the very same double.
			expect(r.change).toBe(trend.change);
		});
	});
});
