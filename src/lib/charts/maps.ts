// Offline maps (no tiles): the contrat perimeters of metropolitan France with one highlighted,
// and the boundary of one QPV. Geometries arrive as GeoJSON strings from the database.
import * as Plot from '@observablehq/plot';
import { formatNumber } from '../format';
import { isMetropolitan, parseGeometry, prepareGeometry, type AreaGeometry } from './geo';
import { COLORS, renderPlot, type ChartText } from './render';

export interface AreaRow {
	code: string;
	name: string;
	/** GeoJSON geometry (Polygon or MultiPolygon, WGS84) as text; null when unknown. */
	geometry: string | null;
}

type Feature = {
	type: 'Feature';
	properties: { code: string; name: string };
	geometry: AreaGeometry;
};

/** Lambert-like conic projection centred on France. */
const franceProjection = { type: 'conic-conformal', parallels: [44, 49], rotate: [-3, 0] } as const;

export interface FranceContratsOptions extends ChartText {
	highlightCode?: string;
	/** Vertex thinning in degrees (≈ 0.01° ≈ 1 km): keeps the SVG of 400 perimeters small. */
	tolerance?: number;
}

export function franceContratsMap(rows: AreaRow[], options: FranceContratsOptions): string {
	const features: Feature[] = [];
	let unreadable = 0;
	let overseas = 0;
	for (const r of rows) {
		const g = parseGeometry(r.geometry);
		if (!g) unreadable++;
		else if (!isMetropolitan(g)) overseas++;
		else {
			const geometry = prepareGeometry(g, options.tolerance ?? 0.01);
			features.push({ type: 'Feature', properties: { code: r.code, name: r.name }, geometry });
		}
	}
	const highlighted = features.filter((f) => f.properties.code === options.highlightCode);
	const description =
		options.description ??
		`Périmètres de ${formatNumber(features.length)} contrats de ville en France métropolitaine` +
			(highlighted[0] ? `, ${highlighted[0].properties.name} mis en évidence` : '') +
			'.' +
			(overseas > 0 ? ` ${formatNumber(overseas)} contrats d’outre-mer non représentés.` : '') +
			(unreadable > 0 ? ` ${formatNumber(unreadable)} contrats sans périmètre connu.` : '');
	const collection = { type: 'FeatureCollection', features };
	return renderPlot(
		{
			width: options.width ?? 480,
			height: options.height ?? 480,
			margin: 4,
			projection: { ...franceProjection, domain: collection },
			marks: [
				Plot.geo(features, { fill: '#e8edff', stroke: COLORS.muted, strokeWidth: 0.5 }),
				Plot.geo(highlighted, {
					fill: COLORS.selected,
					stroke: COLORS.selected,
					strokeWidth: 1.5,
					title: (f: Feature) => f.properties.name
				})
			]
		},
		{ title: options.title, description }
	);
}

/** One QPV boundary, projected on its own extent. Throws when the geometry is unreadable. */
export function qpvBoundaryMap(row: AreaRow, options: ChartText): string {
	const g = parseGeometry(row.geometry);
	if (!g) throw new Error(`Contour illisible pour ${row.code} : géométrie absente ou invalide.`);
	const feature: Feature = {
		type: 'Feature',
		properties: { code: row.code, name: row.name },
		geometry: prepareGeometry(g)
	};
	const description =
		options.description ??
		`Contour du quartier prioritaire ${row.name} (${row.code}), limites de 2015.`;
	return renderPlot(
		{
			width: options.width ?? 320,
			height: options.height ?? 320,
			margin: 8,
			projection: { type: 'mercator', domain: feature },
			marks: [
				Plot.geo([feature], {
					fill: COLORS.selected,
					fillOpacity: 0.2,
					stroke: COLORS.selected,
					strokeWidth: 1.5
				})
			]
		},
		{ title: options.title, description }
	);
}
