import { describe, expect, it } from 'vitest';
import { median, percentile, q } from '../../../bench/lib/stats';

describe('percentile', () => {
	it('takes the nearest rank of unsorted values', () => {
		const values = [50, 10, 40, 20, 30, 60, 70, 80, 90, 100];
		expect(percentile(values, 50)).toBe(50);
		expect(percentile(values, 95)).toBe(100);
		expect(percentile(values, 10)).toBe(10);
	});

	it('returns NaN when there is no value', () => {
		expect(percentile([], 95)).toBeNaN();
	});

	it('does not reorder its input', () => {
		const values = [3, 1, 2];
		expect(median(values)).toBe(2);
		expect(values).toEqual([3, 1, 2]);
	});
});

describe('q', () => {
	it('rounds a figure and keeps its unit', () => {
		expect(q(12.345, 'ms')).toEqual({ value: 12.3, unit: 'ms' });
		expect(q(1234.5, 'rows/s', 0)).toEqual({ value: 1235, unit: 'rows/s' });
	});
});
