import { describe, expect, it } from 'vitest';
import {
	comparableChange,
	contratFigure,
	contratLevel,
	EVALUATED_INDICATORS,
	HEADLINE_INDICATORS,
	KEY_INDICATORS_BY_PILLAR,
	gapMeasure,
	peerReading,
	populationBand,
	quartileBand
} from '../../../../src/lib/domain/synthesis';
import { population } from '../../../fixtures/domain/indicators';

describe('contrat figures', () => {
	it('sums counts over the same QPV only', () => {
		const f = contratFigure({ aggregation: 'sum', unit: 'personnes' }, [
			{ qpv_code: 'A', baseline: 100, latest: 90 },
			{ qpv_code: 'B', baseline: 50, latest: 70 }
		]);
		expect(f).toMatchObject({ kind: 'somme_memes_qpv', baseline: 150, latest: 160, n: 2 });
	});

	it('weights rates by population and labels the approximation', () => {
		// (40 × 1000 + 20 × 3000) / 4000 = 25 ; (44 × 1000 + 22 × 3000) / 4000 = 27.5
		const f = contratFigure({ aggregation: 'none', unit: '%' }, [
			{ qpv_code: 'A', baseline: 40, latest: 44, weight: 1000 },
			{ qpv_code: 'B', baseline: 20, latest: 22, weight: 3000 }
		]);
		expect(f.kind).toBe('moyenne_ponderee');
		expect(f.baseline).toBeCloseTo(25, 10);
		expect(f.latest).toBeCloseTo(27.5, 10);
		expect(f.label).toContain('approximation');
		expect(f.label).toContain('population municipale 2013');
	});

	it('falls back to the median of the QPV for amounts, or rates without every weight', () => {
		const money = contratFigure({ aggregation: 'none', unit: '€' }, [
			{ qpv_code: 'A', baseline: 12000, latest: 13000 },
			{ qpv_code: 'B', baseline: 13000, latest: 14000 },
			{ qpv_code: 'C', baseline: 11000, latest: 15000 }
		]);
		expect(money).toMatchObject({ kind: 'mediane', baseline: 12000, latest: 14000 });
		expect(money.label).toContain('médiane');
		const rate = contratFigure({ aggregation: 'none', unit: '%' }, [
			{ qpv_code: 'A', baseline: 40, latest: 44, weight: 1000 },
			{ qpv_code: 'B', baseline: 20, latest: 22, weight: null }
		]);
		expect(rate).toMatchObject({ kind: 'mediane', baseline: 30, latest: 33 });
	});
});

describe('gaps and peers', () => {
	it('compares rates in points, amounts as a share, and counts never', () => {
		expect(gapMeasure('%')).toBe('points');
		expect(gapMeasure('€')).toBe('ratio');
		expect(gapMeasure('personnes')).toBeNull();
		expect(comparableChange('%', 40, 42.5)).toBe(2.5);
		expect(comparableChange('personnes', 200, 150)).toBe(-25);
	});

	it('bands baseline income by quartile and population by documented thresholds', () => {
		expect(quartileBand(11000, [12000, 13000, 14000])).toBe(0);
		expect(quartileBand(13000, [12000, 13000, 14000])).toBe(2);
		expect(quartileBand(15000, [12000, 13000, 14000])).toBe(3);
		expect([populationBand(1999), populationBand(2000), populationBand(6056)]).toEqual([0, 1, 2]);
	});

	it('reads a change against the peers’ median change, in the indicator’s direction', () => {
		const up = { direction: 'up' as const, unit: '€' };
		// peers' median of +2, +3, +5, +6, +8 % is +5 %; the QPV's +8 % is 3 points better
		expect(peerReading(up, 8, [2, 3, 5, 6, 8])).toEqual({
			reading: 'plus_favorable',
			peerMedian: 5
		});
		expect(peerReading(up, 5.5, [2, 3, 5, 6, 8]).reading).toBe('comme');
		expect(peerReading({ direction: 'down', unit: '%' }, 3, [0, 1, 1, 2, 2]).reading).toBe(
			'moins_favorable'
		);
		expect(peerReading(up, 8, [2, 3, 5, 6]).reading).toBe('indetermine');
	});
});

describe('contrat level without an evolution', () => {
	it('sums a count only when every QPV of the contrat is published that year', () => {
		// CV004 pop_mun 2018 (DEMO_2022): QP001001 6 490 + QP001002 1 926 = 8 416.
		const full = contratLevel(population, 2018, [6490, 1926], 2);
		expect(full).toMatchObject({ kind: 'somme_memes_qpv', baseline: null, latest: 8416, n: 2 });
		// One of three QPV secret: no partial sum, said in words.
		const partial = contratLevel(population, 2018, [6490, 1926], 3);
		expect(partial).toMatchObject({ kind: 'aucune', latest: null, n: 2 });
		expect(partial.label).toBe(
			'pas de somme : 2 QPV publiés sur 3 en 2018 (une somme partielle sous-estimerait le contrat)'
		);
	});
	it('gives the median of the QPV values for a rate or an amount', () => {
		// CV004 loyer_ls_median 2022: median of QP001001 5.43 and QP001002 5.10 = 5.265.
		const f = contratLevel({ aggregation: 'none', unit: '€/m²' }, 2022, [5.43, 5.1], 2);
		expect(f.kind).toBe('mediane');
		expect(f.latest).toBeCloseTo(5.265, 10);
		expect(contratLevel(population, 2018, [], 2).kind).toBe('aucune');
	});
	it('evaluates the headline indicators and every key indicator of the pillar tables', () => {
		expect(EVALUATED_INDICATORS.slice(0, 5)).toEqual([...HEADLINE_INDICATORS]);
		for (const ids of Object.values(KEY_INDICATORS_BY_PILLAR)) {
			for (const id of ids) expect(EVALUATED_INDICATORS).toContain(id);
		}
		expect(new Set(EVALUATED_INDICATORS).size).toBe(EVALUATED_INDICATORS.length);
	});
});
