// The QPV distribution drawn from its shared histogram is the drawing of all its marks at once:
// compared, for every QPV of a distribution, with one Plot call holding every mark.
import * as Plot from '@observablehq/plot';
import { describe, expect, it } from 'vitest';
import { tickFormatter, formatValue, formatNumber } from '../../../../src/lib/format';
import {
	qpvDistributionChart,
	type DistributionRow
} from '../../../../src/lib/charts/qpv-distribution';
import { COLORS, READABLE_FONT, renderPlot } from '../../../../src/lib/charts/render';

/** The chart as one Plot call: the histogram, its zero line, the QPV's rule and label. */
function drawnAtOnce(rows: DistributionRow[], code: string): string {
	const ok = rows.filter((r) => r.status === 'ok' && r.value !== null);
	const selected = ok.find((r) => r.territory_code === code)!;
	const text = `ce quartier : ${formatValue(selected.value, '%')}`;
	return renderPlot(
		{
			width: 400,
			height: 240,
			marginTop: 24,
			x: { label: 'Taux de pauvreté', tickFormat: tickFormatter('%') },
			y: { label: 'Nombre de QPV', tickFormat: tickFormatter('nombre'), grid: true },
			marks: [
				Plot.rectY(ok, {
					...Plot.binX({ y: 'count' }, { x: 'value', thresholds: 30 }),
					fill: COLORS.muted
				}),
				Plot.ruleY([0]),
				Plot.ruleX([selected], { x: 'value', stroke: COLORS.selected, strokeWidth: 2 }),
				Plot.text([selected], {
					x: 'value',
					frameAnchor: 'top',
					dy: -4,
					textAnchor: 'start',
					dx: 4,
					fill: COLORS.selected,
					text: () => text
				})
			]
		},
		{
			title: 'Répartition des QPV selon le taux de pauvreté, 2019',
			description:
				`Répartition de ${formatNumber(ok.length)} QPV selon « Taux de pauvreté » ` +
				`(1 QPV sans valeur publiée, non représentés). ${text}.`,
			fontSize: READABLE_FONT
		}
	);
}

describe('qpvDistributionChart', () => {
	it('gives every QPV the drawing of all its marks at once, from one shared histogram', () => {
		// 61 QPV from 10 % to 58 % in uneven steps, one secret.
		const rows: DistributionRow[] = Array.from({ length: 61 }, (_, i) => ({
			territory_code: `QP001${String(i).padStart(3, '0')}`,
			value: i === 7 ? null : 10 + ((i * 37) % 61) * 0.8,
			status: i === 7 ? 'secret' : 'ok'
		}));
		for (const r of rows.filter((r) => r.status === 'ok')) {
			const got = qpvDistributionChart(rows, {
				title: 'Répartition des QPV selon le taux de pauvreté, 2019',
				unit: '%',
				indicatorLabel: 'Taux de pauvreté',
				selectedCode: r.territory_code,
				selectedLabel: 'ce quartier',
				width: 400,
				height: 240,
				fontSize: READABLE_FONT
			});
			expect(got).toBe(drawnAtOnce(rows, r.territory_code));
		}
	});
});
