// The mid-term scorecard of a contrat de ville: its QPV, each key indicator aggregated where the
// rule allows it (sum, ratio of sums) or shown as a distribution across its QPV, and dispositifs.
import { aggregateQpv, type Aggregate } from '$lib/domain/aggregation';
import { computeEvolution, type Evolution } from '$lib/domain/evolution';
import { pillars, type Indicator, type Pillar } from '$lib/schemas/indicators';
import type { Provenance } from '$lib/schemas/provenance';
import {
	getContrat,
	getContratQpv,
	type ContratIdentity,
	type ContratQpvRow
} from '../queries/contrats';
import {
	getContratCites,
	getContratPosts,
	getTimelineFacts,
	type CiteRow,
	type PostsByYear,
	type TimelineFact
} from '../queries/dispositifs';
import { getObservations, listIndicators, type ObservationRow } from '../queries/observations';
import { getProvenance } from '../queries/sources';
import { keyIndicatorsByPillar } from './key-indicators';
import { groupByIndicator } from './qpv-profile';

/** Feuille de route, Pacte de Dijon, protocole 2019 and extension to 2022 (see faits-attestes.csv). */
export const timelineFactIds = ['F01', 'F14', 'F05', 'F07', 'F06'];

export interface ContratIndicator {
	indicator: Indicator;
	vintages: number[];
	/** Per vintage: the contrat figure (sum, ratio) or the distribution across its QPV. */
	byVintage: { vintage: number; referenceYear: number | null; aggregate: Aggregate }[];
	/** Evolution of the contrat figure when aggregable; null otherwise. */
	evolution: Evolution | null;
	/** The published 'Ensemble des QPV' value for the latest vintage. */
	allQpv: ObservationRow | null;
	sourcePaths: string[];
}

export interface ContratScorecard {
	contrat: ContratIdentity;
	qpv: ContratQpvRow[];
	pillars: { pillar: Pillar; indicators: ContratIndicator[] }[];
	posts: PostsByYear[];
	cites: CiteRow[];
	timeline: TimelineFact[];
	provenance: Map<string, Provenance>;
}

export function contratIndicator(
	indicator: Indicator,
	qpvCodes: string[],
	rows: ObservationRow[],
	ensemble: ObservationRow[],
	labels: Map<string, string>
): ContratIndicator {
	const own = rows.filter((o) => o.indicator_id === indicator.id);
	const vintages = [...new Set(own.map((o) => o.vintage))].filter((v) => v <= 2022).sort();
	const byVintage = vintages.map((vintage) => {
		const atVintage = rows.filter((o) => o.vintage === vintage);
		const ref = own.find((o) => o.vintage === vintage);
		return {
			vintage,
			referenceYear: ref?.reference_year ?? null,
			aggregate: aggregateQpv(
				indicator,
				qpvCodes,
				atVintage,
				indicator.denominator_id ? labels.get(indicator.denominator_id) : undefined
			)
		};
	});
	const aggregable = indicator.aggregation !== 'none';
	const evolution = aggregable
		? computeEvolution(
				indicator,
				byVintage.map((b) => ({
					vintage: b.vintage,
					reference_year: b.referenceYear,
					value: b.aggregate.value,
					status: b.aggregate.value === null ? 'missing' : 'ok',
					source_path: own.find((o) => o.vintage === b.vintage)?.source_path ?? '',
					territory_type: 'qpv' as const
				}))
			)
		: null;
	const latest = vintages[vintages.length - 1];
	const allQpv =
		ensemble.find((o) => o.indicator_id === indicator.id && o.vintage === latest) ?? null;
	return {
		indicator,
		vintages,
		byVintage,
		evolution,
		allQpv,
		sourcePaths: [...new Set(own.map((o) => o.source_path))].sort()
	};
}

export async function loadContratScorecard(code: string): Promise<ContratScorecard | undefined> {
	const contrat = await getContrat(code);
	if (!contrat) return undefined;
	const qpv = await getContratQpv(code);
	const indicators = await listIndicators();
	const byId = new Map(indicators.map((i) => [i.id, i]));
	const keyIds = Object.values(keyIndicatorsByPillar).flat();
	const needed = new Set(keyIds);
	for (const id of keyIds) {
		const i = byId.get(id);
		if (i?.numerator_id) needed.add(i.numerator_id);
		if (i?.denominator_id) needed.add(i.denominator_id);
	}
	const territories = [
		...qpv.map((q) => ({ type: 'qpv' as const, code: q.code })),
		{ type: 'ensemble_qpv' as const, code: 'ENSEMBLE_QPV' }
	];
	const [rows, posts, cites, timeline, provenance] = await Promise.all([
		getObservations(territories, [...needed]),
		getContratPosts(code),
		getContratCites(code),
		getTimelineFacts(timelineFactIds),
		getProvenance()
	]);
	const qpvRows = rows.filter((o) => o.territory_type === 'qpv');
	const ensemble = rows.filter((o) => o.territory_type === 'ensemble_qpv');
	const grouped = groupByIndicator(qpvRows);
	const labels = new Map(indicators.map((i) => [i.id, i.label.toLowerCase()]));
	const qpvCodes = qpv.map((q) => q.code);
	return {
		contrat,
		qpv,
		pillars: pillars.map((pillar) => ({
			pillar,
			indicators: keyIndicatorsByPillar[pillar]
				.map((id) => byId.get(id))
				.filter((i): i is Indicator => Boolean(i) && grouped.has(i!.id))
				.map((i) => contratIndicator(i, qpvCodes, qpvRows, ensemble, labels))
		})),
		posts,
		cites,
		timeline,
		provenance
	};
}
