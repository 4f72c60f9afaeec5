import { describe, expect, it } from 'vitest';
import {
	contratQpvDistributionChart,
	shorten
} from '../../../../src/lib/charts/contrat-qpv-distribution';
import { dispositifsByYearChart } from '../../../../src/lib/charts/dispositifs-by-year';
import { indicatorSeriesChart, withGaps } from '../../../../src/lib/charts/indicator-series';
import { franceContratsMap, qpvBoundaryMap } from '../../../../src/lib/charts/maps';
import { qpvDistributionChart } from '../../../../src/lib/charts/qpv-distribution';
import { contrats, qpvWithHole } from '../../../fixtures/charts/areas';
import { count, decode, markGroups } from './helpers';

const seriesRows = [
	{ series: 'QPV A', year: 2017, value: 44.1, status: 'ok' },
	{ series: 'QPV A', year: 2018, value: null, status: 'secret' },
	{ series: 'QPV A', year: 2019, value: 43, status: 'ok' },
	{ series: 'QPV A', year: 2021, value: 41.6, status: 'ok' },
	{ series: 'Commune A', year: 2017, value: 20.5, status: 'ok' },
	{ series: 'Commune A', year: 2019, value: 19.8, status: 'ok' },
	{ series: 'Commune A', year: 2021, value: 19.1, status: 'ok' }
];

function expectAccessible(html: string, title: string) {
	expect(html).toContain(`aria-label="${title}"`);
	expect(html).toContain(`<title>${title}</title>`);
	expect(html).toContain('<desc>');
	expect(html).toContain('role="img"');
	expect(html).not.toContain('NaN');
}

describe('indicatorSeriesChart', () => {
	it('draws one line per territory and dots only for published values', () => {
		const html = decode(
			indicatorSeriesChart(seriesRows, {
				title: 'Taux de pauvreté',
				unit: '%',
				indicatorLabel: 'Taux de pauvreté'
			})
		);
		expectAccessible(html, 'Taux de pauvreté');
		expect(count(markGroups(html, 'line'), 'path')).toBe(2);
		expect(count(markGroups(html, 'dot'), 'circle')).toBe(6);
		expect(html).toContain('QPV A, 2017 : 44,1\u00a0%');
		expect(html).toContain('>2017<');
		expect(html).not.toContain('2\u202f017');
		expect(html).toMatch(/>\d+\u00a0%</);
		expect(html).toContain('1 valeur secrète ou non disponible, non représentée.');
		// Two lines: labelled at their end, no legend.
		expect(html.startsWith('<svg')).toBe(true);
		expect(markGroups(html, 'text')).toContain('>QPV A<');
		// 'Commune A' is labelled by its name alone.
		expect(markGroups(html, 'text')).toContain('>A<');
	});
	it('reads data years on the axis and marks a declared break', () => {
		const html = decode(
			indicatorSeriesChart(seriesRows, {
				title: 'Taux d’emploi',
				unit: '%',
				indicatorLabel: 'Taux d’emploi',
				xLabel: 'Millésime (année des données non publiée)',
				breaks: [2019]
			})
		);
		expect(html).toContain('Millésime (année des données non publiée)');
		expect(html).toContain('Rupture de série en 2019');
		expect(count(markGroups(html, 'rule'), 'line')).toBe(1);
		const plain = decode(
			indicatorSeriesChart(seriesRows, { title: 'T', unit: '%', indicatorLabel: 'T' })
		);
		expect(plain).toContain('Année des données');
		expect(plain).not.toContain('Rupture');
	});
	it('renders an empty chart without NaN', () => {
		const html = decode(
			indicatorSeriesChart([], { title: 'Vide', unit: '%', indicatorLabel: 'Vide' })
		);
		expectAccessible(html, 'Vide');
		expect(html).toContain('aucune valeur publiée');
	});
});

describe('withGaps', () => {
	it('adds an empty point where a series lacks a year inside its own span only', () => {
		const rows = withGaps(
			[
				{ series: 'C', year: 2016, value: 1, status: 'ok' },
				{ series: 'C', year: 2018, value: 2, status: 'ok' },
				{ series: 'F', year: 2014, value: 3, status: 'ok' }
			],
			[2014, 2016, 2017, 2018, 2019]
		);
		expect(rows.filter((r) => r.series === 'C').map((r) => [r.year, r.value])).toEqual([
			[2016, 1],
			[2017, null],
			[2018, 2]
		]);
		expect(rows.filter((r) => r.series === 'F')).toHaveLength(1);
	});
	it('breaks the drawn line at the missing year', () => {
		const html = indicatorSeriesChart(
			[
				{ series: 'C', year: 2016, value: 1, status: 'ok' },
				{ series: 'C', year: 2018, value: 2, status: 'ok' },
				{ series: 'C', year: 2019, value: 3, status: 'ok' },
				{ series: 'F', year: 2017, value: 3, status: 'ok' }
			],
			{ title: 't', unit: '%', indicatorLabel: 't' }
		);
		const d = /data-mark="line"[^]*?<path d="([^"]+)"/.exec(html)?.[1] ?? '';
		expect(d.match(/M/g)).toHaveLength(2);
	});
});

