// GeoJSON helpers for the maps: parse a stored geometry string, put its rings in the winding
// order d3-geo expects, and thin its vertices so an SVG of all contrats stays small.

export type Ring = [number, number][];
export type AreaGeometry =
	{ type: 'Polygon'; coordinates: Ring[] } | { type: 'MultiPolygon'; coordinates: Ring[][] };

/** Parses a Polygon/MultiPolygon GeoJSON geometry string; null when unreadable or another type. */
export function parseGeometry(text: string | null): AreaGeometry | null {
	if (!text) return null;
	try {
		const g = JSON.parse(text) as { type?: string; coordinates?: unknown; geometry?: unknown };
		const geom = g.type === 'Feature' ? (g.geometry as typeof g) : g;
		if (
			(geom?.type === 'Polygon' || geom?.type === 'MultiPolygon') &&
			Array.isArray(geom.coordinates)
		) {
			return geom as AreaGeometry;
		}
	} catch {
		// An unreadable geometry is reported by the caller, not thrown.
	}
	return null;
}

/** Planar signed area in lon/lat (positive = counter-clockwise). */
function signedArea(ring: Ring): number {
	let s = 0;
	for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
		s += (ring[j]![0] - ring[i]![0]) * (ring[j]![1] + ring[i]![1]);
	}
	return s / 2;
}

/**
 * d3-geo (used by Plot) reads rings on the sphere: an exterior ring must be clockwise, a hole
 * counter-clockwise, the reverse of RFC 7946. Otherwise a commune becomes "the world minus it".
 */
function rewindPolygon(rings: Ring[]): Ring[] {
	return rings.map((ring, i) => {
		const clockwise = signedArea(ring) < 0;
		return (i === 0) === clockwise ? ring : [...ring].reverse();
	});
}

/** Drops vertices closer than `tolerance` degrees to the last kept one; rings keep ≥ 4 points. */
export function simplifyRing(ring: Ring, tolerance: number): Ring {
	if (tolerance <= 0 || ring.length <= 4) return ring;
	const kept: Ring = [ring[0]!];
	for (let i = 1; i < ring.length - 1; i++) {
		const [x, y] = ring[i]!;
		const [lx, ly] = kept[kept.length - 1]!;
		if (Math.hypot(x - lx, y - ly) >= tolerance) kept.push(ring[i]!);
	}
	kept.push(ring[ring.length - 1]!);
	return kept.length >= 4 ? kept : ring;
}

export function prepareGeometry(geometry: AreaGeometry, tolerance = 0): AreaGeometry {
	const polygon = (rings: Ring[]) => rewindPolygon(rings.map((r) => simplifyRing(r, tolerance)));
	return geometry.type === 'Polygon'
		? { type: 'Polygon', coordinates: polygon(geometry.coordinates) }
		: { type: 'MultiPolygon', coordinates: geometry.coordinates.map(polygon) };
}

/** Bounding box [minLon, minLat, maxLon, maxLat]. */
export function bbox(geometry: AreaGeometry): [number, number, number, number] {
	const rings = geometry.type === 'Polygon' ? geometry.coordinates : geometry.coordinates.flat();
	const box: [number, number, number, number] = [Infinity, Infinity, -Infinity, -Infinity];
	for (const [x, y] of rings.flat()) {
		box[0] = Math.min(box[0], x);
		box[1] = Math.min(box[1], y);
		box[2] = Math.max(box[2], x);
		box[3] = Math.max(box[3], y);
	}
	return box;
}

/** Metropolitan France and Corsica: the overseas perimeters would shrink the map to nothing. */
export function isMetropolitan(geometry: AreaGeometry): boolean {
	const [x0, y0, x1, y1] = bbox(geometry);
	return x0 >= -6 && x1 <= 10 && y0 >= 41 && y1 <= 52;
}
