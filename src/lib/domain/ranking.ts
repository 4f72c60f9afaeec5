// Rank and percentile of a QPV among all QPV for one indicator and vintage. Ranks go from the
// lowest value (rang 1) upwards, whatever the direction, so the wording stays neutral.
import { formatNumber } from '../format';

export interface RankInput {
	territory_code: string;
	value: number | null;
	status: string;
}

export interface Rank {
	code: string;
	/** 1 = lowest value; tied values share the lowest rank ('1, 2, 2, 4'). */
	rank: number;
	/** Percentile rank 0–100: share of QPV below, counting ties as half. */
	centile: number;
}

export interface Ranking {
	rank: number | null;
	centile: number | null;
	/** QPV ranked (status ok). */
	n: number;
	/** QPV left out: secret or missing values (never ranked as 0). */
	nSecret: number;
	nMissing: number;
	label: string;
}

export const RANK_ORDER_NOTE = 'rang 1 = valeur la plus faible';

function isRanked(o: RankInput): o is RankInput & { value: number } {
	return o.status === 'ok' && o.value !== null && Number.isFinite(o.value);
}

/** Ranks every QPV with a published value. */
export function rankAll(observations: RankInput[]): Map<string, Rank> {
	const ranked = observations.filter(isRanked).sort((a, b) => a.value - b.value);
	const n = ranked.length;
	const out = new Map<string, Rank>();
	let i = 0;
	while (i < n) {
		let j = i;
		while (j + 1 < n && ranked[j + 1]!.value === ranked[i]!.value) j++;
		const ties = j - i + 1;
		const centile = Math.round(((i + ties / 2) / n) * 100);
		for (let k = i; k <= j; k++) {
			const code = ranked[k]!.territory_code;
			out.set(code, { code, rank: i + 1, centile });
		}
		i = j + 1;
	}
	return out;
}

/** 'rang 123 sur 1 296 (centile 9)', or why the QPV has no rank. */
export function rankQpv(observations: RankInput[], qpvCode: string): Ranking {
	const all = rankAll(observations);
	const nSecret = observations.filter((o) => o.status === 'secret').length;
	const nMissing = observations.filter((o) => !isRanked(o) && o.status !== 'secret').length;
	const own = all.get(qpvCode);
	const self = observations.find((o) => o.territory_code === qpvCode);
	let label: string;
	if (own) {
		label = `rang ${formatNumber(own.rank)} sur ${formatNumber(all.size)} (centile ${own.centile})`;
	} else if (self?.status === 'secret') {
		label = 'non classé : valeur soumise au secret statistique';
	} else {
		label = 'non classé : valeur non disponible';
	}
	return {
		rank: own?.rank ?? null,
		centile: own?.centile ?? null,
		n: all.size,
		nSecret,
		nMissing,
		label
	};
}
