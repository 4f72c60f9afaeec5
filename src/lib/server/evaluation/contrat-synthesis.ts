// The contrat synthesis an évaluateur opens first: per headline indicator, the precomputed counts,
// contrat figure, gap to the EPCI and peers, with each QPV's baseline and latest values. The pillar
// tables under it read the same precomputed rows for their key indicators (contrat-scorecard.ts).
import { HEADLINE_INDICATORS } from '$lib/domain/synthesis';
import type { ContratSynthesisRow, QpvEvolution, SeriesBreak } from '$lib/schemas/evaluation';
import type { Indicator } from '$lib/schemas/indicators';
import { getContratQpv } from '../queries/contrats';
import { getContratSynthesis, getQpvEvolutions, getSeriesBreaks } from '../queries/evaluation';
import { listIndicators } from '../queries/observations';

export interface SynthesisQpv extends QpvEvolution {
	name: string | null;
}

export interface SynthesisIndicator {
	indicator: Indicator;
	row: ContratSynthesisRow;
	qpv: SynthesisQpv[];
	furthestName: string | null;
	breaks: SeriesBreak[];
}

export interface ContratSynthesis {
	contratCode: string;
	indicators: SynthesisIndicator[];
}

export interface SynthesisInput {
	rows: ContratSynthesisRow[];
	evolutions: QpvEvolution[];
	qpv: { code: string; name: string | null }[];
	indicators: Indicator[];
	breaks: SeriesBreak[];
}

/** The synthesis of the given indicators, in their order, from rows already read. */
export function buildContratSynthesis(
	code: string,
	input: SynthesisInput,
	ids: readonly string[] = HEADLINE_INDICATORS
): ContratSynthesis {
	const names = new Map(input.qpv.map((q) => [q.code, q.name]));
	const byId = new Map(input.indicators.map((i) => [i.id, i]));
	const ordered = ids.flatMap((id) => {
		const row = input.rows.find((r) => r.indicator_id === id);
		const indicator = byId.get(id);
		return row && indicator ? [{ row, indicator }] : [];
	});
	return {
		contratCode: code,
		indicators: ordered.map(({ row, indicator }) => ({
			indicator,
			row,
			qpv: input.evolutions
				.filter((e) => e.indicator_id === indicator.id)
				.map((e) => ({ ...e, name: names.get(e.qpv_code) ?? null })),
			furthestName: row.furthest_qpv_code ? (names.get(row.furthest_qpv_code) ?? null) : null,
			breaks: input.breaks.filter((b) => b.indicator_id === indicator.id)
		}))
	};
}

export async function loadContratSynthesis(
	code: string,
	ids: readonly string[] = HEADLINE_INDICATORS
): Promise<ContratSynthesis> {
	const [rows, qpv, indicators, breaks] = await Promise.all([
		getContratSynthesis(code),
		getContratQpv(code),
		listIndicators(),
		getSeriesBreaks()
	]);
	const evolutions = await getQpvEvolutions(qpv.map((q) => q.code));
	return buildContratSynthesis(code, { rows, evolutions, qpv, indicators, breaks }, ids);
}
