// Where a measure stands in a territory: a value over its base (per 1,000 inhabitants…), its change
// since the first published value, its progress from the initial value towards the target, and the
// join of two publications of one series (Etalab 2017–2022, DITP 2021–2024) checked on overlaps.

export type Direction = 'hausse' | 'baisse';

/** `value` per `per` units of `base` (e.g. 12 posts, 8,000 inhabitants, 1,000 → 1.5); null if no base. */
export function ratePer(value: number | null, base: number | null, per: number): number | null {
	if (value === null || base === null || !(base > 0)) return null;
	return (value / base) * per;
}

export interface Change {
	/** latest − first, in the series' unit (percentage points for a rate). */
	absolute: number;
	/** (latest − first) / first × 100; null for rates (read in points) or a first value of 0. */
	percent: number | null;
}

export function changeSinceFirst(
	first: number | null,
	latest: number | null,
	isRate: boolean
): Change | null {
	if (first === null || latest === null) return null;
	const absolute = latest - first;
	const percent = isRate || first === 0 ? null : (absolute / first) * 100;
	return { absolute, percent };
}

export type ProgressStatus =
	| 'atteinte'
	| 'en_progres'
	| 'sans_progres'
	| 'en_recul'
	| 'atteinte_des_le_depart'
	| 'non_calculable';

export interface Progress {
	status: ProgressStatus;
	/** Share of the way from the initial value to the target, in % (100 = target reached). */
	percent: number | null;
}

/**
 * Progress from `initial` to `target` at `current`: (current − initial) / (target − initial), the
 * DITP `indic_ta`. The direction (higher or lower is better) decides whether a target on the wrong
 * side of the initial value was already met at the start; without it, the target gives it.
 */
export function progressToTarget(
	initial: number | null,
	current: number | null,
	target: number | null,
	direction: Direction | null
): Progress {
	if (initial === null || current === null || target === null)
		return { status: 'non_calculable', percent: null };
	const wanted = direction ?? (target >= initial ? 'hausse' : 'baisse');
	const metAtStart = wanted === 'hausse' ? initial >= target : initial <= target;
	if (metAtStart) return { status: 'atteinte_des_le_depart', percent: null };
	const percent = ((current - initial) / (target - initial)) * 100;
	const status: ProgressStatus =
		percent >= 100
			? 'atteinte'
			: percent > 0
				? 'en_progres'
				: percent < 0
					? 'en_recul'
					: 'sans_progres';
	return { status, percent };
}

export const progressLabels: Record<ProgressStatus, string> = {
	atteinte: 'cible atteinte',
	en_progres: 'en progrès vers la cible',
	sans_progres: 'pas de progrès depuis la valeur initiale',
	en_recul: 'en recul par rapport à la valeur initiale',
	atteinte_des_le_depart: 'cible déjà atteinte à la valeur initiale',
	non_calculable: 'pas de cible ou de valeur initiale publiée'
};

/** Whether the latest value is better than the first, following the direction (null: unknown). */
export function progressed(change: Change | null, direction: Direction | null): boolean | null {
	if (change === null || direction === null) return null;
	return direction === 'hausse' ? change.absolute > 0 : change.absolute < 0;
}

export interface DatedValue {
	date: string;
	value: number;
}

export interface JoinedPoint extends DatedValue {
	/** Which publication the point comes from. */
	source: 'etalab' | 'ditp';
}

export interface Overlap {
	/** The month ('2021-12') both publish, or the year ('2022') when they share no month. */
	period: string;
	etalab: DatedValue;
	ditp: DatedValue;
	/** DITP − Etalab, relative to Etalab (in %), or in points for a rate. */
	gap: number;
	agrees: boolean;
}

export interface JoinedSeries {
	/** True when every overlapping year agrees: the two are one series and are drawn as one. */
	joined: boolean;
	overlaps: Overlap[];
	/** Etalab points before the first DITP date, then DITP points; empty when not joined. */
	points: JoinedPoint[];
}

/** Tolerance of a join: 1 % of the value for counts, 1 point for rates. */
export const JOIN_TOLERANCE = { percent: 1, points: 1 } as const;

/** The last value of each period: month ('2021-12', length 7) or year ('2021', length 4). */
function lastOfPeriod(points: DatedValue[], length: 4 | 7): Map<string, DatedValue> {
	const byPeriod = new Map<string, DatedValue>();
	for (const p of [...points].sort((a, b) => a.date.localeCompare(b.date)))
		byPeriod.set(p.date.slice(0, length), p);
	return byPeriod;
}

function gapOf(e: number, d: number, isRate: boolean): number {
	if (isRate) return d - e;
	if (e === 0) return d === 0 ? 0 : Infinity;
	return ((d - e) / e) * 100;
}

/**
 * Joins an Etalab series and a DITP series that claim to measure the same thing. They are compared
 * on each period both publish; they join only when they agree on at least one period and disagree
 * on none: a disagreement means two definitions, never one trend.
 */
export function joinSeries(
	etalab: DatedValue[],
	ditp: DatedValue[],
	isRate: boolean
): JoinedSeries {
	// The two publications date a month differently (31/12 and 01/12): compare months they share,
	// or, when they share none (a school year dated 30/11 and 01/09), the last value of each year.
	let e = lastOfPeriod(etalab, 7);
	let d = lastOfPeriod(ditp, 7);
	if (![...e.keys()].some((k) => d.has(k))) {
		e = lastOfPeriod(etalab, 4);
		d = lastOfPeriod(ditp, 4);
	}
	const limit = isRate ? JOIN_TOLERANCE.points : JOIN_TOLERANCE.percent;
	const overlaps: Overlap[] = [];
	for (const [period, ev] of e) {
		const dv = d.get(period);
		if (!dv) continue;
		const gap = gapOf(ev.value, dv.value, isRate);
		overlaps.push({ period, etalab: ev, ditp: dv, gap, agrees: Math.abs(gap) <= limit });
	}
	overlaps.sort((a, b) => a.period.localeCompare(b.period));
	const joined = overlaps.length > 0 && overlaps.every((o) => o.agrees);
	if (!joined) return { joined, overlaps, points: [] };
	const firstDitp = [...ditp].sort((a, b) => a.date.localeCompare(b.date))[0]!.date;
	const points: JoinedPoint[] = [
		...etalab.filter((p) => p.date < firstDitp).map((p) => ({ ...p, source: 'etalab' as const })),
		...ditp.map((p) => ({ ...p, source: 'ditp' as const }))
	].sort((a, b) => a.date.localeCompare(b.date));
	return { joined, overlaps, points };
}
