// Everything the QPV profile shows, assembled from the database and the domain functions.
import { peerMedians } from '$lib/domain/peers';
import { pillars, type Indicator, type Pillar } from '$lib/schemas/indicators';
import type { Provenance } from '$lib/schemas/provenance';
import {
	getObservations,
	getQpvDistribution,
	listIndicators,
	type ObservationRow
} from '../queries/observations';
import {
	getQpv,
	getQpvCommunes,
	getQpvRanks,
	referenceTerritories,
	type QpvCommuneRow,
	type QpvIdentity,
	type QpvRankRow,
	type ReferenceTerritory
} from '../queries/quartiers';
import { getProvenance } from '../queries/sources';
import { getContratQpv } from '../queries/contrats';
import { getCanonicalSeries } from '../queries/evaluation';
import type { CanonicalPoint, PeriodKind } from '$lib/schemas/evaluation';
import type { SeriesPoint } from '$lib/domain/series';
import { buildIndicatorView, type IndicatorView } from './indicator-view';
import { qpvChartIndicators } from './key-indicators';

export interface QpvProfile {
	qpv: QpvIdentity;
	communes: QpvCommuneRow[];
	references: ReferenceTerritory[];
	pillars: { pillar: Pillar; views: IndicatorView[] }[];
	ranks: Map<string, QpvRankRow>;
	distributions: {
		indicator: Indicator;
		/** The QPV's latest point: data year (or vintage when unpublished) the distribution is drawn for. */
		period: number;
		periodKind: PeriodKind;
		rows: Awaited<ReturnType<typeof getQpvDistribution>>;
	}[];
	provenance: Map<string, Provenance>;
}

export function groupByIndicator(rows: ObservationRow[]): Map<string, ObservationRow[]> {
	const out = new Map<string, ObservationRow[]>();
	for (const row of rows) {
		const list = out.get(row.indicator_id);
		if (list) list.push(row);
		else out.set(row.indicator_id, [row]);
	}
	return out;
}

/** A canonical point in the observation shape the views read, with its period and segment. */
export function canonicalAsObservation(p: CanonicalPoint): ObservationRow & SeriesPoint {
	return {
		indicator_id: p.indicator_id,
		territory_type: p.territory_type,
		territory_code: p.territory_code,
		vintage: p.vintage,
		reference_year: p.data_year,
		value: p.value,
		status: p.status,
		source_path: p.source_path,
		source_line: p.source_line,
		period: p.period,
		segment: p.segment
	};
}

/** Medians of the other QPV of the QPV's contrat, when it has others. */
async function contratPeerRows(qpv: QpvIdentity) {
	if (!qpv.contrat_code || qpv.contrat_count !== 1) return [];
	const others = (await getContratQpv(qpv.contrat_code)).filter((q) => q.code !== qpv.code);
	if (others.length === 0) return [];
	const rows = await getObservations(others.map((q) => ({ type: 'qpv' as const, code: q.code })));
	return peerMedians(rows, qpv.code, qpv.contrat_code);
}

export async function loadQpvProfile(code: string): Promise<QpvProfile | undefined> {
	const qpv = await getQpv(code);
	if (!qpv) return undefined;
	const communes = await getQpvCommunes(code);
	const references = referenceTerritories(qpv, communes);
	const [indicators, observations, canonical, rankRows, provenance] = await Promise.all([
		listIndicators(),
		getObservations(references),
		getCanonicalSeries([{ type: 'qpv', code }]),
		getQpvRanks(code),
		getProvenance()
	]);
	const peers = await contratPeerRows(qpv);
	if (peers.length > 0) {
		references.push({
			kind: 'contrat_qpv',
			type: 'contrat_qpv' as never,
			code: qpv.contrat_code!,
			label: 'Médiane des autres QPV du contrat (calculée)'
		});
	}
	// The QPV's own values: its canonical series (one value per data year, see domain/timeline.ts).
	const own = groupByIndicator(canonical.map(canonicalAsObservation));
	const refs = groupByIndicator([
		...observations.filter((o) => o.territory_type !== 'qpv'),
		...(peers as unknown as ObservationRow[])
	]);
	const views = indicators
		.filter((i) => own.has(i.id))
		.map((i) => buildIndicatorView(i, own.get(i.id)!, references, refs.get(i.id) ?? []));
	const ranks = new Map(
		rankRows
			.filter((r) =>
				views.some(
					(v) => v.indicator.id === r.indicator_id && v.evolution.latest?.vintage === r.vintage
				)
			)
			.map((r) => [r.indicator_id, r])
	);
	const distributions = await Promise.all(
		views
			.filter((v) => qpvChartIndicators.includes(v.indicator.id) && v.evolution.latest)
			.map(async (v) => {
				const latest = v.evolution.latest!;
				const periodKind: PeriodKind =
					latest.reference_year === null ? 'millesime' : 'annee_donnees';
				const period = latest.period ?? latest.reference_year ?? latest.vintage;
				return {
					indicator: v.indicator,
					period,
					periodKind,
					rows: await getQpvDistribution(v.indicator.id, period, periodKind)
				};
			})
	);
	return {
		qpv,
		communes,
		references,
		pillars: pillars.map((pillar) => ({
			pillar,
			views: views.filter((v) => v.indicator.pillar === pillar)
		})),
		ranks,
		distributions,
		provenance
	};
}
