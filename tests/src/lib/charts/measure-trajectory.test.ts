import { describe, expect, it } from 'vitest';
import { measureTrajectoryChart } from '../../../../src/lib/charts/measure-trajectory';
import { count, decode, markGroups } from './helpers';

const rows = [
	{ date: '2017-12-31', value: 68437499, series: 'Etalab (2017–2022)' },
	{ date: '2020-12-31', value: 74516117, series: 'Etalab (2017–2022)' },
	{ date: '2022-01-01', value: 74818068, series: 'DITP (2021–2024)' },
	{ date: '2023-12-01', value: 90778517, series: 'DITP (2021–2024)' }
];

describe('measureTrajectoryChart', () => {
	const html = decode(
		measureTrajectoryChart(rows, {
			title: 'Heures de patrouille',
			label: 'heures de patrouille',
			format: (v) => v.toLocaleString('fr-FR'),
			target: { date: '2026-12-01', value: 112585395 },
			joinDate: '2022-01-01'
		})
	);
	it('draws one line per publication with a legend, the join and a target labelled in full', () => {
		expect(count(markGroups(html, 'line'), 'path')).toBe(2);
		expect(html).toContain('Etalab (2017–2022)');
		expect(html).toContain('raccord des deux publications');
		expect(html).toContain('cible 112\u202f585\u202f395 (01/12/2026)');
		expect(html).toContain('text-anchor="end"');
		expect(html).not.toContain('NaN');
	});
	it('has no legend for a single publication', () => {
		const one = measureTrajectoryChart(rows.slice(0, 2), {
			title: 't',
			label: 'l',
			format: String
		});
		expect(one.startsWith('<svg')).toBe(true);
	});
	it('leaves room on the left for nine-digit tick labels', () => {
		// "100 000 000" is 11 characters: at 10 px, 0.62 × 10 × 11 = 68.2 → 69, plus 16 = 85 px.
		const grid = /data-mark="y-grid"[^]*?x1="(\d+)"/.exec(html);
		expect(Number(grid?.[1])).toBe(85);
		const small = decode(
			measureTrajectoryChart([{ date: '2020-01-01', value: 42, series: 'DITP' }], {
				title: 't',
				label: 'l',
				format: String
			})
		);
		expect(/data-mark="y-grid"[^]*?x1="(\d+)"/.exec(small)?.[1]).toBe('64');
	});
});
