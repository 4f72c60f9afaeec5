import { describe, expect, it } from 'vitest';
import { pointInGeometry } from '../../../pipelines/lib/geo';

const square = [
	[0, 0],
	[10, 0],
	[10, 10],
	[0, 10],
	[0, 0]
];
const hole = [
	[4, 4],
	[6, 4],
	[6, 6],
	[4, 6],
	[4, 4]
];

describe('pointInGeometry', () => {
	it('tells inside from outside a polygon and its hole', () => {
		const polygon = { type: 'Polygon' as const, coordinates: [square, hole] };
		expect(pointInGeometry(2, 2, polygon)).toBe(true);
		expect(pointInGeometry(5, 5, polygon)).toBe(false);
		expect(pointInGeometry(12, 2, polygon)).toBe(false);
	});

	it('accepts a point in any part of a multipolygon', () => {
		const far = square.map(([x, y]) => [x! + 20, y!]);
		const multi = { type: 'MultiPolygon' as const, coordinates: [[square], [far]] };
		expect(pointInGeometry(25, 5, multi)).toBe(true);
		expect(pointInGeometry(15, 5, multi)).toBe(false);
	});
});
