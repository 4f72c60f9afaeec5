// Distribution of one indicator across all QPV for one vintage, with the selected QPV marked.
// Secret or missing values are left out of the histogram and counted in the description.
import * as Plot from '@observablehq/plot';
import { formatNumber, formatValue, tickFormatter } from '../format';
import { COLORS, renderPlot, type ChartText } from './render';

export interface DistributionRow {
	territory_code: string;
	value: number | null;
	status: string;
}

export interface QpvDistributionOptions extends ChartText {
	unit: string;
	indicatorLabel: string;
	/** The QPV drawn as a rule over the histogram. */
	selectedCode?: string;
	selectedLabel?: string;
	bins?: number;
}

export function qpvDistributionChart(
	rows: DistributionRow[],
	options: QpvDistributionOptions
): string {
	const ok = rows.filter((r) => r.status === 'ok' && r.value !== null && Number.isFinite(r.value));
	const excluded = rows.length - ok.length;
	const selected = ok.find((r) => r.territory_code === options.selectedCode);
	const label = options.selectedLabel ?? options.selectedCode ?? '';
	const description =
		options.description ??
		`Répartition de ${formatNumber(ok.length)} QPV selon « ${options.indicatorLabel} »` +
			(excluded > 0
				? ` (${formatNumber(excluded)} QPV sans valeur publiée, non représentés)`
				: '') +
			'.' +
			(selected ? ` ${label} : ${formatValue(selected.value, options.unit)}.` : '');
	const marks: Plot.Markish[] = [
		Plot.rectY(ok, {
			...Plot.binX({ y: 'count' }, { x: 'value', thresholds: options.bins ?? 30 }),
			fill: COLORS.muted
		}),
		Plot.ruleY([0])
	];
	if (selected) {
		marks.push(
			Plot.ruleX([selected], { x: 'value', stroke: COLORS.selected, strokeWidth: 2 }),
			Plot.text([selected], {
				x: 'value',
				frameAnchor: 'top',
				dy: -4,
				textAnchor: 'start',
				dx: 4,
				fill: COLORS.selected,
				text: (r: DistributionRow) => `${label} : ${formatValue(r.value, options.unit)}`
			})
		);
	}
	return renderPlot(
		{
			width: options.width ?? 640,
			height: options.height ?? 240,
			marginTop: 24,
			x: { label: options.indicatorLabel, tickFormat: tickFormatter(options.unit) },
			y: { label: 'Nombre de QPV', tickFormat: tickFormatter('nombre'), grid: true },
			marks
		},
		{ title: options.title, description, fontSize: options.fontSize }
	);
}
