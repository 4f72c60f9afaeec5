// QPV profile: validates the code, loads the profile, renders the charts to SVG on the server.
import { curly } from '$lib/french';
import { error } from '@sveltejs/kit';
import { qpvDistributionChart } from '$lib/charts/qpv-distribution';
import { indicatorSeriesChart } from '$lib/charts/indicator-series';
import { qpvBoundaryMap } from '$lib/charts/maps';
import { requireQpvCode } from '$lib/server/params';
import { loadQpvProfile } from '$lib/server/evaluation/qpv-profile';
import { loadQpvReferenceSeries, qpvTimelines } from '$lib/server/evaluation/qpv-timelines';
import { periodLabel } from '$lib/server/evaluation/synthesis-view';
import { periodKindLabels } from '$lib/schemas/evaluation';
import { qpvLinkNotes } from '$lib/server/evaluation/link-gaps';
import { keyIndicatorsByPillar, qpvChartIndicators } from '$lib/server/evaluation/key-indicators';
import { READABLE_FONT } from '$lib/charts/render';
import {
	KEY_FIGURES,
	keyFigures,
	numberNotes,
	sourceLine,
	toIndicatorRows,
	type ChartBlock
} from './view';
import { serverOnly } from '$lib/server/server-only';
import type { PageServerLoad } from './$types';

/** Read-only page: no client JavaScript needed. */
export const csr = false;

export const load: PageServerLoad = async ({ params }) => {
	const code = requireQpvCode(params.code);
	const [profile, referenceSeries] = await Promise.all([
		loadQpvProfile(code),
		loadQpvReferenceSeries(code, qpvChartIndicators)
	]);
	if (!profile) error(404, `Aucun quartier prioritaire de la géographie 2015 n’a le code ${code}.`);
	const { qpv, provenance } = profile;
	const name = qpv.name ?? qpv.code;
	const views = profile.pillars.flatMap((p) => p.views);
	const charts: ChartBlock[] = [];
	const timelines = qpvTimelines(
		name,
		qpvChartIndicators,
		profile.series,
		referenceSeries,
		new Map(
			profile.communes.flatMap((c) => [
				[c.code, c.name],
				[c.current_code ?? c.code, c.name]
			])
		)
	);
	for (const t of timelines) {
		const view = views.find((v) => v.indicator.id === t.indicatorId);
		if (!view) continue;
		const xLabel = periodKindLabels[t.periodKind];
		charts.push({
			title: `${curly(view.indicator.label)} : ${name}`,
			svg: indicatorSeriesChart(t.rows, {
				title: `${curly(view.indicator.label)}, ${name}, par ${xLabel.toLowerCase()}`,
				unit: view.indicator.unit,
				indicatorLabel: curly(view.indicator.label),
				xLabel,
				breaks: t.breaks.map((b) => b.period),
				width: 440,
				height: 280,
				fontSize: READABLE_FONT
			}),
			sources: sourceLine(t.sourcePaths, provenance)
		});
	}
	for (const d of profile.distributions) {
		charts.push({
			title: `${curly(d.indicator.label)} : place parmi tous les QPV (${periodLabel(d.period, d.periodKind)})`,
			svg: qpvDistributionChart(d.rows, {
				title: `Répartition des QPV selon ${d.indicator.label.toLowerCase()}, ${periodLabel(d.period, d.periodKind)}`,
				unit: d.indicator.unit,
				indicatorLabel: d.indicator.label,
				selectedCode: qpv.code,
				selectedLabel: 'ce quartier',
				width: 400,
				height: 240,
				fontSize: READABLE_FONT
			}),
			sources: sourceLine(
				views
					.find((v) => v.indicator.id === d.indicator.id)
					?.series.filter((o) => (o.period ?? o.vintage) === d.period)
					.map((o) => o.source_path) ?? [],
				provenance
			)
		});
	}
	// Each theme opens on its headline indicators; the others follow in a disclosure.
	const pillarRows = profile.pillars.map((p) => ({
		pillar: p.pillar,
		rows: toIndicatorRows(p.views, profile.ranks, provenance),
		key: keyIndicatorsByPillar[p.pillar],
		source: sourceLine(
			p.views.flatMap((v) => v.sourcePaths),
			provenance
		)
	}));
	const notes = numberNotes(pillarRows.flatMap((p) => p.rows));
	const map = qpv.boundary
		? qpvBoundaryMap(
				{ code: qpv.code, name, geometry: qpv.boundary },
				{ title: `Contour du quartier ${name}`, width: 320, height: 320 }
			)
		: null;
	// Only the render reads this: see server-only.ts.
	return {
		page: serverOnly({
			linkNotes: await qpvLinkNotes(code),
			qpv: { ...qpv, boundary: null },
			communes: profile.communes,
			references: profile.references.map((r) => ({ kind: r.kind, label: r.label, code: r.code })),
			pillars: pillarRows,
			notes,
			keyFigures: keyFigures(views),
			keySource: sourceLine(
				views.filter((v) => KEY_FIGURES.includes(v.indicator.id)).flatMap((v) => v.sourcePaths),
				provenance
			),
			populationSource: sourceLine(['qpv-2015/qpv_evolution_population.csv'], provenance),
			charts: charts.slice(0, qpvChartIndicators.length),
			distributionCharts: charts.slice(qpvChartIndicators.length),
			map,
			mapSources: map ? sourceLine(['qpv-occitanie-hackaviz/qp.geojson'], provenance) : null
		})
	};
};
