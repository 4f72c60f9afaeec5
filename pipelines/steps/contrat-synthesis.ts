// contrat_synthesis: per contrat and evaluated indicator (headline and pillar tables), how many QPV improved, worsened, stayed
// stable or cannot be compared, one honest contrat-level figure, the median gap of its QPV to their
// EPCI at baseline and latest, the QPV furthest behind, and the peer readings.
import type { Indicator } from '../../src/lib/schemas/indicators';
import {
	contratSynthesisTable,
	type ContratSynthesisRow,
	type QpvEvolution,
	type QpvGap,
	type QpvPeer
} from '../../src/lib/schemas/evaluation';
import { disadvantage, computeGap } from '../../src/lib/domain/gaps';
import { median } from '../../src/lib/domain/peers';
import {
	contratFigure,
	contratLevel,
	CONTRAT_GAP_REFERENCE,
	EVALUATED_INDICATORS,
	gapMeasure,
	type ContratFigure
} from '../../src/lib/domain/synthesis';
import { verdictFor } from '../../src/lib/domain/evolution';
import { groupBy, sqlList } from '../lib/evaluation/group';
import type { Step } from '../lib/step';

/** The columns each synthesis reads: the others (sources, notes, labels) cost time to read in. */
const COLUMNS = {
	evolutions: [
		'qpv_code',
		'indicator_id',
		'period_kind',
		'baseline_period',
		'baseline_value',
		'latest_period',
		'latest_value',
		'change',
		'verdict'
	],
	gaps: [
		'qpv_code',
		'indicator_id',
		'reference_kind',
		'baseline_gap',
		'latest_qpv',
		'latest_reference',
		'latest_gap'
	],
	peers: ['qpv_code', 'indicator_id', 'reading']
} as const;
type Evolution = Pick<QpvEvolution, (typeof COLUMNS.evolutions)[number]>;
type Gap = Pick<QpvGap, (typeof COLUMNS.gaps)[number]>;
type Peer = Pick<QpvPeer, (typeof COLUMNS.peers)[number]>;

export interface SynthesisInput {
	evolutions: Evolution[];
	gaps: Gap[];
	peers: Peer[];
	population: Map<string, number | null>;
}

/** The (baseline, latest) pair shared by most QPV: the contrat figure reads the same QPV at both. */
function commonPeriods(evo: Evolution[]): [number, number] | null {
	const counts = groupBy(
		evo.filter((e) => e.change !== null),
		(e) => `${e.baseline_period}|${e.latest_period}`
	);
	const best = [...counts.entries()].sort(
		(a, b) => b[1].length - a[1].length || b[0].localeCompare(a[0])
	)[0];
	if (!best) return null;
	const [b, l] = best[0].split('|').map(Number);
	return [b!, l!];
}

/** The latest period most QPV share, for a level when no QPV has an evolution to read. */
function commonLatest(evo: Evolution[]): number | null {
	const counts = groupBy(
		evo.filter((e) => e.latest_value !== null),
		(e) => String(e.latest_period)
	);
	const best = [...counts.entries()].sort(
		(a, b) => b[1].length - a[1].length || b[0].localeCompare(a[0])
	)[0];
	return best ? Number(best[0]) : null;
}

/** The figure's change and verdict: same QPV at both dates, within one segment (see endpoints). */
function figureTrend(indicator: Indicator, figure: ContratFigure) {
	if (figure.baseline === null || figure.latest === null) {
		return { figure_change: null, figure_verdict: 'indetermine' as const };
	}
	const change = figure.latest - figure.baseline;
	const relative = figure.baseline === 0 ? null : (change / Math.abs(figure.baseline)) * 100;
	return {
		figure_change: change,
		figure_verdict: verdictFor(indicator.direction, indicator.unit, change, relative)
	};
}

/** The QPV furthest behind: largest disadvantage to its EPCI at the latest year, else worst level. */
function furthest(
	indicator: Indicator,
	evo: Evolution[],
	gaps: Gap[]
): { code: string; value: number } | null {
	const scored = gaps
		.filter((g) => g.latest_gap !== null)
		.map((g) => ({
			code: g.qpv_code,
			value: g.latest_gap!,
			d: disadvantage(computeGap(indicator, g.latest_qpv, g.latest_reference), indicator.direction)
		}))
		.filter((g) => g.d !== null)
		.sort((a, b) => b.d! - a.d! || a.code.localeCompare(b.code));
	if (scored[0]) return { code: scored[0].code, value: scored[0].value };
	if (indicator.direction === 'neutral') return null;
	const levels = evo
		.filter((e) => e.latest_value !== null)
		.sort(
			(a, b) =>
				(indicator.direction === 'up'
					? a.latest_value! - b.latest_value!
					: b.latest_value! - a.latest_value!) || a.qpv_code.localeCompare(b.qpv_code)
		);
	return levels[0] ? { code: levels[0].qpv_code, value: levels[0].latest_value! } : null;
}

