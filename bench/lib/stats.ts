// Small statistics for the benchmarks: percentiles by nearest rank, median, rounding.

/** Nearest-rank percentile (p in 0–100) of unsorted values; NaN when there are none. */
export function percentile(values: number[], p: number): number {
	if (values.length === 0) return NaN;
	const sorted = [...values].sort((a, b) => a - b);
	const rank = Math.ceil((p / 100) * sorted.length);
	return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1]!;
}

export const median = (values: number[]): number => percentile(values, 50);

export function round(value: number, digits = 1): number {
	const f = 10 ** digits;
	return Math.round(value * f) / f;
}

/** A figure with its unit, as written to bench/results.json. */
export interface Quantity {
	value: number;
	unit: string;
}

export const q = (value: number, unit: string, digits = 1): Quantity => ({
	value: round(value, digits),
	unit
});
