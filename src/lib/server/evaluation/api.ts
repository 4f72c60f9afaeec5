// JSON bodies of /api/contrats/[code] and /api/quartiers/[code]: the canonical series by data year
// (with vintage, status, source file and line), the synthesis, gaps, evolutions and peers.
import { EVALUATED_INDICATORS } from '$lib/domain/synthesis';
import type { CanonicalPoint } from '$lib/schemas/evaluation';
import { UNPUBLISHED_DATA_YEAR } from '$lib/schemas/evaluation';
import {
	getCanonicalSeries,
	getQpvEvolutions,
	getQpvGaps,
	getQpvPeers,
	getQpvReferences,
	getSeriesBreaks
} from '../queries/evaluation';
import { getQpvRanks } from '../queries/quartiers';
import type { ContratSynthesis } from './contrat-synthesis';

/** One point of a canonical series as the API shows it (French keys, like the rest of the API). */
export function apiPoint(p: CanonicalPoint) {
	return {
		indicateur: p.indicator_id,
		territoire: `${p.territory_type}:${p.territory_code}`,
		annee: p.period,
		annee_des_donnees: p.data_year ?? UNPUBLISHED_DATA_YEAR,
		millesime: p.vintage,
		valeur: p.value,
		statut: p.status,
		source: { fichier: p.source_path, ligne: p.source_line },
		autres_sources: p.other_sources,
		segment: p.segment
	};
}

export async function contratApiSeries(qpvCodes: string[]) {
	const [series, breaks] = await Promise.all([
		getCanonicalSeries(
			[...qpvCodes.map((code) => ({ type: 'qpv' as const, code }))],
			EVALUATED_INDICATORS
		),
		getSeriesBreaks()
	]);
	const ids = new Set(series.map((s) => s.indicator_id));
	return {
		series: series.map(apiPoint),
		ruptures: breaks.filter((b) => ids.has(b.indicator_id))
	};
}

export function synthesisApi(synthesis: ContratSynthesis) {
	return synthesis.indicators.map(({ row, qpv, furthestName }) => ({
		...row,
		furthest_qpv_name: furthestName,
		qpv: qpv.map(({ name, ...e }) => ({ ...e, name }))
	}));
}

export async function quartierApiEvaluation(code: string) {
	const [series, references, gaps, evolutions, peers, breaks, ranks] = await Promise.all([
		getCanonicalSeries([{ type: 'qpv', code }]),
		getQpvReferences(code),
		getQpvGaps(code),
		getQpvEvolutions([code]),
		getQpvPeers(code),
		getSeriesBreaks(),
		getQpvRanks(code)
	]);
	const ids = new Set(series.map((s) => s.indicator_id));
	return {
		series: series.map(apiPoint),
		ruptures: breaks.filter((b) => ids.has(b.indicator_id)),
		/** Rank among the QPV published the same data year (1 = lowest value). */
		rangs: ranks,
		territoires_de_reference: references,
		ecarts: gaps,
		evolutions,
		quartiers_comparables: peers
	};
}
