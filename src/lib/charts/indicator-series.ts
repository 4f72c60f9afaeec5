// A territory's value by data year with its reference territories' lines (QPV vs commune vs France).
// Secret or missing values break the line and get no dot: they are absent, never drawn as 0.
import * as Plot from '@observablehq/plot';
import { formatValue, tickFormatter } from '../format';
import { COLORS, lightDocument, renderPlot, SERIES, yearTick, type ChartText } from './render';

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

/** Lines drawn with a label at their end instead of a legend: few enough to read. */
const MAX_DIRECT_LABELS = 3;

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
	const width = options.width ?? 640;
	const height = options.height ?? 320;
	const fontSize = options.fontSize ?? 10;
	const values = sorted.flatMap((r) => (r.value === null ? [] : [r.value]));
	const [lo, hi] = [Math.min(...values), Math.max(...values)];
	const pad = (hi - lo || Math.abs(hi) || 1) * 0.08;
	const domain = values.length ? [lo - pad, hi + pad] : [0, 1];
	const direct = names.length <= MAX_DIRECT_LABELS;
	const labels = direct ? endLabels(sorted, domain, height, fontSize) : [];
	const marginRight = direct
		? Math.min(
				width * 0.42,
				16 + fontSize * 0.62 * Math.max(0, ...labels.map((l) => l.text.length))
			)
		: 20;
	return renderPlot(
		{
			width,
			height,
			marginLeft: Math.max(60, fontSize * 5.6),
			marginRight,
			marginTop: MARGIN_TOP,
			marginBottom: MARGIN_BOTTOM,
			x: {
				label: xLabel,
				ticks: everyOther(years, width - marginRight - 60, fontSize),
				tickFormat: yearTick,
				inset: 12
			},
			y: {
				label: options.indicatorLabel,
				domain,
				tickFormat: tickFormatter(options.unit),
				grid: true
			},
			color: {
				domain: ordered,
				range: SERIES,
				legend: !direct
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
					strokeWidth: 2.5
				}),
				...labelMarks(labels),
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
		{ title: options.title, description, fontSize: options.fontSize },
		lightDocument()
	);
}

interface EndLabel {
	series: string;
	year: number;
	value: number;
	text: string;
}

const MARGIN_TOP = 20;
/**
 * Room for the year ticks and, below them, the axis title (Plot puts it 3 px above the edge): with
 * Plot's 30 px, a long title (« Millésime (année des données non publiée) → ») at 14 px ran into
 * the ticks it spans.
 */
const MARGIN_BOTTOM = 40;

/**
 * One label per line at its last published point, pushed apart vertically so that two lines ending
 * close together keep readable labels (at least one line of text between their baselines).
 */
export function endLabels(
	rows: SeriesRow[],
	domain: number[],
	height: number,
	fontSize: number
): EndLabel[] {
	const last = new Map<string, SeriesRow>();
	for (const r of rows) if (r.value !== null) last.set(r.series, r);
	const inner = height - MARGIN_TOP - MARGIN_BOTTOM;
	const [d0, d1] = [domain[0]!, domain[1]!];
	const toPx = (v: number) => MARGIN_TOP + (1 - (v - d0) / (d1 - d0 || 1)) * inner;
	const toValue = (px: number) => d0 + (1 - (px - MARGIN_TOP) / inner) * (d1 - d0 || 1);
	const placed = [...last.values()]
		.map((r) => ({ r, y: toPx(r.value!) }))
		.sort((a, b) => a.y - b.y);
	const gap = fontSize * 1.2;
	for (let i = 1; i < placed.length; i++) {
		placed[i]!.y = Math.max(placed[i]!.y, placed[i - 1]!.y + gap);
	}
	// All labels at the last year, so that a line ending early does not label across others.
	const lastYear = Math.max(...placed.map((p) => p.r.year));
	return placed.map(({ r, y }) => ({
		series: r.series,
		year: lastYear,
		value: toValue(y),
		text: shortName(r.series)
	}));
}

function labelMarks(labels: EndLabel[]): Plot.Markish[] {
	if (labels.length === 0) return [];
	return [
		Plot.text(labels, {
			x: 'year',
			y: 'value',
			text: 'text',
			fill: 'series',
			textAnchor: 'start',
			dx: 8,
			clip: false
		})
	];
}

/** Year ticks that fit: every other year when four-digit labels would touch. */
export function everyOther(years: number[], innerWidth: number, fontSize: number): number[] {
	const fits = years.length * fontSize * 3 <= innerWidth;
	return fits ? years : years.filter((_, i) => (years.length - 1 - i) % 2 === 0);
}

/** A direct label short enough to sit beside a line, cut at a word ('Commune X' → 'X'). */
export function shortName(name: string): string {
	const plain = name
		.replace(/\s*\([^)]*\)$/, '')
		.replace(/ du contrat$/, '')
		.replace(/^Commune /, '');
	if (plain.length <= 21) return plain;
	// Cut at a word boundary: 'Médiane des autres QPV' → 'Médiane des autres…'.
	const cut = plain.slice(0, 21);
	const space = cut.lastIndexOf(' ');
	return `${cut.slice(0, space > 8 ? space : 20)}…`;
}