describe('shorten', () => {
	it('cuts long QPV labels with an ellipsis', () => {
		expect(shorten('Croix Blanche (QP001002)')).toBe('Croix Blanche (QP001002)');
		expect(shorten('Grande Reyssouze Terre Des Fleurs (QP001001)')).toBe(
			'Grande Reyssouze Terre Des Fleurs…'
		);
	});
});

describe('qpvDistributionChart', () => {
	const rows = Array.from({ length: 40 }, (_, i) => ({
		territory_code: `QP0010${String(i).padStart(2, '0')}`,
		value: 10 + i,
		status: 'ok'
	}));
	rows.push({ territory_code: 'QP001099', value: null as unknown as number, status: 'secret' });
	it('draws a histogram, a rule for the selected QPV and counts the excluded ones', () => {
		const html = decode(
			qpvDistributionChart(rows, {
				title: 'Répartition',
				unit: '%',
				indicatorLabel: 'Taux',
				selectedCode: 'QP001005',
				selectedLabel: 'QPV test',
				bins: 8
			})
		);
		expectAccessible(html, 'Répartition');
		expect(count(markGroups(html, 'rect'), 'rect')).toBeGreaterThanOrEqual(4);
		expect(count(markGroups(html, 'rule'), 'line')).toBeGreaterThanOrEqual(1);
		expect(html).toContain('QPV test : 15,0\u00a0%');
		expect(html).toContain('1 QPV sans valeur publiée, non représentés');
	});
});

describe('contratQpvDistributionChart', () => {
	it('shows each QPV as a dot, min/median/max rules and the secret QPV without a dot', () => {
		const html = decode(
			contratQpvDistributionChart(
				[
					{ code: 'QP001001', name: 'Quartier 1', value: 12000, status: 'ok' },
					{ code: 'QP001002', name: 'Quartier 2', value: 14000, status: 'ok' },
					{ code: 'QP001003', name: 'Quartier 3', value: 16500, status: 'ok' },
					{ code: 'QP001004', name: null, value: null, status: 'secret' }
				],
				{
					title: 'Revenu médian',
					unit: '€',
					indicatorLabel: 'Revenu médian',
					highlightCode: 'QP001002'
				}
			)
		);
		expectAccessible(html, 'Revenu médian');
		expect(count(markGroups(html, 'dot'), 'circle')).toBe(3);
		expect(count(markGroups(html, 'rule'), 'line')).toBe(3);
		expect(html).toContain('médiane 14\u202f000\u00a0€');
		expect(html).toContain('secret statistique');
		// The highlighted QPV in vermilion, the others in blue (Okabe–Ito).
		expect(html).toContain('fill="#d55e00"');
	});
});

describe('dispositifsByYearChart', () => {
	it('draws one bar per kind and year with its count in French', () => {
		const html = decode(
			dispositifsByYearChart(
				[
					{ kind: 'adulte_relais', year: 2020, count: 4310 },
					{ kind: 'fonjep', year: 2020, count: 1200 },
					{ kind: 'adulte_relais', year: 2021, count: 4520 },
					{ kind: 'fonjep', year: 2021, count: 1300 }
				],
				{ title: 'Postes financés' }
			)
		);
		expectAccessible(html, 'Postes financés');
		expect(count(markGroups(html, 'bar'), 'rect')).toBe(4);
		expect(html).toContain('>4\u202f310<');
		expect(html).toContain('Adultes-relais');
		expect(html).toContain('Postes FONJEP');
		expect(html).toContain('>2021<');
	});
});

describe('franceContratsMap', () => {
	it('draws the metropolitan perimeters, highlights one and reports the others', () => {
		const html = decode(
			franceContratsMap(contrats, {
				title: 'Contrats de ville',
				highlightCode: 'CV002'
			})
		);
		expectAccessible(html, 'Contrats de ville');
		const geo = html.split('data-mark="geo"');
		expect(geo).toHaveLength(3);
		expect(count(geo[1]!.slice(0, geo[1]!.indexOf('</g>')), 'path')).toBe(3);
		expect(count(geo[2]!.slice(0, geo[2]!.indexOf('</g>')), 'path')).toBe(1);
		expect(html).toContain('<title>Contrat B</title>');
		expect(html).toContain('1 contrats d’outre-mer non représentés');
		expect(html).toContain('2 contrats sans périmètre connu');
		expect(html).not.toContain('<image');
	});
});

describe('qpvBoundaryMap', () => {
	it('draws the QPV polygon inside the frame, not the whole world', () => {
		const html = decode(qpvBoundaryMap(qpvWithHole, { title: 'Contour du QPV' }));
		expectAccessible(html, 'Contour du QPV');
		const path = /<path d="([^"]+)"/.exec(markGroups(html, 'geo'))?.[1] ?? '';
		const numbers = path.match(/-?\d+(\.\d+)?/g)!.map(Number);
		expect(numbers.length).toBeGreaterThan(8);
		expect(Math.min(...numbers)).toBeGreaterThanOrEqual(0);
		expect(Math.max(...numbers)).toBeLessThanOrEqual(320);
		expect(path.match(/M/g)).toHaveLength(2);
	});
	it('throws a French error for an unreadable boundary', () => {
		expect(() =>
			qpvBoundaryMap({ code: 'QP001001', name: 'x', geometry: null }, { title: 't' })
		).toThrow('Contour illisible pour QP001001');
	});
});