export function synthesisRow(
	contrat: string,
	indicator: Indicator,
	qpvCodes: string[],
	input: SynthesisInput
): ContratSynthesisRow {
	const mine = new Set(qpvCodes);
	const evo = input.evolutions.filter(
		(e) => mine.has(e.qpv_code) && e.indicator_id === indicator.id
	);
	const gaps = input.gaps.filter(
		(g) =>
			mine.has(g.qpv_code) &&
			g.indicator_id === indicator.id &&
			g.reference_kind === CONTRAT_GAP_REFERENCE
	);
	const peers = input.peers.filter((p) => mine.has(p.qpv_code) && p.indicator_id === indicator.id);
	const periods = commonPeriods(evo);
	const same = periods
		? evo.filter(
				(e) =>
					e.change !== null && e.baseline_period === periods[0] && e.latest_period === periods[1]
			)
		: [];
	const levelPeriod = periods ? null : commonLatest(evo);
	const figure =
		levelPeriod === null
			? contratFigure(
					indicator,
					same.map((e) => ({
						qpv_code: e.qpv_code,
						baseline: e.baseline_value!,
						latest: e.latest_value!,
						weight: input.population.get(e.qpv_code) ?? null
					}))
				)
			: contratLevel(
					indicator,
					levelPeriod,
					evo.filter((e) => e.latest_period === levelPeriod).map((e) => e.latest_value!),
					qpvCodes.length
				);
	const count = (v: QpvEvolution['verdict']) => evo.filter((e) => e.verdict === v).length;
	const worst = furthest(indicator, evo, gaps);
	// Same QPV at both dates: those whose gap is published at the baseline and the latest year.
	const paired = gaps.filter((g) => g.baseline_gap !== null && g.latest_gap !== null);
	return {
		contrat_code: contrat,
		indicator_id: indicator.id,
		period_kind: evo[0]?.period_kind ?? 'annee_donnees',
		n_qpv: qpvCodes.length,
		n_improved: count('amelioration'),
		n_worsened: count('degradation'),
		n_stable: count('stable'),
		n_not_comparable: count('indetermine') + (qpvCodes.length - evo.length),
		baseline_period: periods?.[0] ?? null,
		latest_period: periods?.[1] ?? levelPeriod,
		figure_kind: figure.kind,
		figure_label: figure.label,
		figure_baseline: figure.baseline,
		figure_latest: figure.latest,
		figure_n_qpv: figure.n,
		...(indicator.direction === 'neutral'
			? {
					figure_change: figureTrend(indicator, figure).figure_change,
					figure_verdict: 'indetermine'
				}
			: figureTrend(indicator, figure)),
		gap_measure: paired.length ? gapMeasure(indicator.unit) : null,
		gap_baseline: median(paired.map((g) => g.baseline_gap!)),
		gap_latest: median(paired.map((g) => g.latest_gap!)),
		furthest_qpv_code: worst?.code ?? null,
		furthest_value: worst?.value ?? null,
		n_peers_more: peers.filter((p) => p.reading === 'plus_favorable').length,
		n_peers_less: peers.filter((p) => p.reading === 'moins_favorable').length,
		n_peers_same: peers.filter((p) => p.reading === 'comme').length
	};
}

export const contratSynthesisStep: Step = {
	table: contratSynthesisTable.name,
	async run(ctx) {
		const ids = sqlList(EVALUATED_INDICATORS);
		const indicators = await ctx.db.query<Indicator>(
			`SELECT * FROM indicators WHERE id IN ${ids} ORDER BY id`
		);
		const links = await ctx.db.query<{ contrat_code: string; qpv_code: string }>(
			`SELECT contrat_code, qpv_code FROM qpv_contrat WHERE contrat_code IS NOT NULL ORDER BY ALL`
		);
		const input: SynthesisInput = {
			evolutions: await ctx.db.query<Evolution>(
				`SELECT ${COLUMNS.evolutions.join(', ')} FROM qpv_evolutions`
			),
			gaps: await ctx.db.query<Gap>(
				`SELECT ${COLUMNS.gaps.join(', ')} FROM qpv_gaps WHERE indicator_id IN ${ids} AND reference_kind = '${CONTRAT_GAP_REFERENCE}'`
			),
			peers: await ctx.db.query<Peer>(`SELECT ${COLUMNS.peers.join(', ')} FROM qpv_peers`),
			population: new Map(
				(
					await ctx.db.query<{ code: string; p: number | null }>(
						`SELECT code, population_2013 AS p FROM qpv`
					)
				).map((r) => [r.code, r.p])
			)
		};
		// Indexed by QPV once, so each contrat only filters its own rows.
		const evolutions = groupBy(input.evolutions, (r) => r.qpv_code);
		const gaps = groupBy(input.gaps, (r) => r.qpv_code);
		const peers = groupBy(input.peers, (r) => r.qpv_code);
		const rows: ContratSynthesisRow[] = [];
		for (const [contrat, group] of groupBy(links, (l) => l.contrat_code)) {
			const codes = group.map((l) => l.qpv_code);
			const own: SynthesisInput = {
				evolutions: codes.flatMap((c) => evolutions.get(c) ?? []),
				gaps: codes.flatMap((c) => gaps.get(c) ?? []),
				peers: codes.flatMap((c) => peers.get(c) ?? []),
				population: input.population
			};
			for (const indicator of indicators) rows.push(synthesisRow(contrat, indicator, codes, own));
		}
		await ctx.db.create(contratSynthesisTable);
		await ctx.db.insert(contratSynthesisTable, rows);
	}
};
