// qpv_peers: for each QPV and headline indicator, the median change of comparable QPV outside its
// contrat (same quartile of baseline median income, same population band, same metropolitan or
// overseas zone, same baseline and latest periods), and a descriptive reading — never an impact.
import type { Indicator } from '../../src/lib/schemas/indicators';
import { qpvPeersTable, type QpvEvolution, type QpvPeer } from '../../src/lib/schemas/evaluation';
import {
	comparableChange,
	HEADLINE_INDICATORS,
	peerReading,
	POPULATION_BANDS,
	populationBand,
	quartileBand
} from '../../src/lib/domain/synthesis';
import { isOverseas } from '../lib/evaluation/references';
import { sqlList } from '../lib/evaluation/group';
import type { Step } from '../lib/step';

export interface PeerQpv {
	code: string;
	contrat_code: string | null;
	departement_code: string | null;
	population: number | null;
	baseline_income: number | null;
}

const euros = (n: number) => `${Math.round(n).toLocaleString('fr-FR')} €`;

/** Quartile cut points of the baseline median income, per zone (overseas incomes differ in scale). */
export function incomeCuts(qpv: PeerQpv[]): Map<boolean, number[]> {
	const out = new Map<boolean, number[]>();
	for (const overseas of [false, true]) {
		const values = qpv
			.filter((q) => isOverseas(q.departement_code) === overseas && q.baseline_income !== null)
			.map((q) => q.baseline_income!)
			.sort((a, b) => a - b);
		// Fewer than 8 QPV in a zone: no quartiles, hence no peer group.
		out.set(overseas, values.length >= 8 ? [0.25, 0.5, 0.75].map((f) => quantile(values, f)) : []);
	}
	return out;
}

function quantile(sorted: number[], f: number): number {
	const pos = (sorted.length - 1) * f;
	const lo = Math.floor(pos);
	return sorted[lo]! + (sorted[Math.min(lo + 1, sorted.length - 1)]! - sorted[lo]!) * (pos - lo);
}

export function peerGroupKey(q: PeerQpv, cuts: Map<boolean, number[]>): string | null {
	const overseas = isOverseas(q.departement_code);
	const income = quartileBand(q.baseline_income, cuts.get(overseas) ?? []);
	const pop = populationBand(q.population);
	if (income === null || pop === null || (cuts.get(overseas) ?? []).length === 0) return null;
	return `${overseas ? 'outre-mer' : 'metropole'}|${income}|${pop}`;
}

export function peerGroupLabel(key: string, cuts: Map<boolean, number[]>): string {
	const [zone, income, pop] = key.split('|');
	const c = cuts.get(zone === 'outre-mer')!;
	const i = Number(income);
	const range =
		i === 0
			? `moins de ${euros(c[0]!)}`
			: i === c.length
				? `${euros(c[i - 1]!)} ou plus`
				: `${euros(c[i - 1]!)} à ${euros(c[i]!)}`;
	return `${zone === 'outre-mer' ? 'QPV d’outre-mer' : 'QPV de métropole'}, revenu médian de départ ${i === 0 ? '1er' : `${i + 1}e`} quart (${range}), ${POPULATION_BANDS[Number(pop)]!.label}`;
}

/** The columns of qpv_evolutions a peer reading needs (fewer values to read into JavaScript). */
export const PEER_EVOLUTION_COLUMNS = [
	'qpv_code',
	'indicator_id',
	'baseline_period',
	'baseline_value',
	'latest_period',
	'latest_value',
	'change'
] as const;
export type PeerEvolution = Pick<QpvEvolution, (typeof PEER_EVOLUTION_COLUMNS)[number]>;

/** A QPV of a peer group with its comparable change. */
interface PeerMember {
	qpv_code: string;
	contrat: string | null | undefined;
	change: number;
}

export function peerRows(
	indicators: Indicator[],
	qpv: PeerQpv[],
	evolutions: PeerEvolution[]
): QpvPeer[] {
	const cuts = incomeCuts(qpv);
	const groupOf = new Map(qpv.map((q) => [q.code, peerGroupKey(q, cuts)]));
	const contratOf = new Map(qpv.map((q) => [q.code, q.contrat_code]));
	const out: QpvPeer[] = [];
	for (const indicator of indicators) {
		const evo = evolutions.filter((e) => e.indicator_id === indicator.id);
		const changes = evo.map((e) =>
			e.change === null || e.baseline_value === null || e.latest_value === null
				? null
				: comparableChange(indicator.unit, e.baseline_value, e.latest_value)
		);
		const groupKey = (e: PeerEvolution) =>
			`${groupOf.get(e.qpv_code)}|${e.baseline_period}|${e.latest_period}`;
		// Each group's members sorted once by change (a stable sort: ties keep the order of `evo`),
		// so a QPV's peers come out already in the order median sorts them into.
		const groups = new Map<string, PeerMember[]>();
		evo.forEach((e, i) => {
			const change = changes[i]!;
			if (change === null || !groupOf.get(e.qpv_code)) return;
			const member = { qpv_code: e.qpv_code, contrat: contratOf.get(e.qpv_code), change };
			const members = groups.get(groupKey(e));
			if (members) members.push(member);
			else groups.set(groupKey(e), [member]);
		});
		for (const members of groups.values()) members.sort((a, b) => a.change - b.change);
		evo.forEach((e, i) => {
			const key = groupOf.get(e.qpv_code);
			if (!key) return;
			const own = changes[i]!;
			const contrat = contratOf.get(e.qpv_code);
			const peers: number[] = [];
			for (const p of groups.get(groupKey(e)) ?? [])
				if (p.qpv_code !== e.qpv_code && p.contrat !== contrat) peers.push(p.change);
			const { reading, peerMedian } = peerReading(indicator, own, peers);
			out.push({
				qpv_code: e.qpv_code,
				indicator_id: indicator.id,
				peer_group: peerGroupLabel(key, cuts),
				n_peers: own === null ? 0 : peers.length,
				qpv_change: own,
				peer_median_change: own === null ? null : peerMedian,
				reading
			});
		});
	}
	return out;
}

export const qpvPeersStep: Step = {
	table: qpvPeersTable.name,
	async run(ctx) {
		const ids = sqlList(HEADLINE_INDICATORS);
		const indicators = await ctx.db.query<Indicator>(`SELECT * FROM indicators WHERE id IN ${ids}`);
		const qpv = await ctx.db.query<PeerQpv>(`
			SELECT q.code, min(c.contrat_code) AS contrat_code, q.departement_code, q.population_2013 AS population,
				min(e.baseline_value) AS baseline_income
			FROM qpv q LEFT JOIN qpv_contrat c ON c.qpv_code = q.code
			LEFT JOIN qpv_evolutions e ON e.qpv_code = q.code AND e.indicator_id = 'revenu_disponible_median'
			GROUP BY ALL ORDER BY q.code`);
		const evolutions = await ctx.db.query<PeerEvolution>(
			`SELECT ${PEER_EVOLUTION_COLUMNS.join(', ')} FROM qpv_evolutions WHERE indicator_id IN ${ids}
			 ORDER BY qpv_code, indicator_id`
		);
		await ctx.db.create(qpvPeersTable);
		await ctx.db.insert(qpvPeersTable, peerRows(indicators, qpv, evolutions));
	}
};
