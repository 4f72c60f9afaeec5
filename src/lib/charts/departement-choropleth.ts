// Département choropleth: each département coloured by a value, overseas départements in their
// ANCT insets, class breaks rounded so that the legend reads, grey where no value is published.
//
// departementChoropleth(rows, options) → HTML string (<figure> with the legend and the <svg>)
//   rows: { code: '01' | '2A' | '971' …, value: number | null, label?: 'Ain' }[]
//         (label defaults to the département name; a département absent from rows is grey)
//   options: {
//     title: string            accessible name of the map (SVG <title>)
//     legend: string           legend title: what is coloured, with its unit and base
//     format?: (v) => string   French format of a value for tooltips (default 1 decimal)
//     higherIsBetter?: boolean true: darkest = highest; false: darkest = lowest (lower is better);
//                              absent: neutral, darkest = highest. The legend says which.
//     classes?: number         number of colour classes (default 5)
//     description?, width?     SVG <desc> (built when absent), width in px (default 600)
//   }
import * as Plot from '@observablehq/plot';
import { formatNumber } from '../format';
import { DEPARTEMENT_SHAPES, INSET_CIRCLES, type DepartementShape } from './departement-shapes';
import { renderPlot } from './render';

export interface ChoroplethRow {
	code: string;
	value: number | null;
	label?: string;
}

export interface ChoroplethOptions {
	title: string;
	legend: string;
	format?: (value: number) => string;
	higherIsBetter?: boolean;
	classes?: number;
	description?: string;
	width?: number;
}

const MISSING_FILL = '#d9d9d9';

/** Smallest power of ten giving about ten steps across the values' spread. */
function breakStep(values: number[]): number {
	const spread = Math.max(...values) - Math.min(...values);
	if (!(spread > 0)) return 1;
	return 10 ** (Math.floor(Math.log10(spread)) - 1);
}

/**
 * Class breaks at the quantiles of the values, rounded to the step the legend prints and
 * deduplicated: equal values give fewer classes, never a legend that repeats '100 100 100'.
 */
export function choroplethBreaks(
	values: number[],
	classes = 5
): { breaks: number[]; digits: number } {
	const sorted = values.filter(Number.isFinite).sort((a, b) => a - b);
	const step = sorted.length ? breakStep(sorted) : 1;
	const digits = Math.max(0, -Math.floor(Math.log10(step)));
	if (sorted.length < 2) return { breaks: [], digits };
	const min = sorted[0]!;
	const max = sorted[sorted.length - 1]!;
	const breaks: number[] = [];
	for (let k = 1; k < classes; k++) {
		const position = (k / classes) * (sorted.length - 1);
		const low = sorted[Math.floor(position)]!;
		const high = sorted[Math.ceil(position)]!;
		const raw = low + (high - low) * (position - Math.floor(position));
		const rounded = Number((Math.round(raw / step) * step).toFixed(digits));
		if (rounded > min && rounded <= max && !breaks.includes(rounded)) breaks.push(rounded);
	}
	return { breaks, digits };
}

function legendTitle(options: ChoroplethOptions): string {
	if (options.higherIsBetter === undefined) return `${options.legend} (plus foncé : plus élevé)`;
	return `${options.legend} (plus foncé : plus favorable)`;
}

export function departementChoropleth(rows: ChoroplethRow[], options: ChoroplethOptions): string {
	const byCode = new Map(rows.map((r) => [r.code, r]));
	const format = options.format ?? ((v: number) => formatNumber(v, 1));
	const valueOf = (s: DepartementShape) => byCode.get(s.code)?.value ?? null;
	const nameOf = (s: DepartementShape) => byCode.get(s.code)?.label ?? s.name;
	const values = DEPARTEMENT_SHAPES.map(valueOf).filter((v): v is number => v !== null);
	const { breaks, digits } = choroplethBreaks(values, options.classes ?? 5);
	const missing = DEPARTEMENT_SHAPES.length - values.length;
	const s = missing > 1 ? 's' : '';
	const description =
		options.description ??
		`${options.legend} : ${values.length} départements colorés, ${missing} sans valeur (gris). ` +
			`Les départements d’outre-mer sont dessinés dans les cercles à l’ouest de la Bretagne.`;
	const colored = DEPARTEMENT_SHAPES.filter((d) => valueOf(d) !== null);
	const grey = DEPARTEMENT_SHAPES.filter((d) => valueOf(d) === null);
	const tip = (d: DepartementShape) => {
		const v = valueOf(d);
		return `${nameOf(d)} (${d.code}) : ${v === null ? 'pas de valeur publiée' : format(v)}`;
	};
	const single = breaks.length === 0 && values.length > 0;
	return renderPlot(
		{
			width: options.width ?? 600,
			margin: 16,
			marginBottom: 24,
			projection: {
				type: 'conic-conformal',
				parallels: [44, 49],
				rotate: [-3, 0],
				domain: {
					type: 'FeatureCollection',
					features: [
						...DEPARTEMENT_SHAPES.map((d) => d.geometry),
						...INSET_CIRCLES.map((c) => ({ type: 'Polygon', coordinates: [c.ring] }))
					].map((geometry) => ({ type: 'Feature', properties: {}, geometry }))
				}
			},
			color: (single
				? {
						type: 'ordinal',
						domain: [values[0]],
						range: ['#6baed6'],
						legend: true,
						label: legendTitle(options),
						tickFormat: (v: number) => formatNumber(v, digits)
					}
				: {
						type: 'threshold',
						domain: breaks,
						scheme: 'blues',
						reverse: options.higherIsBetter === false,
						legend: true,
						width: 360,
						label: legendTitle(options),
						tickFormat: (v: number) => formatNumber(v, digits)
					}) as Plot.ScaleOptions,
			marks: [
				Plot.geo(INSET_CIRCLES, {
					geometry: (c: (typeof INSET_CIRCLES)[number]) => ({
						type: 'Polygon',
						coordinates: [c.ring]
					}),
					fill: '#f6f6f6',
					stroke: '#929292',
					strokeWidth: 0.75
				}),
				Plot.geo(grey, {
					geometry: (d: DepartementShape) => d.geometry,
					fill: MISSING_FILL,
					stroke: '#ffffff',
					strokeWidth: 0.5,
					title: tip
				}),
				Plot.geo(colored, {
					geometry: (d: DepartementShape) => d.geometry,
					fill: (d: DepartementShape) => valueOf(d),
					stroke: '#ffffff',
					strokeWidth: 0.5,
					title: tip
				}),
				Plot.text(INSET_CIRCLES, {
					x: (c: (typeof INSET_CIRCLES)[number]) => c.labelPoint[0],
					y: (c: (typeof INSET_CIRCLES)[number]) => c.labelPoint[1],
					text: (c: (typeof INSET_CIRCLES)[number]) =>
						c.codes.map((code) => DEPARTEMENT_SHAPES.find((d) => d.code === code)?.name).join(', '),
					dy: 7,
					fontSize: 9,
					fill: '#3a3a3a'
				}),
				Plot.text(missing ? [`En gris : pas de valeur publiée (${missing} département${s})`] : [], {
					frameAnchor: 'top-right',
					fontSize: 11,
					fill: '#3a3a3a'
				})
			]
		},
		{ title: options.title, description }
	);
}
