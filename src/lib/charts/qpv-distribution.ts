// Distribution of one indicator across all QPV for one vintage, with the selected QPV marked.
// Secret or missing values are left out of the histogram and counted in the description.
// Every QPV page draws the same histogram (one per indicator and period) and only its own rule and
// label differ: the histogram is drawn once per distribution (a memoised rows array) and options,
// and each page adds its marks, drawn by Plot on the histogram's scales, and its description.
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
	return withSelection(base, description, selectionMarks(selected, label, options), options);
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

/** The selected QPV: a rule at its value, its value written beside the rule's top. */
function selectionMarks(
	selected: DistributionRow,
	label: string,
	options: QpvDistributionOptions
): Plot.Markish[] {
	return [
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
	];
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
 * The histogram with this page's description and marks. The marks are drawn alone, on the
 * histogram's x scale and frame, and appended after its marks, where a full drawing puts them:
 * they change no scale (the value lies within the bins' extent), so the text is the same.
 */
function withSelection(
	base: Histogram,
	description: string,
	marks: Plot.Markish[],
	options: QpvDistributionOptions
): string {
	const [left, right] = base.x.range as [number, number];
	const [bottom, top] = base.y.range as [number, number];
	const { width, height } = plotOptions([], options) as { width: number; height: number };
	const overlay = renderPlot(
		{
			width,
			height,
			marginTop: top,
			marginBottom: height - bottom,
			marginLeft: left,
			marginRight: width - right,
			x: { type: base.x.type, domain: base.x.domain, range: base.x.range, axis: null },
			marks
		},
		{ title: '', description: '' }
	);
	const drawn = overlay.slice(overlay.indexOf('<g data-mark='), overlay.lastIndexOf('</svg>'));
	const html = base.html
		.replace(
			`aria-description="${SLOT}"`,
			() => `aria-description="${escapedAttribute(description)}"`
		)
		.replace(`<desc>${SLOT}</desc>`, () => `<desc>${escapedText(description)}</desc>`);
	const end = html.lastIndexOf('</svg>');
	return html.slice(0, end) + drawn + html.slice(end);
}
