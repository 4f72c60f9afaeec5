// A territory's value by vintage with its reference territories' lines (QPV vs commune vs France).
// Secret or missing values break the line and get no dot: they are absent, never drawn as 0.
import * as Plot from '@observablehq/plot';
import { formatValue, tickFormatter } from '../format';
import { COLORS, renderPlot, yearTick, type ChartText } from './render';

export interface SeriesRow {
	/** Line name shown in the legend, e.g. 'QPV Grande Reyssouze', 'Bourg-en-Bresse (commune)'. */
	series: string;
	vintage: number;
	value: number | null;
	status: string;
}

export interface IndicatorSeriesOptions extends ChartText {
	unit: string;
	indicatorLabel: string;
	/** The series drawn in the highlight colour; the first series by default. */
	selected?: string;
}

const shown = (r: SeriesRow) => r.status === 'ok' && r.value !== null && Number.isFinite(r.value);

/**
 * Adds an empty point for each vintage a series lacks between its first and last one (e.g. no
 * commune file for 2017), so the line breaks there instead of drawing an interpolation.
 */
export function withGaps(rows: SeriesRow[], vintages: number[]): SeriesRow[] {
	const out: SeriesRow[] = [];
	for (const name of new Set(rows.map((r) => r.series))) {
		const own = rows.filter((r) => r.series === name);
		const years = new Set(own.map((r) => r.vintage));
		const [first, last] = [Math.min(...years), Math.max(...years)];
		const lacking = vintages.filter((v) => v > first && v < last && !years.has(v));
		out.push(
			...own,
			...lacking.map((vintage) => ({ series: name, vintage, value: null, status: 'missing' }))
		);
	}
	return out.sort((a, b) => a.vintage - b.vintage);
}

function hiddenNote(n: number): string {
	if (n === 0) return '';
	return n === 1
		? ' 1 valeur secrète ou non disponible, non représentée.'
		: ` ${n} valeurs secrètes ou non disponibles, non représentées.`;
}

export function indicatorSeriesChart(rows: SeriesRow[], options: IndicatorSeriesOptions): string {
	const names = [...new Set(rows.map((r) => r.series))];
	const selected = options.selected ?? names[0];
	const ordered = selected ? [selected, ...names.filter((n) => n !== selected)] : names;
	const vintages = [...new Set(rows.map((r) => r.vintage))].sort((a, b) => a - b);
	const sorted = withGaps(rows, vintages).map((r) => ({ ...r, value: shown(r) ? r.value : null }));
	const hidden = rows.filter((r) => !shown(r)).length;
	const description =
		options.description ??
		(vintages.length === 0
			? `${options.indicatorLabel} : aucune valeur publiée.`
			: `${options.indicatorLabel} par millésime, de ${vintages[0]} à ${vintages.at(-1)}, pour : ` +
				`${ordered.join(', ')}.` +
				hiddenNote(hidden));
	return renderPlot(
		{
			width: options.width ?? 640,
			height: options.height ?? 320,
			marginLeft: 60,
			x: { label: 'Millésime', ticks: vintages, tickFormat: yearTick, inset: 12 },
			y: { label: options.indicatorLabel, tickFormat: tickFormatter(options.unit), grid: true },
			color: {
				domain: ordered,
				range: [COLORS.selected, ...COLORS.reference],
				legend: true
			},
			marks: [
				Plot.line(sorted, {
					x: 'vintage',
					y: 'value',
					stroke: 'series',
					z: 'series',
					strokeWidth: 2
				}),
				Plot.dot(
					sorted.filter((r) => r.value !== null),
					{
						x: 'vintage',
						y: 'value',
						fill: 'series',
						r: 3.5,
						title: (r: SeriesRow) =>
							`${r.series}, ${r.vintage} : ${formatValue(r.value, options.unit)}`
					}
				)
			]
		},
		{ title: options.title, description }
	);
}
