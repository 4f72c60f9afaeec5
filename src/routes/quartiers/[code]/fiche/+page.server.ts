// One-page A4 fiche of a quartier prioritaire for élus: headline indicators with their evolution
// and gaps to its commune and to France métropolitaine, contrat, communes, boundary or locator map.
import { error } from '@sveltejs/kit';
import { formatChange, formatNumber, formatObservation, formatValue, NBSP } from '$lib/format';
import { describeVintage } from '$lib/domain/series';
import { pillarLabels, pillars } from '$lib/schemas/indicators';
import { requireQpvCode } from '$lib/server/params';
import type { IndicatorView } from '$lib/server/evaluation/indicator-view';
import { keyIndicatorsByPillar } from '$lib/server/evaluation/key-indicators';
import { loadQpvProfile } from '$lib/server/evaluation/qpv-profile';
import { sourcePathsForTables } from '$lib/server/queries/provenance';
import { sourceLine } from '$lib/server/queries/sources';
import { gapText } from '../view';
import {
	areaMap,
	contratLocatorMap,
	evolutionArrow,
	generatedOn,
	pickHeadline,
	verdictNote,
	vintagesLine,
	type FicheIndicator
} from '../../../contrats/[code]/fiche/fiche';
import type { PageServerLoad } from './$types';

export const csr = false;

/**
 * « Bourg-en-Bresse (commune) : 19 180 € · quartier à 74 % » or « France métropolitaine : 14,5 % ·
 * écart +26,9 pts »: the gap at the same reference year, in points for a rate.
 */
function comparisons(view: IndicatorView): string[] {
	const out: string[] = [];
	for (const kind of ['commune', 'france']) {
		const i = view.references.findIndex((r) => r.kind === kind && r.latest);
		const ref = view.references[i];
		if (!ref?.latest) continue;
		const value = formatObservation(ref.latest, view.indicator.unit);
		const gap = gapText(view, i);
		const label = kind === 'commune' ? `${ref.label} (commune)` : ref.label;
		const reading =
			gap === 'non calculable'
				? ''
				: ref.gap?.measure === 'points'
					? ` · écart ${gap}`
					: ` · quartier à ${formatNumber(ref.gap!.ratioPercent!, 0)}${NBSP}%`;
		out.push(`${label} : ${value}${reading}`);
	}
	return out;
}

export const load: PageServerLoad = async ({ params, setHeaders }) => {
	const code = requireQpvCode(params.code);
	const profile = await loadQpvProfile(code);
	if (!profile) error(404, `Aucun quartier prioritaire de la géographie 2015 n’a le code ${code}.`);
	const { qpv, provenance } = profile;
	// The page carries its generation date: never served from a cache.
	setHeaders({ 'cache-control': 'no-store' });
	const name = qpv.name ?? qpv.code;
	const views = new Map(profile.pillars.flatMap((p) => p.views).map((v) => [v.indicator.id, v]));
	// Indicators with a published value first within each pillar: they carry the figures.
	const headline = pickHeadline(
		pillars.map((pillar) =>
			keyIndicatorsByPillar[pillar]
				.map((id) => views.get(id))
				.filter((v): v is IndicatorView => Boolean(v?.evolution.latest))
		)
	);
	const indicators: FicheIndicator[] = headline.map((view) => {
		const { evolution: ev, indicator } = view;
		const baseline = ev.baseline && ev.baseline.vintage !== ev.latest!.vintage ? ev.baseline : null;
		const arrow = evolutionArrow(indicator, ev);
		return {
			id: indicator.id,
			pillar: pillarLabels[indicator.pillar],
			label: indicator.label,
			value: formatValue(ev.latest!.value, indicator.unit),
			when: describeVintage(ev.latest!),
			baseline: baseline ? formatValue(baseline.value, indicator.unit) : '—',
			baselineWhen: baseline ? describeVintage(baseline) : '',
			change:
				ev.change === null || arrow.symbol === '–' ? '—' : formatChange(ev.change, indicator.unit),
			arrow,
			verdict: ev.verdict,
			verdictLabel: ev.verdictLabel,
			comparisons: comparisons(view),
			note: verdictNote(indicator, ev)
		};
	});

	const boundary = qpv.boundary
		? areaMap({ code: qpv.code, name, geometry: qpv.boundary }, `Contour du quartier ${name}`)
		: null;
	const locator =
		!boundary && qpv.contrat_code && qpv.contrat_name
			? await contratLocatorMap(qpv.contrat_code, qpv.contrat_name)
			: null;
	const mapPaths = boundary
		? ['qpv-occitanie-hackaviz/qp.geojson']
		: locator
			? await sourcePathsForTables(['contrats'])
			: [];
	const vintages = headline.flatMap((v) =>
		[v.evolution.latest?.vintage, v.evolution.baseline?.vintage].filter(
			(x): x is number => x !== undefined
		)
	);
	return {
		qpv: {
			code: qpv.code,
			name,
			departement: qpv.departement ?? qpv.departement_code,
			departementCode: qpv.departement_code,
			region: qpv.region,
			contratCode: qpv.contrat_code,
			contratName: qpv.contrat_name,
			contratCount: qpv.contrat_count,
			population2013:
				qpv.population_2013 === null ? 'non disponible' : formatNumber(qpv.population_2013),
			population2018:
				qpv.population_2018 === null ? 'non disponible' : formatNumber(qpv.population_2018)
		},
		communes: profile.communes.length
			? profile.communes.map((c) => `${c.name} (${c.code})`)
			: qpv.communes_label
				? [qpv.communes_label]
				: [],
		indicators,
		map: boundary ?? locator,
		mapKind: boundary ? 'boundary' : locator ? 'contrat' : null,
		generatedOn: generatedOn(new Date()),
		vintages: vintagesLine(vintages),
		sources: sourceLine(
			[
				...headline.flatMap((v) => v.sourcePaths),
				'qpv-2015/qpv_evolution_population.csv',
				'qpv-2015/qpv_info_nom_commune.csv',
				...mapPaths
			],
			provenance
		)
	};
};
