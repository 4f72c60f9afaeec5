// A territory's observations of one indicator as a time series. Several source families may carry
// the same indicator (Filosofi QPV files and SIG Ville REVN publish the same medians under different
// vintages): a series never mixes them, it is read within one family.
import type { Observation } from '../schemas/indicators';
import { sourceFamily } from './comparability';

/** The contrats de ville were extended to 2022 (then replaced by Engagements Quartiers 2030). */
export const EXTENSION_HORIZON = 2022;
/** The contrats were signed in 2015: no baseline before. */
export const BASELINE_FROM = 2015;

export type SeriesPoint = Pick<
	Observation,
	'vintage' | 'reference_year' | 'value' | 'status' | 'source_path' | 'territory_type'
> & {
	/** Set on canonical series points (canonical_series): axis year and comparability segment. */
	period?: number;
	segment?: number;
};

export function isOk(p: SeriesPoint): p is SeriesPoint & { value: number } {
	return p.status === 'ok' && p.value !== null && Number.isFinite(p.value);
}

/** One point per vintage up to the horizon, sorted; when a vintage has several, the ok one wins. */
export function seriesByVintage(observations: SeriesPoint[]): SeriesPoint[] {
	const byVintage = new Map<number, SeriesPoint>();
	const sorted = [...observations]
		.filter((o) => o.vintage <= EXTENSION_HORIZON)
		.sort((a, b) => a.vintage - b.vintage || a.source_path.localeCompare(b.source_path));
	for (const o of sorted) {
		const kept = byVintage.get(o.vintage);
		if (!kept || (!isOk(kept) && isOk(o))) byVintage.set(o.vintage, o);
	}
	return [...byVintage.values()];
}

/** Observations grouped by source family, families in alphabetical order. */
export function splitByFamily(observations: SeriesPoint[]): Map<string, SeriesPoint[]> {
	const out = new Map<string, SeriesPoint[]>();
	for (const o of observations) {
		const fam = sourceFamily(o.source_path);
		out.set(fam, [...(out.get(fam) ?? []), o]);
	}
	return new Map([...out].sort(([a], [b]) => a.localeCompare(b)));
}

/**
 * The family an evolution is read in: the most published values between 2015 and 2022, then the
 * latest vintage, then the name (deterministic).
 */
export function chooseFamily(observations: SeriesPoint[]): string | null {
	let best: { fam: string; n: number; last: number } | null = null;
	for (const [fam, points] of splitByFamily(observations)) {
		const ok = seriesByVintage(points).filter((p) => isOk(p) && p.vintage >= BASELINE_FROM);
		const cand = { fam, n: ok.length, last: ok.at(-1)?.vintage ?? 0 };
		if (!best || cand.n > best.n || (cand.n === best.n && cand.last > best.last)) best = cand;
	}
	return best?.fam ?? null;
}

/** When a value dates from: its data year first, the file's vintage as provenance. */
export function describeVintage(p: Pick<SeriesPoint, 'vintage' | 'reference_year'>): string {
	if (p.reference_year === null) return `millésime ${p.vintage} (année des données non publiée)`;
	if (p.reference_year === p.vintage) return `données ${p.reference_year}`;
	return `données ${p.reference_year} (millésime ${p.vintage})`;
}
