// QPV profile: validates the code, loads the profile, renders the charts to SVG on the server.
import { curly } from '$lib/french';
import { error } from '@sveltejs/kit';
import { qpvDistributionChart } from '$lib/charts/qpv-distribution';
import { indicatorSeriesChart } from '$lib/charts/indicator-series';
import { qpvBoundaryMap } from '$lib/charts/maps';
import { requireQpvCode } from '$lib/server/params';
import { loadQpvProfile } from '$lib/server/evaluation/qpv-profile';
import { keyIndicatorsByPillar, qpvChartIndicators } from '$lib/server/evaluation/key-indicators';
import { sourceNote as sourceLine } from '$lib/domain/source-note';
import { READABLE_FONT } from '$lib/charts/render';
import { KEY_FIGURES, keyFigures, numberNotes, toIndicatorRows, type ChartBlock } from './view';
import type { PageServerLoad } from './$types';

/** Read-only page: no client JavaScript needed. */
export const csr = false;

export const load: PageServerLoad = async ({ params }) => {
	const code = requireQpvCode(params.code);
	const profile = await loadQpvProfile(code);
	if (!profile) error(404, `Aucun quartier prioritaire de la géographie 2015 n’a le code ${code}.`);
	const { qpv, provenance } = profile;
	const name = qpv.name ?? qpv.code;
	const views = profile.pillars.flatMap((p) => p.views);
	const charts: ChartBlock[] = [];
	for (const id of qpvChartIndicators) {
		const view = views.find((v) => v.indicator.id === id);
		if (!view) continue;
		const rows = [
			...view.series.map((o) => ({
				series: name,
				vintage: o.reference_year ?? o.vintage,
				value: o.value,
				status: o.status
			})),
			// Département and région stay in the tables: six lines at most keep colours distinct.
			...view.referenceSeries
				.filter((r) => r.kind !== 'departement' && r.kind !== 'region')
				.flatMap((r) =>
					r.rows.map((o) => ({
						series: r.label,
						vintage: o.reference_year ?? o.vintage,
						value: o.value,
						status: o.status
					}))
				)
		];
		const seen = new Set<string>();
		const unique = rows.filter((r) => {
			const key = `${r.series}|${r.vintage}`;
			if (seen.has(key)) return false;
			seen.add(key);
			return true;
		});
		charts.push({
			title: `${curly(view.indicator.label)} : ${name}`,
			svg: indicatorSeriesChart(unique, {
				title: `${curly(view.indicator.label)}, ${name}, par année des données`,
				unit: view.indicator.unit,
				indicatorLabel: view.indicator.label,
				xLabel: 'Année des données',
				width: 440,
				height: 280,
				fontSize: READABLE_FONT
			}),
			sources: sourceLine(view.sourcePaths, provenance)
		});
	}
	for (const d of profile.distributions) {
		charts.push({
			title: `${curly(d.indicator.label)} : place parmi tous les QPV (millésime ${d.vintage})`,
			svg: qpvDistributionChart(d.rows, {
				title: `Répartition des QPV selon ${d.indicator.label.toLowerCase()}, millésime ${d.vintage}`,
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
					?.series.filter((o) => o.vintage === d.vintage)
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
	return {
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
	};
};
