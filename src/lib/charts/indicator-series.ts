// A territory's value by data year with its reference territories' lines (QPV vs commune vs France).
// Secret or missing values break the line and get no dot: they are absent, never drawn as 0.
import * as Plot from '@observablehq/plot';
import { formatValue, tickFormatter } from '../format';
import { COLORS, renderPlot, yearTick, type ChartText } from './render';

export interface SeriesRow {
	/** Line name shown in the legend, e.g. 'QPV Grande Reyssouze', 'Bourg-en-Bresse (commune)'. */
	series: string;
	/** Position on the axis: the data year (or the vintage when the data year is unpublished). */
	year: number;
	value: number | null;
	status: string;
}

export interface IndicatorSeriesOptions extends ChartText {
	unit: string;
	indicatorLabel: string;
	/** The series drawn in the highlight colour; the first series by default. */
	selected?: string;
	/** Axis label: 'Année des données' unless the data year is unpublished. */
	xLabel?: string;
	/** First years of a new comparability segment: a dashed rule marks each break. */
	breaks?: number[];
}

const shown = (r: SeriesRow) => r.status === 'ok' && r.value !== null && Number.isFinite(r.value);

/**
 * Adds an empty point for each year a series lacks between its first and last one (e.g. no
 * commune file for 2017), so the line breaks there instead of drawing an interpolation.
 */
export function withGaps(rows: SeriesRow[], years: number[]): SeriesRow[] {
	const out: SeriesRow[] = [];
	for (const name of new Set(rows.map((r) => r.series))) {
		const own = rows.filter((r) => r.series === name);
		const present = new Set(own.map((r) => r.year));
		const [first, last] = [Math.min(...present), Math.max(...present)];
		const lacking = years.filter((v) => v > first && v < last && !present.has(v));
		out.push(
			...own,
			...lacking.map((year) => ({ series: name, year, value: null, status: 'missing' }))
		);
	}
	return out.sort((a, b) => a.year - b.year);
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
	const years = [...new Set(rows.map((r) => r.year))].sort((a, b) => a - b);
	const xLabel = options.xLabel ?? 'Année des données';
	const breaks = options.breaks ?? [];
	const sorted = withGaps(rows, years).map((r) => ({ ...r, value: shown(r) ? r.value : null }));
	const hidden = rows.filter((r) => !shown(r)).length;
	const description =
		options.description ??
		(years.length === 0
			? `${options.indicatorLabel} : aucune valeur publiée.`
			: `${options.indicatorLabel} par ${xLabel.toLowerCase()}, de ${years[0]} à ${years.at(-1)}, pour : ` +
				`${ordered.join(', ')}.` +
				breaks.map((b) => ` Rupture de série en ${b} : pas d’évolution lue à travers.`).join('') +
				hiddenNote(hidden));
	return renderPlot(
		{
			width: options.width ?? 640,
			height: options.height ?? 320,
			marginLeft: 60,
			x: { label: xLabel, ticks: years, tickFormat: yearTick, inset: 12 },
			y: { label: options.indicatorLabel, tickFormat: tickFormatter(options.unit), grid: true },
			color: {
				domain: ordered,
				range: [COLORS.selected, ...COLORS.reference],
				legend: true
			},
			marks: [
				...breaks.map((b) =>
					Plot.ruleX([b - 0.5], { stroke: COLORS.muted, strokeWidth: 2, strokeDasharray: '4,3' })
				),
				Plot.line(sorted, {
					x: 'year',
					y: 'value',
					stroke: 'series',
					z: 'series',
					strokeWidth: 2
				}),
				Plot.dot(
					sorted.filter((r) => r.value !== null),
					{
						x: 'year',
						y: 'value',
						fill: 'series',
						r: 3.5,
						title: (r: SeriesRow) =>
							`${r.series}, ${r.year} : ${formatValue(r.value, options.unit)}`
					}
				)
			]
		},
		{ title: options.title, description }
	);
}
