// Mid-term scorecard of a contrat de ville: validates the code, loads the scorecard, renders charts.
import { error } from '@sveltejs/kit';
import { contratQpvDistributionChart } from '$lib/charts/contrat-qpv-distribution';
import { dispositifsByYearChart } from '$lib/charts/dispositifs-by-year';
import { requireContratCode } from '$lib/server/params';
import { loadContratArticulation } from '$lib/server/evaluation/contrat-articulation';
import { loadContratScorecard } from '$lib/server/evaluation/contrat-scorecard';
import { periodLabel, synthesisView } from '$lib/server/evaluation/synthesis-view';
import { loadActionsMoyens } from '$lib/server/evaluation/actions-moyens';
import { contratLinkNotes } from '$lib/server/evaluation/link-gaps';
import { getContratPageModel } from '$lib/server/queries/contrat-page';
import { sourceNote as sourceLine } from '$lib/domain/source-note';
import { READABLE_FONT } from '$lib/charts/render';
import { formatEuros, latestDistribution, numberScorecardNotes, toScorecardRows } from './view';
import { serverOnly } from '$lib/server/server-only';
import type { PageServerLoad } from './$types';

/** Read-only page: no client JavaScript needed. */
export const csr = false;

export const load: PageServerLoad = async ({ params }) => {
	const code = requireContratCode(params.code);
	// One lookup of the page model feeds the scorecard and the means; link notes are memoised.
	const model = getContratPageModel(code);
	const [card, actions, linkNotes] = await Promise.all([
		loadContratScorecard(code, model),
		loadActionsMoyens(code, model),
		contratLinkNotes(code)
	]);
	if (!card) error(404, `Aucun contrat de ville n’a le code ${code}.`);
	const { provenance, synthesis } = card;
	const names = new Map(card.qpv.map((q) => [q.code, q.name]));
	const distributionCharts = card.pillars
		.flatMap((p) => p.indicators)
		.filter((ci) => ci.indicator.aggregation === 'none' && card.qpv.length > 1)
		.slice(0, 4)
		.map((ci) => {
			const values = latestDistribution(ci).values;
			const year = periodLabel(ci.row.latest_period, ci.row.period_kind);
			return {
				title: `${ci.indicator.label} : chaque QPV (${year})`,
				svg: contratQpvDistributionChart(
					values.map((v) => ({
						code: v.code,
						name: names.get(v.code) ?? null,
						value: v.value,
						status: v.status
					})),
					{
						title: `${ci.indicator.label} dans chaque QPV du contrat, ${year}`,
						unit: ci.indicator.unit,
						indicatorLabel: ci.indicator.label,
						width: 400,
						height: 60 + 24 * values.length,
						fontSize: READABLE_FONT
					}
				),
				sources: sourceLine(ci.sourcePaths, provenance)
			};
		});
	const postsChart = card.posts.length
		? {
				svg: dispositifsByYearChart(
					card.posts.map((p) => ({ kind: p.kind, year: p.year, count: p.posts })),
					{
						title: `Postes adultes-relais et FONJEP financés par année, ${card.contrat.name}`,
						width: 400,
						height: 260,
						fontSize: READABLE_FONT
					}
				),
				sources: sourceLine(
					card.posts.map((p) => p.source_path),
					provenance
				)
			}
		: null;
	const articulation = await loadContratArticulation({
		code: card.contrat.code,
		departementCode: card.contrat.departement_code,
		departement: card.contrat.departement,
		posts: card.posts,
		cites: card.cites,
		indicators: card.pillars.flatMap((p) => p.indicators),
		provenance
	});
	const pillars = card.pillars.map((p) => {
		const rows = toScorecardRows(p.indicators, provenance);
		return {
			pillar: p.pillar,
			rows,
			source: sourceLine(
				rows.flatMap((r) => r.sourcePaths),
				provenance
			)
		};
	});
	const notes = numberScorecardNotes(pillars.flatMap((p) => p.rows));
	// Only the render reads this: see server-only.ts.
	return {
		page: serverOnly({
			notes,
			synthesis: synthesisView(synthesis, provenance),
			actions,
			linkNotes,
			articulation,
			contrat: { ...card.contrat, geometry: null },
			qpv: card.qpv,
			pillars,
			posts: card.posts.map((p) => ({ ...p, amount: formatEuros(p.amount_eur) })),
			postsChart,
			cites: card.cites,
			citesSources: sourceLine(
				['dispositifs/citeduc_geom.geojson', 'dispositifs/cde_geom.geojson'],
				provenance
			),
			distributionCharts,
			qpvSources: sourceLine(
				['qpv-2015/qpv_evolution_population.csv', 'geographie-2015/epcicom2015.csv'],
				provenance
			)
		})
	};
};
