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

/** A QPV placed in its contrat: its boundary when published, else the point of its commune. */
export interface QpvPlace extends AreaRow {
	/** [longitude, latitude] of the QPV's main commune; drawn only when the boundary is unknown. */
	point: [number, number] | null;
}

export interface QpvInContratInput {
	/** The contrat's perimeter (null when unpublished: the QPV are drawn on their own extent). */
	contrat: AreaRow | null;
	qpv: QpvPlace;
	/** The other QPV of the same contrat, muted. */
	others: QpvPlace[];
}

const MUTED_STROKE = '#6a6a6a';

function toFeature(row: AreaRow, tolerance: number): Feature | null {
	const g = parseGeometry(row.geometry);
	return g
		? {
				type: 'Feature',
				properties: { code: row.code, name: row.name },
				geometry: prepareGeometry(g, tolerance)
			}
		: null;
}

/** What the locator map drew, for a legend that matches its marks. */
export interface QpvInContratDrawn {
	svg: string;
	/** This QPV drawn by its boundary (else by its commune's point). */
	boundary: boolean;
	otherShapes: number;
	/** Dots for the other QPV's communes (one per commune, none over this QPV's own). */
	otherPoints: number;
	perimeter: boolean;
}

/**
 * Where a QPV sits in its contrat: the contrat's perimeter in grey outline, the other QPV muted
 * (boundary or commune point) and this QPV in blue. Null when nothing can be placed.
 */
export function qpvInContratMap(
	input: QpvInContratInput,
	options: ChartText & { tolerance?: number; contratTolerance?: number }
): QpvInContratDrawn | null {
	const tolerance = options.tolerance ?? 0.0002;
	const perimeter = input.contrat
		? toFeature(input.contrat, options.contratTolerance ?? 0.002)
		: null;
	const shape = toFeature(input.qpv, tolerance);
	const point = shape ? null : input.qpv.point;
	if (!shape && !(point && perimeter)) return null;
	const otherShapes = input.others.flatMap((o) => toFeature(o, tolerance) ?? []);
	const otherPoints = input.others
		.filter((o) => !parseGeometry(o.geometry) && o.point)
		.map((o) => o.point!)
		// Several QPV of one commune share its point: one dot, and never over this QPV's.
		.filter((p, i, all) => all.findIndex((q) => q.join() === p.join()) === i)
		.filter((p) => p.join() !== point?.join());
	const extent = perimeter ?? {
		type: 'FeatureCollection',
		features: [shape!, ...otherShapes]
	};
	const svg = renderPlot(
		{
			width: options.width ?? 200,
			height: options.height ?? 200,
			margin: 6,
			projection: { type: 'mercator', domain: extent },
			marks: [
				perimeter
					? Plot.geo([perimeter], { fill: '#f6f6f6', stroke: MUTED_STROKE, strokeWidth: 1 })
					: null,
				Plot.geo(otherShapes, { fill: COLORS.muted, stroke: MUTED_STROKE, strokeWidth: 0.5 }),
				Plot.dot(otherPoints, { x: (p) => p[0], y: (p) => p[1], r: 3, fill: MUTED_STROKE }),
				shape
					? Plot.geo([shape], { fill: COLORS.selected, stroke: COLORS.selected, strokeWidth: 1.5 })
					: null,
				point
					? Plot.dot([point], {
							x: (p) => p[0],
							y: (p) => p[1],
							r: 6,
							fill: COLORS.selected,
							stroke: '#fff',
							strokeWidth: 1.5
						})
					: null
			]
		},
		{
			title: options.title,
			description:
				options.description ??
				`Quartier ${input.qpv.name} (${input.qpv.code}) en bleu${input.contrat ? ` dans le périmètre du contrat ${input.contrat.name}` : ''}.`
		}
	);
	return {
		svg,
		boundary: shape !== null,
		otherShapes: otherShapes.length,
		otherPoints: otherPoints.length,
		perimeter: perimeter !== null
	};
}
