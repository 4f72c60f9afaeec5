import { describe, expect, it } from 'vitest';
import { explainPopulationGaps, subsetWithSum } from '../../../../src/lib/domain/population-gaps';

const q = (code: string, population: number | null) => ({ code, population });

describe('subsetWithSum', () => {
	it('prefers the smallest set', () => {
		const items = [q('a', 5), q('b', 3), q('c', 2)] as { code: string; population: number }[];
		expect(subsetWithSum(items, 5)!.map((i) => i.code)).toEqual(['a']);
		expect(subsetWithSum(items, 10)!.map((i) => i.code)).toEqual(['a', 'b', 'c']);
		expect(subsetWithSum(items, 4)).toBeNull();
	});
});

describe('explainPopulationGaps', () => {
	it('finds the QPV linked here but not counted by ANCT (one contrat, like Bordeaux)', () => {
		// linked 1,000 + 1,105 = 2,105, published 1,000: gap +1,105 = QB.
		const gaps = explainPopulationGaps([
			{ code: 'CV1', departement: '33', published: 1000, qpv: [q('QA', 1000), q('QB', 1105)] },
			{ code: 'CV2', departement: '33', published: 500, qpv: [q('QC', 500)] }
		]);
		expect(gaps).toEqual([
			{
				code: 'CV1',
				published: 1000,
				linked: 2105,
				gap: 1105,
				explainedBy: [{ code: 'QB', population: 1105, side: 'here', otherContrat: null }]
			}
		]);
	});

	it('pairs moves that cancel out between contrats of one département (like Mayotte)', () => {
		// CV7 has QX (300) and QY (200) linked but ANCT counts them in CV8: +500 / −500.
		const gaps = explainPopulationGaps([
			{
				code: 'CV7',
				departement: '976',
				published: 100,
				qpv: [q('QW', 100), q('QX', 300), q('QY', 200)]
			},
			{ code: 'CV8', departement: '976', published: 1500, qpv: [q('QZ', 1000)] }
		]);
		expect(gaps.map((g) => [g.code, g.gap])).toEqual([
			['CV7', 500],
			['CV8', -500]
		]);
		expect(gaps[0]!.explainedBy).toEqual([
			{ code: 'QX', population: 300, side: 'here', otherContrat: 'CV8' },
			{ code: 'QY', population: 200, side: 'here', otherContrat: 'CV8' }
		]);
		expect(gaps[1]!.explainedBy).toEqual([
			{ code: 'QX', population: 300, side: 'elsewhere', otherContrat: 'CV7' },
			{ code: 'QY', population: 200, side: 'elsewhere', otherContrat: 'CV7' }
		]);
	});

	it('skips a contrat with an unknown QPV population and leaves an unexplained gap empty', () => {
		const gaps = explainPopulationGaps([
			{ code: 'CV1', departement: '01', published: 10, qpv: [q('QA', null)] },
			{ code: 'CV2', departement: '01', published: 10, qpv: [q('QB', 17)] }
		]);
		expect(gaps).toEqual([{ code: 'CV2', published: 10, linked: 17, gap: 7, explainedBy: [] }]);
	});
});
