// Committed SVG snapshots of the charts of the contrat, QPV and home pages, at the size and text
// size the pages draw them (as Observable Plot's own tests do): CI diffs the SVG, a change of
// colour, label or layout shows in review. Update with `vitest -u` after looking at the new SVG.
import { describe, expect, it } from 'vitest';
import { contratQpvDistributionChart } from '../../../../src/lib/charts/contrat-qpv-distribution';
import { dispositifsByYearChart } from '../../../../src/lib/charts/dispositifs-by-year';
import {
	endLabels,
	everyOther,
	indicatorSeriesChart,
	shortName
} from '../../../../src/lib/charts/indicator-series';
import { qpvDistributionChart } from '../../../../src/lib/charts/qpv-distribution';
import { READABLE_FONT, SERIES } from '../../../../src/lib/charts/render';

const snap = (name: string) => `./__snapshots__/${name}.svg`;

describe('direct labels', () => {
	it('pushes apart two lines ending close together, by one line of text', () => {
		// Domain 0–20 on 250 px (inner 250 − 20 − 40 = 190 px from y = 20): 10.1 → 114.05 px,
		// 10 → 115 px, pushed to 114.05 + 1.2 × 10 = 126.05 px, i.e. 20 × (1 − 106.05 / 190) = 8.83684.
		const labels = endLabels(
			[
				{ series: 'A', year: 2019, value: 10, status: 'ok' },
				{ series: 'B', year: 2018, value: 10.1, status: 'ok' }
			],
			[0, 20],
			250,
			10
		);
		expect(labels.map((l) => l.series)).toEqual(['B', 'A']);
		expect(labels[0]!.value).toBeCloseTo(10.1, 6);
		expect(labels[1]!.value).toBeCloseTo(8.836842, 5);
		// Both at the last year, so that B's label does not cross A's line.
		expect(labels.map((l) => l.year)).toEqual([2019, 2019]);
	});
	it('shortens long reference names and thins year ticks that would touch', () => {
		expect(shortName('Médiane des autres QPV du contrat (calculée)')).toBe('Médiane des autres…');
		expect(shortName('Commune Bourg-en-Bresse')).toBe('Bourg-en-Bresse');
		expect(shortName('France métropolitaine')).toBe('France métropolitaine');
		// 7 years × 14 px × 3 = 294 px > 250 px: every other year, ending on the last.
		expect(everyOther([2013, 2014, 2015, 2016, 2017, 2018, 2019], 250, 14)).toEqual([
			2013, 2015, 2017, 2019
		]);
		expect(everyOther([2017, 2018, 2019], 250, 14)).toEqual([2017, 2018, 2019]);
	});
	it('uses seven distinct colour-blind-safe colours', () => {
		expect(new Set(SERIES).size).toBe(7);
	});
});

describe('chart snapshots', () => {
	it('QPV series against its references: distinct colours, labels at line ends', async () => {
		const svg = indicatorSeriesChart(
			[
				{ series: 'Grande Reyssouze', year: 2016, value: 44.3, status: 'ok' },
				{ series: 'Grande Reyssouze', year: 2017, value: 43.5, status: 'ok' },
				{ series: 'Grande Reyssouze', year: 2018, value: 41.4, status: 'ok' },
				{ series: 'Commune Bourg-en-Bresse', year: 2016, value: 20.1, status: 'ok' },
				{ series: 'Commune Bourg-en-Bresse', year: 2018, value: 19.8, status: 'ok' },
				{ series: 'France métropolitaine', year: 2016, value: 14.7, status: 'ok' },
				{ series: 'France métropolitaine', year: 2018, value: 14.8, status: 'ok' }
			],
			{
				title: 'Taux de pauvreté',
				unit: '%',
				indicatorLabel: 'Taux de pauvreté',
				xLabel: 'Année des données',
				width: 440,
				height: 280,
				fontSize: READABLE_FONT
			}
		);
		await expect(svg).toMatchFileSnapshot(snap('indicator-series'));
	});
	it('each QPV of a contrat on one scale, median named once', async () => {
		const svg = contratQpvDistributionChart(
			[
				{ code: 'QP001001', name: 'Grande Reyssouze Terre Des Fleurs', value: 41.4, status: 'ok' },
				{ code: 'QP001002', name: 'Croix Blanche', value: 49.4, status: 'ok' },
				{ code: 'QP001003', name: null, value: null, status: 'secret' }
			],
			{
				title: 'Taux de pauvreté dans chaque QPV',
				unit: '%',
				indicatorLabel: 'Taux de pauvreté',
				width: 400,
				height: 132,
				fontSize: READABLE_FONT
			}
		);
		await expect(svg).toMatchFileSnapshot(snap('contrat-qpv-distribution'));
	});
	it('posts by year: the legend lists only the kinds that have bars', async () => {
		const svg = dispositifsByYearChart(
			[
				{ kind: 'fonjep', year: 2020, count: 12 },
				{ kind: 'fonjep', year: 2021, count: 14 }
			],
			{ title: 'Postes FONJEP', width: 400, height: 260, fontSize: READABLE_FONT }
		);
		expect(svg).not.toContain('Adultes-relais');
		await expect(svg).toMatchFileSnapshot(snap('dispositifs-by-year'));
	});
	it('all QPV histogram with the selected QPV', async () => {
		const rows = Array.from({ length: 40 }, (_, i) => ({
			territory_code: `QP${String(i).padStart(6, '0')}`,
			value: 10 + i,
			status: 'ok'
		}));
		const svg = qpvDistributionChart(rows, {
			title: 'Répartition des QPV',
			unit: '%',
			indicatorLabel: 'Taux de pauvreté',
			selectedCode: 'QP000005',
			selectedLabel: 'ce quartier',
			width: 400,
			height: 240,
			fontSize: READABLE_FONT
		});
		await expect(svg).toMatchFileSnapshot(snap('qpv-distribution'));
	});
});
