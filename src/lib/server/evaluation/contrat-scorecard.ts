// The mid-term scorecard of a contrat de ville: its QPV, the synthesis, and each pillar's key
// indicators read on the canonical series by data year (contrat_synthesis and qpv_evolutions,
// precomputed by the build: same QPV at both dates, never across a break), with the published
// 'Ensemble des QPV' value of the same period, and its dispositifs.
import { EVALUATED_INDICATORS, HEADLINE_INDICATORS } from '$lib/domain/synthesis';
import { pillars, type Pillar } from '$lib/schemas/indicators';
import type { CanonicalPoint } from '$lib/schemas/evaluation';
import type { Provenance } from '$lib/schemas/provenance';
import type { ContratQpvRow } from '../queries/contrats';
import { getContratPageModel, type ContratPageModel } from '../queries/contrat-page';
import {
	getTimelineFacts,
	type CiteRow,
	type PostsByYear,
	type TimelineFact
} from '../queries/dispositifs';
import { memo } from '../db';
import { getEnsembleSeries, getSeriesBreaks } from '../queries/evaluation';
import { listIndicators } from '../queries/observations';
import { getProvenance } from '../queries/sources';
import {
	buildContratSynthesis,
	type ContratSynthesis,
	type SynthesisIndicator
} from './contrat-synthesis';
import { keyIndicatorsByPillar } from './key-indicators';

/** Feuille de route, Pacte de Dijon, protocole 2019 and extension to 2022 (see faits-attestes.csv). */
export const timelineFactIds = ['F01', 'F14', 'F05', 'F07', 'F06'];
const timelineFacts = memo(() => getTimelineFacts(timelineFactIds));

/** One key indicator of a pillar: the precomputed contrat row, each QPV's endpoints, sources. */
export interface ContratIndicator extends SynthesisIndicator {
	/** The published 'Ensemble des QPV' value of the contrat figure's latest period. */
	allQpv: CanonicalPoint | null;
	/** Files the QPV values were read from (without line numbers). */
	sourcePaths: string[];
}

export interface ContratScorecard {
	contrat: ContratPageModel['contrat'];
	qpv: ContratQpvRow[];
	/** The headline synthesis (top of the page). */
	synthesis: ContratSynthesis;
	/** Every evaluated indicator (headline and pillar tables), for the Excel annex. */
	evaluated: ContratSynthesis;
	pillars: { pillar: Pillar; indicators: ContratIndicator[] }[];
	posts: PostsByYear[];
	cites: CiteRow[];
	timeline: TimelineFact[];
	provenance: Map<string, Provenance>;
}

function withEnsemble(s: SynthesisIndicator, ensemble: CanonicalPoint[]): ContratIndicator {
	const latest = s.row.latest_period;
	const allQpv =
		ensemble.find(
			(p) =>
				p.indicator_id === s.indicator.id &&
				p.period === latest &&
				p.period_kind === s.row.period_kind
		) ?? null;
	const sourcePaths = [
		...new Set(
			s.qpv
				.flatMap((q) => [q.baseline_source, q.latest_source])
				.filter((p): p is string => p !== null)
				.map((p) => p.replace(/ l\.\d+$/, ''))
		)
	].sort();
	return { ...s, allQpv, sourcePaths };
}

/** `model`: the contrat's page model when the caller reads it anyway (the contrat page). */
export async function loadContratScorecard(
	code: string,
	model: Promise<ContratPageModel | undefined> = getContratPageModel(code)
): Promise<ContratScorecard | undefined> {
	// The page model holds everything read by the contrat's code (one lookup); the rest is shared
	// by every contrat and memoised.
	const [page, indicators, breaks, ensemble, timeline, provenance] = await Promise.all([
		model,
		listIndicators(),
		getSeriesBreaks(),
		// The whole 'Ensemble des QPV' series, memoised: withEnsemble picks the indicator's point.
		getEnsembleSeries(),
		timelineFacts(),
		getProvenance()
	]);
	if (!page) return undefined;
	const { contrat, qpv, synthesis: rows, evolutions, posts, cites } = page;
	const input = { rows, evolutions, qpv, indicators, breaks };
	const evaluated = buildContratSynthesis(code, input, EVALUATED_INDICATORS);
	const byId = new Map(evaluated.indicators.map((s) => [s.indicator.id, s]));
	const keyOf = (pillar: Pillar) =>
		keyIndicatorsByPillar[pillar]
			.map((id) => byId.get(id))
			.filter(
				(s): s is SynthesisIndicator =>
					s !== undefined && s.qpv.some((q) => q.latest_value !== null)
			)
			.map((s) => withEnsemble(s, ensemble));
	return {
		contrat,
		qpv,
		synthesis: buildContratSynthesis(code, input, HEADLINE_INDICATORS),
		evaluated,
		pillars: pillars.map((pillar) => ({ pillar, indicators: keyOf(pillar) })),
		posts,
		cites,
		timeline,
		provenance
	};
}
