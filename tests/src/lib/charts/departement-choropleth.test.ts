import { describe, expect, it } from 'vitest';
import {
	choroplethBreaks,
	departementChoropleth
} from '../../../../src/lib/charts/departement-choropleth';
import { DEPARTEMENT_SHAPES, INSET_CIRCLES } from '../../../../src/lib/charts/departement-shapes';
import { count, decode, markGroups } from './helpers';

describe('département shapes', () => {
	it('has the 101 départements, 5 of them in the overseas insets, each inset with its circle', () => {
		expect(DEPARTEMENT_SHAPES).toHaveLength(101);
		expect(DEPARTEMENT_SHAPES.filter((d) => d.inset).map((d) => d.code)).toEqual([
			'971',
			'972',
			'973',
			'974',
			'976'
		]);
		expect(INSET_CIRCLES.flatMap((c) => c.codes).sort()).toEqual([
			'971',
			'972',
			'973',
			'974',
			'976'
		]);
		expect(DEPARTEMENT_SHAPES.find((d) => d.code === '2A')?.name).toBe('Corse-du-Sud');
	});
});

describe('choroplethBreaks', () => {
	it('cuts at the quantiles, rounded to the printed step', () => {
		// positions 0.8, 1.6, 2.4, 3.2 between sorted values 10…50 → 18, 26, 34, 42
		expect(choroplethBreaks([50, 10, 30, 20, 40])).toEqual({ breaks: [18, 26, 34, 42], digits: 0 });
	});
	it('gives no break (one class) when every value is equal, never a repeated legend', () => {
		expect(choroplethBreaks([100, 100, 100, 100])).toEqual({ breaks: [], digits: 0 });
	});
	it('keeps distinct breaks with enough decimals for a narrow spread', () => {
		// spread 0.4 → step 0.01; 99.6 + 0.4 × 0.8 = 99.92, then 100 three times (kept once)
		expect(choroplethBreaks([100, 99.6, 100, 100, 100])).toEqual({
			breaks: [99.92, 100],
			digits: 2
		});
	});
});

const rows = [
	{ code: '01', value: 12.3 },
	{ code: '13', value: 40 },
	{ code: '2A', value: 5 },
	{ code: '59', value: 35.5 },
	{ code: '75', value: 30 },
	{ code: '93', value: 48.2, label: 'Seine-Saint-Denis' },
	{ code: '971', value: 55 },
	{ code: '974', value: 20 },
	{ code: '48', value: null }
];

describe('departementChoropleth', () => {
	const html = decode(
		departementChoropleth(rows, {
			title: 'Postes par département',
			legend: 'Postes pour 1 000 habitants des QPV',
			format: (v) => `${v.toLocaleString('fr-FR')} ‰`,
			higherIsBetter: false
		})
	);
	it('colours the départements with a value, greys the others, overseas included', () => {
		const coloured = markGroups(html, 'geo');
		expect(count(coloured, 'path')).toBe(101 + INSET_CIRCLES.length);
		expect(html).toContain('Seine-Saint-Denis (93) : 48,2 ‰');
		expect(html).toContain('Guadeloupe (971) : 55 ‰');
		expect(html).toContain('Lozère (48) : pas de valeur publiée');
		expect(html).toContain('En gris : pas de valeur publiée (93 départements)');
		expect(html).toContain('plus foncé : plus favorable');
		expect(html).toContain('Guyane');
		expect(html).not.toContain('NaN');
	});
	it('matches the committed SVG snapshot', async () => {
		await expect(html).toMatchFileSnapshot('./__snapshots__/departement-choropleth.svg');
	});
});
