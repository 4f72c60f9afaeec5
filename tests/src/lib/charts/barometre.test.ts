import { describe, expect, it } from 'vitest';
import {
	barometreSeriesChart,
	departementHistogram,
	departementRankingChart
} from '../../../../src/lib/charts/barometre';

const options = {
	title: 'Maisons de santé',
	unit: 'maisons de santé',
	label: 'Maisons de santé',
	format: (v: number) => `${v} maisons`
};

describe('barometreSeriesChart', () => {
	it('draws the published values and the target, described for screen readers', () => {
		const svg = barometreSeriesChart(
			[
				{ date: '2022-12-01', value: 2251, value_target: null },
				{ date: '2023-12-01', value: 2501, value_target: null },
				{ date: '2026-12-01', value: null, value_target: 4000 }
			],
			options
		);
		expect(svg).toMatch(/role="img"/);
		expect(svg).toContain('<title>Maisons de santé</title>');
		expect(svg).toContain('2251 maisons au 01/12/2022');
		expect(svg).toContain('Cible : 4000 maisons au 01/12/2026');
		expect(svg).toContain('cible 4000 maisons');
	});

	it('says when there is no national value', () => {
		expect(barometreSeriesChart([], options)).toContain('aucune valeur nationale publiée');
	});
});

describe('departementRankingChart', () => {
	it('puts the highest département first in the description', () => {
		const svg = departementRankingChart(
			[
				{ code: '01', name: 'Ain', value: 38 },
				{ code: '13', name: 'Bouches-du-Rhône', value: 120 }
			],
			options
		);
		expect(svg).toContain(
			'le plus élevé Bouches-du-Rhône (13) 120 maisons, le plus bas Ain (01) 38 maisons'
		);
		expect((svg.match(/<rect/g) ?? []).length).toBeGreaterThanOrEqual(2);
	});
});

describe('departementHistogram', () => {
	it('describes the range of the values', () => {
		expect(departementHistogram([3, 1, 2], options)).toContain('de 1 maisons à 3 maisons');
	});
});
