// Map of the contrats de ville perimeters (metropolitan France), drawn on the server with Plot's
// geo mark: each perimeter links to its contrat page; the filtered contrats are highlighted.
import { curly } from '../french';
import * as Plot from '@observablehq/plot';
import { isMetropolitan, parseGeometry, prepareGeometry, type AreaGeometry } from './geo';
import { COLORS, renderPlot, type ChartText } from './render';

export interface ContratShape {
	code: string;
	name: string;
	geometry: string | null;
}

export interface MapFeature {
	type: 'Feature';
	properties: { code: string; name: string; highlighted: boolean };
	geometry: AreaGeometry;
}

export interface MapSplit {
	features: MapFeature[];
	/** Contrats left off the map: overseas perimeters, or no perimeter in the source. */
	overseas: ContratShape[];
	withoutGeometry: ContratShape[];
}

/** Splits contrats into metropolitan features (thinned) and those the map cannot show. */
export function mapFeatures(
	contrats: ContratShape[],
	highlighted: Set<string>,
	tolerance = 0.025
): MapSplit {
	const out: MapSplit = { features: [], overseas: [], withoutGeometry: [] };
	for (const c of contrats) {
		const geometry = parseGeometry(c.geometry);
		if (!geometry) out.withoutGeometry.push(c);
		else if (!isMetropolitan(geometry)) out.overseas.push(c);
		else {
			out.features.push({
				type: 'Feature',
				properties: { code: c.code, name: curly(c.name), highlighted: highlighted.has(c.code) },
				geometry: prepareGeometry(geometry, tolerance)
			});
		}
	}
	return out;
}

export function contratsMap(features: MapFeature[], text: ChartText): string {
	// Highlighted perimeters are drawn last so that their outline is not hidden by neighbours.
	const ordered = [...features].sort(
		(a, b) => Number(a.properties.highlighted) - Number(b.properties.highlighted)
	);
	const domain = { type: 'FeatureCollection', features };
	const description =
		text.description ??
		`${features.length} périmètres de contrats de ville en France métropolitaine, ` +
			`dont ${features.filter((f) => f.properties.highlighted).length} retenus par le filtre.`;
	const html = renderPlot(
		{
			width: text.width ?? 640,
			height: text.height ?? 620,
			projection: { type: 'conic-conformal', parallels: [44, 49], rotate: [-3, 0], domain },
			marks: [
				Plot.geo(ordered, {
					fill: (f: MapFeature) => (f.properties.highlighted ? COLORS.selected : COLORS.muted),
					stroke: '#fff',
					strokeWidth: 0.5,
					href: (f: MapFeature) => `/contrats/${f.properties.code}`,
					title: (f: MapFeature) => `${f.properties.name} (${f.properties.code})`,
					ariaLabel: (f: MapFeature) => `${f.properties.name} (${f.properties.code})`
				})
			]
		},
		{ title: text.title, description }
	);
	// The perimeters are links: a role="img" would hide them from assistive technologies.
	return html.replace('role="img"', 'role="group"');
}
