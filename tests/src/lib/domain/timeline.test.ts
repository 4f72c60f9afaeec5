import { describe, expect, it } from 'vitest';
import {
	endpoints,
	sourceRank,
	trendOf,
	type TimelinePoint
} from '../../../../src/lib/domain/timeline';

const p = (period: number, value: number | null, segment = 0, status = 'ok'): TimelinePoint => ({
	period,
	value,
	status: value === null ? status : 'ok',
	segment
});
const rate = { direction: 'down' as const, unit: '%' };

describe('endpoints (the one rule for baseline and latest)', () => {
	it('starts at the first published year from 2015 and ends at the last up to 2022', () => {
		const e = endpoints([p(2013, 38.6), p(2015, 40.9), p(2016, 40), p(2019, 41.9), p(2023, 50)]);
		expect([e.baseline?.period, e.latest?.period]).toEqual([2015, 2019]);
		expect(trendOf(rate, e)).toMatchObject({ verdict: 'degradation' });
		// 41.9 − 40.9 = 1.0 point
		expect(trendOf(rate, e).change).toBeCloseTo(1.0, 10);
	});

	it('skips a secret value instead of reading it as 0', () => {
		const e = endpoints([
			p(2015, null, 0, 'secret'),
			p(2016, 20),
			p(2019, null, 0, 'secret'),
			p(2018, 19)
		]);
		expect([e.baseline?.period, e.latest?.period]).toEqual([2016, 2018]);
		expect(trendOf(rate, e)).toMatchObject({ verdict: 'amelioration', change: -1 });
	});

	it('never reads a trend across a break: the baseline moves after it, and says so', () => {
		// taux_emploi of QP001001: 53.5 in IPRO 2017 and 2018, then 43.2, 42, 43.3, 44.6 after the break.
		const e = endpoints([
			p(2017, 53.5),
			p(2018, 53.5),
			p(2019, 43.2, 1),
			p(2020, 42, 1),
			p(2022, 44.6, 1)
		]);
		expect([e.baseline?.period, e.latest?.period]).toEqual([2019, 2022]);
		expect(e.reason).toContain('Rupture de série en 2019');
		const t = trendOf({ direction: 'up', unit: '%' }, e);
		expect(t.change).toBeCloseTo(1.4, 10);
		expect(t.verdict).toBe('amelioration');
	});

	it('gives no evolution when the break leaves a single year', () => {
		const e = endpoints([p(2017, 10), p(2018, 10), p(2019, 12, 1)]);
		expect(e.comparable).toBe(false);
		expect(trendOf(rate, e)).toMatchObject({ verdict: 'indetermine', change: null });
	});
});

describe('source precedence', () => {
	it('prefers the INSEE file to its SIG Ville republication, then anything else', () => {
		expect(sourceRank('filosofi-qpv/data_filo17_qp_revdis.csv')).toBe(1);
		expect(sourceRank('sig-ville/REVN_2021.csv')).toBe(2);
		expect(sourceRank('qpv-2015/panel_qpv_complet_v2.csv')).toBe(3);
	});
});
