import { describe, expect, it } from 'vitest';
import {
	bbox,
	isMetropolitan,
	parseGeometry,
	prepareGeometry,
	simplifyRing,
	type Ring
} from '../../../../src/lib/charts/geo';
import { contrats, qpvWithHole } from '../../../fixtures/charts/areas';

const area = (ring: Ring) =>
	ring.reduce((s, p, i) => {
		const q = ring[(i + 1) % ring.length]!;
		return s + p[0] * q[1] - q[0] * p[1];
	}, 0) / 2;

describe('parseGeometry', () => {
	it('reads polygons and returns null for unreadable or absent geometries', () => {
		expect(parseGeometry(contrats[0]!.geometry)?.type).toBe('Polygon');
		expect(parseGeometry(contrats[2]!.geometry)?.type).toBe('MultiPolygon');
		expect(parseGeometry(null)).toBeNull();
		expect(parseGeometry('{"type":"Polyg')).toBeNull();
		expect(parseGeometry('{"type":"Point","coordinates":[1,2]}')).toBeNull();
	});
});

describe('prepareGeometry', () => {
	it('makes the exterior ring clockwise and holes counter-clockwise for d3-geo', () => {
		const g = prepareGeometry(parseGeometry(qpvWithHole.geometry)!);
		if (g.type !== 'Polygon') throw new Error();
		expect(area(g.coordinates[0]!)).toBeLessThan(0);
		expect(area(g.coordinates[1]!)).toBeGreaterThan(0);
	});
});

describe('simplifyRing', () => {
	it('drops vertices closer than the tolerance and keeps the ring closed', () => {
		const ring: Ring = [
			[0, 0],
			[0.001, 0],
			[1, 0],
			[1, 1],
			[0, 1],
			[0, 0]
		];
		const s = simplifyRing(ring, 0.01);
		expect(s).toEqual([
			[0, 0],
			[1, 0],
			[1, 1],
			[0, 1],
			[0, 0]
		]);
	});
});

describe('isMetropolitan', () => {
	it('tells metropolitan perimeters from overseas ones', () => {
		expect(isMetropolitan(parseGeometry(contrats[0]!.geometry)!)).toBe(true);
		expect(isMetropolitan(parseGeometry(contrats[3]!.geometry)!)).toBe(false);
		expect(bbox(parseGeometry(contrats[1]!.geometry)!)).toEqual([
			2.2, 48.8, 2.4000000000000004, 49
		]);
	});
});
