// Contrat-level figure from its QPV's values for one indicator and period: a sum for counts (a sum
// with secrets is labelled partial: a secret value is never a 0), else the QPV's distribution.
import type { Indicator } from '../schemas/indicators';

export interface QpvValue {
	territory_code: string;
	indicator_id: string;
	value: number | null;
	/** 'ok' | 'secret' | 'missing' (any other text counts as missing). */
	status: string;
}

export interface Distribution {
	n: number;
	min: number | null;
	median: number | null;
	max: number | null;
	/** Every QPV of the set, with its value or its status; sorted by code. */
	values: { code: string; value: number | null; status: 'ok' | 'secret' | 'missing' }[];
}

interface Counts {
	nQpv: number;
	nOk: number;
	nSecret: number;
	nMissing: number;
}

export type Aggregate =
	| ({ kind: 'sum'; value: number | null; partial: boolean; label: string } & Counts)
	| ({ kind: 'none'; value: null; distribution: Distribution; label: string } & Counts);

type Ind = Pick<Indicator, 'id' | 'aggregation'>;

function statusOf(o: QpvValue | undefined): 'ok' | 'secret' | 'missing' {
	if (!o) return 'missing';
	if (o.status === 'ok' && o.value !== null && Number.isFinite(o.value)) return 'ok';
	return o.status === 'secret' ? 'secret' : 'missing';
}

function valuesOf(id: string, qpvCodes: string[], obs: QpvValue[]) {
	const byCode = new Map(
		obs.filter((o) => o.indicator_id === id).map((o) => [o.territory_code, o])
	);
	return [...qpvCodes]
		.sort()
		.map((code) => ({
			code,
			value: byCode.get(code)?.value ?? null,
			status: statusOf(byCode.get(code))
		}))
		.map((v) => (v.status === 'ok' ? v : { ...v, value: null }));
}

function median(sorted: number[]): number | null {
	if (sorted.length === 0) return null;
	const mid = Math.floor(sorted.length / 2);
	return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** min / median / max of the ok values, and every QPV's own value: never an average. */
export function distribution(values: Distribution['values']): Distribution {
	const ok = values.flatMap((v) => (v.status === 'ok' && v.value !== null ? [v.value] : []));
	ok.sort((a, b) => a - b);
	return { n: ok.length, min: ok[0] ?? null, median: median(ok), max: ok.at(-1) ?? null, values };
}

function partialLabel(nSecret: number, nMissing: number): string {
	const lacking = nSecret + nMissing;
	return lacking === 0 ? 'complète' : `partielle : ${lacking} QPV sans valeur (${nSecret} secret)`;
}

/** Aggregates the observations of the given QPV (one period) for an indicator. */
export function aggregateQpv(
	indicator: Ind,
	qpvCodes: string[],
	observations: QpvValue[]
): Aggregate {
	const own = valuesOf(indicator.id, qpvCodes, observations);
	const count = (vs: { status: string }[]) => ({
		nQpv: vs.length,
		nOk: vs.filter((v) => v.status === 'ok').length,
		nSecret: vs.filter((v) => v.status === 'secret').length,
		nMissing: vs.filter((v) => v.status === 'missing').length
	});
	if (indicator.aggregation === 'sum') {
		const c = count(own);
		const sum = own.reduce((s, v) => s + (v.value ?? 0), 0);
		const partial = c.nSecret + c.nMissing > 0;
		return {
			kind: 'sum',
			value: c.nOk > 0 ? sum : null,
			partial,
			label: partialLabel(c.nSecret, c.nMissing),
			...c
		};
	}
	const c = count(own);
	return {
		kind: 'none',
		value: null,
		distribution: distribution(own),
		label: 'pas d’agrégat : valeurs des QPV (min, médiane, max)',
		...c
	};
}

export interface ComputedAllQpv {
	value: number | null;
	/** Always 'calculé': not a published INSEE/ANCT figure. */
	origin: 'calculé';
	label: string;
	aggregate: Aggregate;
}

/**
 * 'Ensemble des QPV' computed from the QPV rows when the source has no published Ensemble row.
 * Medians and other `none` indicators cannot be rebuilt from QPV values: value null.
 */
export function computedAllQpvValue(indicator: Ind, observations: QpvValue[]): ComputedAllQpv {
	const codes = [...new Set(observations.map((o) => o.territory_code))];
	const aggregate = aggregateQpv(indicator, codes, observations);
	const label =
		aggregate.kind === 'none'
			? 'ensemble des QPV non calculable (indicateur non agrégeable)'
			: `ensemble des QPV (calculé, ${aggregate.label})`;
	return { value: aggregate.value, origin: 'calculé', label, aggregate };
}
