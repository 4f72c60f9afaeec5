// QPV profile: validates the code, loads the profile, renders the charts to SVG on the server.
import { error } from '@sveltejs/kit';
import { requireQpvCode } from '$lib/server/params';
import { loadQpvProfile, startQpvOwnReads } from '$lib/server/evaluation/qpv-profile';
import { loadQpvChartSeries } from '$lib/server/evaluation/qpv-timelines';
import { qpvLinkNotes } from '$lib/server/evaluation/link-gaps';
import { keyIndicatorsByPillar, qpvChartIndicators } from '$lib/server/evaluation/key-indicators';
import { boundaryMap, distributionCharts, seriesCharts } from './charts';
import { KEY_FIGURES, keyFigures, numberNotes, sourceLine, toIndicatorRows } from './view';
import { serverOnly } from '$lib/server/server-only';
import { ChartBatch } from '$lib/server/chart-thread';
import type { PageServerLoad } from './$types';

/** Read-only page: no client JavaScript needed. */
export const csr = false;

export const load: PageServerLoad = async ({ params }) => {
	const code = requireQpvCode(params.code);
	// The page reads first: the charts start from them and are drawn while DuckDB reads the QPV's
	// whole series and gaps.
	const own = startQpvOwnReads(code);
	const batch = new ChartBatch();
	const drawn = Promise.all([
		seriesCharts(own, loadQpvChartSeries(qpvChartIndicators, own.pageReads), batch),
		boundaryMap(own.qpv, batch)
	]);
	// Awaited below; a page that stops first (unknown code, failed read) leaves no rejection loose.
	drawn.catch(() => undefined);
	const profile = await loadQpvProfile(code, own);
	if (!profile) error(404, `Aucun quartier prioritaire de la géographie 2015 n’a le code ${code}.`);
	const { qpv, provenance } = profile;
	const views = profile.pillars.flatMap((p) => p.views);
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
	const linkNotes = await qpvLinkNotes(code);
	const distributions = distributionCharts(profile);
	// Nothing left but the charts: the ones the chart thread has not started are drawn here.
	batch.drawWaiting();
	const [charts, map] = await drawn;
	// Only the render reads this: see server-only.ts.
	return {
		page: serverOnly({
			linkNotes,
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
			charts,
			distributionCharts: distributions,
			map,
			mapSources: map ? sourceLine(['qpv-occitanie-hackaviz/qp.geojson'], provenance) : null
		})
	};
};
