// Distribution of one indicator across all QPV for one vintage, with the selected QPV marked.
// Secret or missing values are left out of the histogram and counted in the description.
// Every QPV page draws the same histogram (one per indicator and period) and only its own rule and
// label differ: the histogram is drawn once per distribution (a memoised rows array) and options,
// and each page adds its description and its two marks, placed by the histogram's x scale.
import * as Plot from '@observablehq/plot';
import { formatNumber, formatValue, tickFormatter } from '../format';
import {
	COLORS,
	drawPlot,
	escapedAttribute,
	escapedText,
	renderPlot,
	type ChartText
} from './render';

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
	if (!selected) {
		const marks = histogramMarks(ok, options.bins);
		return renderPlot(plotOptions(marks, options), textOf(options, description));
	}
	const base = histogram(rows, ok, options);
	const text = `${label} : ${formatValue(selected.value, options.unit)}`;
	return withSelection(base, description, selectionMarks(base, selected.value!, text));
}

function histogramMarks(ok: DistributionRow[], bins?: number): Plot.Markish[] {
	return [
		Plot.rectY(ok, {
			...Plot.binX({ y: 'count' }, { x: 'value', thresholds: bins ?? 30 }),
			fill: COLORS.muted
		}),
		Plot.ruleY([0])
	];
}

/**
 * The selected QPV: a rule at its value over the frame's height, its value written beside the
 * rule's top. Written as Plot writes `ruleX([v], {stroke, strokeWidth: 2})` and `text([v],
 * {frameAnchor: 'top', dx: 4, dy: -4, textAnchor: 'start'})` on the histogram's scales (the test
 * compares it with one Plot call holding every mark, for every QPV of a distribution): two
 * Plot calls per chart were a third of a QPV page's chart time, for two elements.
 */
function selectionMarks(base: Histogram, value: number, text: string): string {
	const x = base.x.apply(value) as number;
	const [bottom, top] = base.y.range as [number, number];
	const color = COLORS.selected;
	return (
		`<g data-mark="rule" stroke-width="2" stroke="${color}">` +
		`<line y2="${bottom}" y1="${top}" x2="${x}" x1="${x}" /></g>` +
		`<g data-mark="text" transform="translate(4,-4)" text-anchor="start" fill="${color}">` +
		`<text transform="translate(${x},${top})" y="0.71em">${escapedText(text)}</text></g>`
	);
}

function plotOptions(marks: Plot.Markish[], options: QpvDistributionOptions): Plot.PlotOptions {
	return {
		width: options.width ?? 640,
		height: options.height ?? 240,
		marginTop: 24,
		x: { label: options.indicatorLabel, tickFormat: tickFormatter(options.unit) },
		y: { label: 'Nombre de QPV', tickFormat: tickFormatter('nombre'), grid: true },
		marks
	};
}

const textOf = (options: QpvDistributionOptions, description: string) => ({
	title: options.title,
	description,
	fontSize: options.fontSize
});

/** Never in a description: marks where each page's description goes in the shared histogram. */
const SLOT = 'QPVDISTRIBUTIONDESCRIPTIONSLOT';

interface Histogram {
	html: string;
	x: Plot.Scale;
	y: Plot.Scale;
}

/** Per rows array (the memoised distribution: never mutated), per options: its histogram. */
const histograms = new WeakMap<DistributionRow[], Map<string, Histogram>>();

function histogram(
	rows: DistributionRow[],
	ok: DistributionRow[],
	options: QpvDistributionOptions
): Histogram {
	const { title, unit, indicatorLabel, width, height, fontSize, bins } = options;
	const key = JSON.stringify([title, unit, indicatorLabel, width, height, fontSize, bins]);
	let byOptions = histograms.get(rows);
	if (!byOptions) histograms.set(rows, (byOptions = new Map()));
	let found = byOptions.get(key);
	if (!found) {
		const marks = histogramMarks(ok, bins);
		const node = drawPlot(plotOptions(marks, options), textOf(options, SLOT));
		found = { html: node.outerHTML, x: node.scale('x'), y: node.scale('y') };
		// Bounded: a page draws each distribution at one size and title.
		if (byOptions.size < 16) byOptions.set(key, found);
	}
	return found;
}

/**
 * The histogram with this page's description and marks, appended after its marks, where a full
 * drawing puts them: they change no scale (the value lies within the bins' extent).
 */
function withSelection(base: Histogram, description: string, drawn: string): string {
	const html = base.html
		.replace(
			`aria-description="${SLOT}"`,
			() => `aria-description="${escapedAttribute(description)}"`
		)
		.replace(`<desc>${SLOT}</desc>`, () => `<desc>${escapedText(description)}</desc>`);
	const end = html.lastIndexOf('</svg>');
	return html.slice(0, end) + drawn + html.slice(end);
}
