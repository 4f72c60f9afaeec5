// Offline map of a Baromètre series by département: one dot per metropolitan département at the
// mean position of its communes, coloured by its latest value (no tiles, no boundaries needed).
import * as Plot from '@observablehq/plot';
import { COLORS, renderPlot, type ChartText } from './render';

export interface DepartementPoint {
	code: string;
	name: string;
	value: number;
	longitude: number;
	latitude: number;
}

export interface DepartementsMapOptions extends ChartText {
	label: string;
	format: (value: number) => string;
	/** Shorter number format for the colour legend (no unit); `format` by default. */
	legendFormat?: (value: number) => string;
}

/** Metropolitan France and Corsica: overseas départements are listed, not drawn. */
export function isMetropolitanPoint(p: { longitude: number; latitude: number }): boolean {
	return p.longitude > -6 && p.longitude < 10 && p.latitude > 41 && p.latitude < 52;
}

export function departementsMap(rows: DepartementPoint[], options: DepartementsMapOptions): string {
	const shown = rows.filter(isMetropolitanPoint);
	const away = rows.length - shown.length;
	const s = away > 1 ? 's' : '';
	const description =
		options.description ??
		`${options.label} : ${shown.length} départements métropolitains placés au centre de leurs communes ; ` +
			`${away} département${s} d’outre-mer non représenté${s} sur la carte.`;
	return renderPlot(
		{
			width: options.width ?? 520,
			height: options.height ?? 520,
			projection: {
				type: 'conic-conformal',
				parallels: [44, 49],
				rotate: [-3, 0],
				domain: {
					type: 'MultiPoint',
					coordinates: shown.map((p) => [p.longitude, p.latitude])
				}
			},
			color: {
				type: 'quantile',
				n: 5,
				scheme: 'blues',
				legend: true,
				label: options.label,
				tickFormat: options.legendFormat ?? options.format
			},
			marks: [
				Plot.dot(shown, {
					x: 'longitude',
					y: 'latitude',
					r: 6,
					fill: 'value',
					stroke: COLORS.selected,
					strokeWidth: 0.5,
					title: (d: DepartementPoint) => `${d.name} (${d.code}) : ${options.format(d.value)}`
				})
			]
		},
		{ title: options.title, description }
	);
}
