// One-page A4 scorecard of a contrat de ville for élus: headline indicators with their evolution,
// the QPV list, a locator map and the sources; printed to PDF by ../fiche.pdf.
import { error } from '@sveltejs/kit';
import type { Distribution } from '$lib/domain/aggregation';
import { verdictLabels } from '$lib/domain/evolution';
import { describeVintage, type SeriesPoint } from '$lib/domain/series';
import { formatChange, formatNumber, formatValue } from '$lib/format';
import { pillarLabels } from '$lib/schemas/indicators';
import { requireContratCode } from '$lib/server/params';
import { loadContratScorecard } from '$lib/server/evaluation/contrat-scorecard';
import { loadContratSynthesis } from '$lib/server/evaluation/contrat-synthesis';
import { synthesisPaths, synthesisView } from '$lib/server/evaluation/synthesis-view';
import { sourcePathsForTables } from '$lib/server/queries/provenance';
import { sourceLine } from '$lib/server/queries/sources';
import {
	contratLocatorMap,
	evolutionArrow,
	generatedOn,
	pickHeadline,
	verdictNote,
	vintagesLine,
	type FicheIndicator
} from './fiche';
import type { PageServerLoad } from './$types';

export const csr = false;

/** Beyond this, the QPV list keeps the most populated ones and says how many are left out. */
const QPV_LIST_MAX = 24;

/** A median of medians is meaningless: the spread across the contrat's QPV is shown instead. */
function distributionText(d: Distribution, unit: string): string {
	if (d.n === 0) return 'aucune valeur publiée';
	if (d.n === 1) return `${formatValue(d.median, unit)} (un seul QPV publié)`;
	return `de ${formatValue(d.min, unit)} à ${formatValue(d.max, unit)}, médiane ${formatValue(d.median, unit)} (${d.n} QPV)`;
}

export const load: PageServerLoad = async ({ params, setHeaders }) => {
	const code = requireContratCode(params.code);
	const [card, synthesisData] = await Promise.all([
		loadContratScorecard(code),
		loadContratSynthesis(code)
	]);
	if (!card) error(404, `Aucun contrat de ville n’a le code ${code}.`);
	const { contrat, provenance } = card;
	const synthesis = synthesisView(synthesisData, provenance);
	// The page carries its generation date: never served from a cache.
	setHeaders({ 'cache-control': 'no-store' });

	// Aggregable figures first within each pillar: they carry an evolution and a verdict.
	const headline = pickHeadline(
		card.pillars.map((p) =>
			p.indicators
				.filter((ci) => {
					const agg = ci.byVintage.at(-1)?.aggregate;
					return agg && (agg.kind === 'none' ? agg.distribution.n > 0 : agg.value !== null);
				})
				.sort(
					(a, b) =>
						Number(a.indicator.aggregation === 'none') - Number(b.indicator.aggregation === 'none')
				)
		)
	);
	const indicators: FicheIndicator[] = headline.map((ci) => {
		const { indicator, evolution: ev } = ci;
		const unit = indicator.unit;
		const last = ci.byVintage.at(-1)!;
		const agg = last.aggregate;
		const distribution = agg.kind === 'none';
		const partial = agg.nSecret + agg.nMissing;
		const baseline =
			ev?.baseline && ev.latest && ev.baseline.vintage !== ev.latest.vintage ? ev.baseline : null;
		const arrow = evolutionArrow(indicator, ev);
		const allQpv =
			ci.allQpv?.status === 'ok' && ci.allQpv.value !== null
				? [`Ensemble des QPV : ${formatValue(ci.allQpv.value, unit)}`]
				: [];
		return {
			id: indicator.id,
			pillar: pillarLabels[indicator.pillar],
			label: indicator.label,
			value: distribution ? distributionText(agg.distribution, unit) : formatValue(agg.value, unit),
			// describeVintage only reads the vintage and the reference year.
			when: describeVintage({
				vintage: last.vintage,
				reference_year: last.referenceYear
			} as SeriesPoint),
			baseline: baseline ? formatValue(baseline.value, unit) : '—',
			baselineWhen: baseline ? describeVintage(baseline) : '',
			change: ev?.change != null && arrow.symbol !== '–' ? formatChange(ev.change, unit) : '—',
			arrow,
			verdict: distribution ? 'indetermine' : (ev?.verdict ?? 'indetermine'),
			verdictLabel: distribution
				? verdictLabels.indetermine
				: (ev?.verdictLabel ?? verdictLabels.indetermine),
			comparisons: allQpv,
			note: distribution
				? 'Non additionnable entre quartiers : pas de chiffre du contrat.'
				: partial > 0
					? `Calcul partiel : ${agg.nSecret} QPV sous secret statistique, ${agg.nMissing} sans valeur.`
					: verdictNote(indicator, ev)
		};
	});

	const byPopulation = [...card.qpv].sort(
		(a, b) => (b.population_2018 ?? -1) - (a.population_2018 ?? -1) || a.code.localeCompare(b.code)
	);
	const shown = byPopulation.slice(0, QPV_LIST_MAX);
	const population = card.qpv.reduce((s, q) => s + (q.population_2018 ?? 0), 0);
	const unknown = card.qpv.filter((q) => q.population_2018 === null).length;

	const map = await contratLocatorMap(contrat.code, contrat.name);
	const qpvPaths = ['qpv-2015/qpv_evolution_population.csv', 'geographie-2015/epcicom2015.csv'];
	const mapPaths = map ? await sourcePathsForTables(['contrats']) : [];
	const vintages = headline.flatMap((ci) => {
		const last = ci.byVintage.at(-1)?.vintage;
		const base = ci.evolution?.baseline?.vintage;
		return [last, base].filter((v): v is number => v !== undefined);
	});
	return {
		contrat: {
			code: contrat.code,
			name: contrat.name,
			perimeter: contrat.perimeter === 'epci' ? 'intercommunal' : 'communal',
			epci: contrat.epci_name,
			communes: contrat.commune_count,
			departement: contrat.departement,
			departementCode: contrat.departement_code,
			region: contrat.region
		},
		qpvCount: card.qpv.length,
		population: formatNumber(population),
		populationNote: unknown > 0 ? `${formatNumber(unknown)} QPV sans population publiée` : null,
		qpv: shown.map((q) => ({
			code: q.code,
			name: q.name ?? 'nom non publié',
			population: q.population_2018 === null ? 'non disponible' : formatNumber(q.population_2018)
		})),
		qpvLeftOut: card.qpv.length - shown.length,
		indicators,
		map,
		generatedOn: generatedOn(new Date()),
		vintages: vintagesLine(vintages),
		synthesis,
		sources: sourceLine(
			[
				...synthesisPaths(synthesisData),
				...headline.flatMap((ci) => ci.sourcePaths),
				...qpvPaths,
				...mapPaths
			],
			provenance
		)
	};
};
