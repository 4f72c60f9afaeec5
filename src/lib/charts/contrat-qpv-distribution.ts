// Each QPV of a contrat as a dot on the indicator's scale, with the min, median and max of the
// published values. Secret QPV keep their row, labelled, without a dot: never a 0.
import { curly } from '../french';
import * as Plot from '@observablehq/plot';
import { distribution } from '../domain/aggregation';
import { formatValue, tickFormatter } from '../format';
import { COLORS, lightDocument, renderPlot, SERIES, type ChartText } from './render';

export interface ContratQpvRow {
	code: string;
	name: string | null;
	value: number | null;
	status: string;
}

export interface ContratQpvOptions extends ChartText {
	unit: string;
	indicatorLabel: string;
	highlightCode?: string;
}

/** Long QPV names are cut on the axis; the dot's tooltip keeps the full name. */
export function shorten(label: string, max = 34): string {
	return label.length <= max ? label : `${label.slice(0, max - 1).trimEnd()}…`;
}

export function contratQpvDistributionChart(
	rows: ContratQpvRow[],
	options: ContratQpvOptions
): string {
	const dist = distribution(
		rows.map((r) => ({
			code: r.code,
			value: r.status === 'ok' ? r.value : null,
			status:
				r.status === 'ok' && r.value !== null ? 'ok' : r.status === 'secret' ? 'secret' : 'missing'
		}))
	);
	const named = rows.map((r) => ({
		...r,
		label: r.name ? `${curly(r.name)} (${r.code})` : r.code
	}));
	const fontSize = options.fontSize ?? 10;
	// The axis labels get about 45 % of the width; names are cut to fit, the tooltip keeps them whole.
	const width = options.width ?? 640;
	const marginLeft = Math.round(width * 0.45);
	const maxChars = Math.floor(marginLeft / (fontSize * 0.58));
	const ok = named.filter((r) => r.status === 'ok' && r.value !== null);
	const absent = named.filter((r) => !(r.status === 'ok' && r.value !== null));
	// Rows ordered by value, QPV without a value last.
	const order = [...ok.sort((a, b) => a.value! - b.value!), ...absent].map((r) => r.label);
	const stats = [
		{ name: 'min', value: dist.min },
		{ name: 'médiane', value: dist.median },
		{ name: 'max', value: dist.max }
	].filter((s): s is { name: string; value: number } => s.value !== null);
	const fmt = (v: number | null) => formatValue(v, options.unit);
	const description =
		options.description ??
		`${options.indicatorLabel} dans ${rows.length} QPV du contrat` +
			(stats.length ? ` : ${stats.map((s) => `${s.name} ${fmt(s.value)}`).join(', ')}` : '') +
			(absent.length ? `. Sans valeur publiée : ${absent.map((r) => r.label).join(', ')}` : '') +
			'.';
	return renderPlot(
		{
			width,
			height: options.height ?? Math.max(120, 28 * rows.length + 60),
			marginLeft,
			marginRight: 24,
			marginTop: 24,
			x: { label: options.indicatorLabel, tickFormat: tickFormatter(options.unit), grid: true },
			y: { label: null, domain: order, tickFormat: (d: string) => shorten(d, maxChars) },
			marks: [
				Plot.ruleX(stats, { x: 'value', stroke: COLORS.muted, strokeDasharray: '4,3' }),
				// Only the median is named on the chart: min and max sit on the first and last dots,
				// and three labels side by side would overlap when the values are close.
				Plot.text(
					stats.filter((s) => s.name === 'médiane'),
					{
						x: 'value',
						frameAnchor: 'top',
						dy: -12,
						text: (s: { name: string; value: number }) => `médiane ${fmt(s.value)}`
					}
				),
				Plot.dot(ok, {
					x: 'value',
					y: 'label',
					r: 5,
					fill: (r: ContratQpvRow) => (r.code === options.highlightCode ? SERIES[1] : SERIES[0]),
					title: (r: ContratQpvRow & { label: string }) => `${r.label} : ${fmt(r.value)}`
				}),
				Plot.text(absent, {
					y: 'label',
					frameAnchor: 'left',
					dx: 4,
					textAnchor: 'start',
					fontStyle: 'italic',
					text: (r: ContratQpvRow) =>
						r.status === 'secret' ? 'secret statistique' : 'non disponible'
				})
			]
		},
		{ title: options.title, description, fontSize: options.fontSize },
		lightDocument()
	);
}
