import { describe, expect, it } from 'vitest';
import {
	aggregateQpv,
	computedAllQpvValue,
	distribution,
	type QpvValue
} from '../../../../src/lib/domain/aggregation';
import { jobSeekers, medianIncome } from '../../../fixtures/domain/indicators';

const v = (
	indicator_id: string,
	territory_code: string,
	value: number | null,
	status = value === null ? 'secret' : 'ok'
): QpvValue => ({ indicator_id, territory_code, value, status });

describe('aggregateQpv', () => {
	it('sums ok values and flags the sum partial when a QPV is secret, never counting it as 0', () => {
		const a = aggregateQpv(
			jobSeekers,
			['QP001001', 'QP001002', 'QP001003'],
			[
				v('demandeurs_emploi_abc', 'QP001001', 100),
				v('demandeurs_emploi_abc', 'QP001002', null),
				v('demandeurs_emploi_abc', 'QP001003', 50)
			]
		);
		expect(a.kind).toBe('sum');
		expect(a.value).toBe(150);
		if (a.kind !== 'sum') throw new Error();
		expect(a.partial).toBe(true);
		expect(a.nSecret).toBe(1);
		expect(a.label).toBe('partielle : 1 QPV sans valeur (1 secret)');
	});
	it('counts a QPV without any observation as missing', () => {
		const a = aggregateQpv(
			jobSeekers,
			['QP001001', 'QP001009'],
			[v('demandeurs_emploi_abc', 'QP001001', 100)]
		);
		expect(a.nMissing).toBe(1);
		expect(a.kind === 'sum' && a.partial).toBe(true);
	});
	it('gives a complete sum no partial flag, and no value when nothing is published', () => {
		const a = aggregateQpv(jobSeekers, ['QP001001'], [v('demandeurs_emploi_abc', 'QP001001', 7)]);
		expect(a.kind === 'sum' && !a.partial && a.label === 'complète').toBe(true);
		expect(
			aggregateQpv(jobSeekers, ['QP001001'], [v('demandeurs_emploi_abc', 'QP001001', null)]).value
		).toBeNull();
	});
	it('never averages a `none` indicator: only the distribution', () => {
		const a = aggregateQpv(
			medianIncome,
			['QP001003', 'QP001001', 'QP001002'],
			[
				v('revenu_disponible_median', 'QP001001', 10000),
				v('revenu_disponible_median', 'QP001002', 14000),
				v('revenu_disponible_median', 'QP001003', null)
			]
		);
		expect(a.kind).toBe('none');
		expect(a.value).toBeNull();
		if (a.kind !== 'none') throw new Error();
		expect(a.distribution).toMatchObject({ n: 2, min: 10000, median: 12000, max: 14000 });
		expect(a.distribution.values.map((x) => x.code)).toEqual(['QP001001', 'QP001002', 'QP001003']);
		expect(a.distribution.values[2]).toEqual({ code: 'QP001003', value: null, status: 'secret' });
	});
});

describe('distribution', () => {
	it('takes the middle value for an odd count and ignores secret values', () => {
		const d = distribution([
			{ code: 'a', value: 3, status: 'ok' },
			{ code: 'b', value: 1, status: 'ok' },
			{ code: 'c', value: 2, status: 'ok' },
			{ code: 'd', value: null, status: 'secret' }
		]);
		expect(d).toMatchObject({ n: 3, min: 1, median: 2, max: 3 });
	});
});

describe('computedAllQpvValue', () => {
	it('labels a summed all-QPV value as computed and partial', () => {
		const c = computedAllQpvValue(jobSeekers, [
			v('demandeurs_emploi_abc', 'QP001001', 10),
			v('demandeurs_emploi_abc', 'QP001002', null)
		]);
		expect(c.value).toBe(10);
		expect(c.origin).toBe('calculé');
		expect(c.label).toBe('ensemble des QPV (calculé, partielle : 1 QPV sans valeur (1 secret))');
	});
	it('refuses to build a median for all QPV from QPV medians', () => {
		const c = computedAllQpvValue(medianIncome, [v('revenu_disponible_median', 'QP001001', 10000)]);
		expect(c.value).toBeNull();
		expect(c.label).toContain('non calculable');
	});
});
