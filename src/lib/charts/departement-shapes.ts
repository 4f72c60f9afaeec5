// Département outlines for choropleths, from the ANCT file data/raw/cartographie/geom_dep.json
// (Licence Ouverte 2.0): overseas départements are already moved into insets west of Brittany,
// each inside a circle of cercles_drom.json. Inset positions are not true positions.
import geomDep from '../../../data/raw/cartographie/geom_dep.json';
import cerclesDrom from '../../../data/raw/cartographie/cercles_drom.json';
import { bbox, prepareGeometry, type AreaGeometry, type Ring } from './geo';

export interface DepartementShape {
	code: string;
	name: string;
	geometry: AreaGeometry;
	/** True for a département drawn in an overseas inset (971–976). */
	inset: boolean;
}

export interface InsetCircle {
	/** Département codes drawn inside the circle. */
	codes: string[];
	ring: Ring;
	/** Where the inset's name is written: under the circle. */
	labelPoint: [number, number];
}

interface RawFeature {
	properties: { insee_dep: string; lib_dep: string; cheflieu_dep: string | null };
	geometry: AreaGeometry;
}

const isInsetCode = (code: string) => code.length === 3;

/**
 * The 101 départements (features without a chef-lieu, 978 and 987, are collectivités, not
 * départements, and are left out), merged by code, rings wound for d3-geo.
 */
function loadShapes(): DepartementShape[] {
	const byCode = new Map<string, DepartementShape>();
	for (const f of (geomDep as unknown as { features: RawFeature[] }).features) {
		const { insee_dep: code, lib_dep: name, cheflieu_dep } = f.properties;
		if (!cheflieu_dep) continue;
		const geometry = prepareGeometry(f.geometry);
		const polygons = geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
		const known = byCode.get(code);
		if (known) {
			const before =
				known.geometry.type === 'Polygon'
					? [known.geometry.coordinates]
					: known.geometry.coordinates;
			known.geometry = { type: 'MultiPolygon', coordinates: [...before, ...polygons] };
		} else {
			byCode.set(code, { code, name, geometry, inset: isInsetCode(code) });
		}
	}
	return [...byCode.values()].sort((a, b) => a.code.localeCompare(b.code));
}

/** Keeps one vertex in `step` (circles are published with ~2,000 vertices each). */
function thinRing(ring: Ring, keep = 72): Ring {
	const step = Math.max(1, Math.floor(ring.length / keep));
	const thinned = ring.filter((_, i) => i % step === 0);
	thinned.push(ring[0]!);
	return thinned;
}

function loadInsets(shapes: readonly DepartementShape[]): InsetCircle[] {
	const raw = (cerclesDrom as unknown as { features: { geometry: AreaGeometry }[] }).features;
	const insets: InsetCircle[] = [];
	for (const feature of raw) {
		const geometry = prepareGeometry(feature.geometry);
		const [x0, y0, x1] = bbox(geometry);
		const codes = shapes
			.filter((s) => s.inset)
			.filter((s) => {
				const [a, b, c, d] = bbox(s.geometry);
				const cx = (a + c) / 2;
				const cy = (b + d) / 2;
				const [, , , top] = bbox(geometry);
				return cx > x0 && cx < x1 && cy > y0 && cy < top;
			})
			.map((s) => s.code);
		if (codes.length === 0) continue;
		const ring =
			geometry.type === 'Polygon' ? geometry.coordinates[0]! : geometry.coordinates[0]![0]!;
		insets.push({ codes, ring: thinRing(ring), labelPoint: [(x0 + x1) / 2, y0] });
	}
	return insets;
}

export const DEPARTEMENT_SHAPES: readonly DepartementShape[] = loadShapes();
export const INSET_CIRCLES: readonly InsetCircle[] = loadInsets(DEPARTEMENT_SHAPES);
