// Charts of a Baromètre des résultats series: the national value by date (with the published
// target), the départements ranked by their latest value, and the distribution of those values.
import * as Plot from '@observablehq/plot';
import { formatDate, formatNumber, tickFormatter } from '../format';
import { COLORS, renderPlot, type ChartText } from './render';

export interface BarometrePoint {
	date: string;
	value: number | null;
	value_target: number | null;
}

export interface BarometreChartOptions extends ChartText {
	unit: string;
	/** Formats a value in the series' unit (the page's formatter, shared with its tables). */
	format: (value: number) => string;
	label: string;
}

const asDate = (iso: string) => new Date(`${iso}T00:00:00Z`);

/** National series: line and dots of the published values, the target as a ringed point. */
export function barometreSeriesChart(
	rows: BarometrePoint[],
	options: BarometreChartOptions
): string {
	const values = rows
		.filter((r) => r.value !== null && Number.isFinite(r.value))
		.map((r) => ({ date: asDate(r.date), iso: r.date, value: r.value! }));
	const targets = rows
		.filter((r) => r.value_target !== null)
		.map((r) => ({ date: asDate(r.date), iso: r.date, value: r.value_target! }));
	const first = values[0];
	const last = values.at(-1);
	const description =
		options.description ??
		(first && last
			? `${options.label}, France : ${options.format(first.value)} au ${formatDate(first.iso)}, ` +
				`${options.format(last.value)} au ${formatDate(last.iso)} (${formatNumber(values.length)} valeurs publiées)` +
				(targets.length
					? `. Cible : ${targets.map((t) => `${options.format(t.value)} au ${formatDate(t.iso)}`).join(', ')}.`
					: '.')
			: `${options.label} : aucune valeur nationale publiée.`);
	return renderPlot(
		{
			width: options.width ?? 640,
			height: options.height ?? 300,
			marginLeft: 70,
			marginRight: 30,
			x: { type: 'utc', label: 'Date', grid: false },
			y: { label: options.label, tickFormat: tickFormatter(options.unit), grid: true, zero: true },
			marks: [
				Plot.line(values, { x: 'date', y: 'value', stroke: COLORS.selected, strokeWidth: 2 }),
				Plot.dot(values, { x: 'date', y: 'value', fill: COLORS.selected, r: 3 }),
				Plot.dot(targets, {
					x: 'date',
					y: 'value',
					stroke: COLORS.reference[0],
					strokeWidth: 2,
					r: 6
				}),
				Plot.text(targets, {
					x: 'date',
					y: 'value',
					dy: -14,
					fill: COLORS.reference[0],
					text: (t: { value: number }) => `cible ${options.format(t.value)}`
				})
			]
		},
		{ title: options.title, description }
	);
}

export interface DepartementBar {
	code: string;
	name: string | null;
	value: number;
}

/** One horizontal bar per département, highest value on top. */
export function departementRankingChart(
	rows: DepartementBar[],
	options: BarometreChartOptions
): string {
	const data = [...rows]
		.sort((a, b) => b.value - a.value || a.code.localeCompare(b.code))
		.map((r) => ({ ...r, label: `${r.name ?? r.code} (${r.code})` }));
	const top = data[0];
	const bottom = data.at(-1);
	const description =
		options.description ??
		(top && bottom
			? `${formatNumber(data.length)} départements classés selon « ${options.label} » : ` +
				`le plus élevé ${top.label} ${options.format(top.value)}, le plus bas ${bottom.label} ${options.format(bottom.value)}.`
			: `${options.label} : aucune valeur départementale publiée.`);
	return renderPlot(
		{
			width: options.width ?? 640,
			height: options.height ?? Math.max(120, 12 * data.length + 60),
			marginLeft: 190,
			marginRight: 60,
			style: { fontSize: '10px' },
			x: { label: options.label, tickFormat: tickFormatter(options.unit), grid: true, axis: 'top' },
			y: { label: null, domain: data.map((d) => d.label) },
			marks: [
				Plot.barX(data, { x: 'value', y: 'label', fill: COLORS.selected }),
				Plot.text(data, {
					x: 'value',
					y: 'label',
					dx: 4,
					textAnchor: 'start',
					text: (d: DepartementBar) => options.format(d.value)
				}),
				Plot.ruleX([0])
			]
		},
		{ title: options.title, description }
	);
}

/** Histogram of the départements' latest values. */
export function departementHistogram(values: number[], options: BarometreChartOptions): string {
	const sorted = [...values].sort((a, b) => a - b);
	const description =
		options.description ??
		(sorted.length
			? `Répartition de ${formatNumber(sorted.length)} départements selon « ${options.label} », ` +
				`de ${options.format(sorted[0]!)} à ${options.format(sorted.at(-1)!)}.`
			: `${options.label} : aucune valeur départementale publiée.`);
	return renderPlot(
		{
			width: options.width ?? 640,
			height: options.height ?? 240,
			marginLeft: 50,
			x: { label: options.label, tickFormat: tickFormatter(options.unit) },
			y: { label: 'Nombre de départements', grid: true },
			marks: [
				Plot.rectY(
					sorted.map((value) => ({ value })),
					{ ...Plot.binX({ y: 'count' }, { x: 'value', thresholds: 20 }), fill: COLORS.selected }
				),
				Plot.ruleY([0])
			]
		},
		{ title: options.title, description }
	);
}
