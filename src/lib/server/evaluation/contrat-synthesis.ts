// The contrat synthesis an évaluateur opens first: per headline indicator, the precomputed counts,
// contrat figure, gap to the EPCI and peers, with each QPV's baseline and latest values.
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

export async function loadContratSynthesis(code: string): Promise<ContratSynthesis> {
	const [rows, qpv, indicators, breaks] = await Promise.all([
		getContratSynthesis(code),
		getContratQpv(code),
		listIndicators(),
		getSeriesBreaks()
	]);
	const evolutions = await getQpvEvolutions(qpv.map((q) => q.code));
	const names = new Map(qpv.map((q) => [q.code, q.name]));
	const byId = new Map(indicators.map((i) => [i.id, i]));
	const ordered = HEADLINE_INDICATORS.flatMap((id) => {
		const row = rows.find((r) => r.indicator_id === id);
		const indicator = byId.get(id);
		return row && indicator ? [{ row, indicator }] : [];
	});
	return {
		contratCode: code,
		indicators: ordered.map(({ row, indicator }) => ({
			indicator,
			row,
			qpv: evolutions
				.filter((e) => e.indicator_id === indicator.id)
				.map((e) => ({ ...e, name: names.get(e.qpv_code) ?? null })),
			furthestName: row.furthest_qpv_code ? (names.get(row.furthest_qpv_code) ?? null) : null,
			breaks: breaks.filter((b) => b.indicator_id === indicator.id)
		}))
	};
}
