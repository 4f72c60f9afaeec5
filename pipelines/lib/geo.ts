// Point-in-polygon on GeoJSON (WGS84 treated as planar: enough to tell which perimeter holds a
// commune's centre), used to cross-check the QPV → contrat link.
import type { Geometry, Position } from 'geojson';

function inRing(x: number, y: number, ring: Position[]): boolean {
	let inside = false;
	for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
		const [xi, yi] = ring[i] as [number, number];
		const [xj, yj] = ring[j] as [number, number];
		if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
	}
	return inside;
}

function inPolygon(x: number, y: number, rings: Position[][]): boolean {
	const [outer, ...holes] = rings;
	return !!outer && inRing(x, y, outer) && !holes.some((h) => inRing(x, y, h));
}

export function pointInGeometry(longitude: number, latitude: number, geometry: Geometry): boolean {
	if (geometry.type === 'Polygon') return inPolygon(longitude, latitude, geometry.coordinates);
	if (geometry.type === 'MultiPolygon') {
		return geometry.coordinates.some((p) => inPolygon(longitude, latitude, p));
	}
	return false;
}
