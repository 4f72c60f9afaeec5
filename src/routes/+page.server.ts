// National overview: framing figures computed from the database, key indicator distributions
// across all QPV (charts rendered on the server), and the search box (GET ?q=) answered here.
import { error } from '@sveltejs/kit';
import { z } from 'zod';
import { dispositifsByYearChart } from '$lib/charts/dispositifs-by-year';
import { qpvDistributionChart } from '$lib/charts/qpv-distribution';
import { READABLE_FONT } from '$lib/charts/render';
import { distribution } from '$lib/domain/aggregation';
import type { Indicator } from '$lib/schemas/indicators';
import { query } from '$lib/server/db';
import {
	availableTables,
	citesByKind,
	ensembleQpvValue,
	KEY_INDICATORS,
	latestQpvValues,
	linkQuality,
	nationalCounts,
	postsByYear
} from '$lib/server/queries/overview';
import { sourcePathsForTables } from '$lib/server/queries/provenance';
import { search } from '$lib/server/queries/search';
import { sourceNote as sourceLine } from '$lib/domain/source-note';
import { getProvenance } from '$lib/server/queries/sources';
import type { PageServerLoad } from './$types';

export const csr = false;

const searchParams = z.object({
	q: z.string().trim().max(100, 'recherche trop longue (100 caractères au plus)').optional()
});

export const load: PageServerLoad = async ({ url }) => {
	const parsed = searchParams.safeParse({ q: url.searchParams.get('q') ?? undefined });
	if (!parsed.success) error(400, `Recherche invalide : ${parsed.error.issues[0]!.message}.`);
	const q = parsed.data.q ?? '';
	const tables = await availableTables();
	const provenance = await getProvenance();
	const line = async (names: string[]) => sourceLine(await sourcePathsForTables(names), provenance);

	const [counts, quality, posts, cites] = await Promise.all([
		nationalCounts(),
		linkQuality(),
		postsByYear(),
		citesByKind()
	]);
	const sources = {
		qpv: await line(['qpv']),
		contrats: await line(['contrats']),
		posts: await line(['dispositif_posts']),
		link: await line(['qpv_contrat', 'qpv_communes', 'epci'])
	};
	const latestPostYear = Math.max(...posts.map((p) => p.year));
	const postsChart = posts.length
		? dispositifsByYearChart(
				posts.map((p) => ({ kind: p.kind, year: p.year, count: p.posts })),
				{
					title: 'Postes d’adultes-relais et FONJEP financés par année',
					width: 400,
					height: 280,
					fontSize: READABLE_FONT
				}
			)
		: null;

	const hasObservations = tables.has('observations') && tables.has('indicators');
	const ensemblePop = hasObservations ? await ensembleQpvValue('pop_mun') : undefined;
	// Read-only database opened once: the distributions (and their SVG) are computed once.
	if (hasObservations) {
		distributionsCache ??= keyDistributions(provenance, counts.qpv_count).catch((e) => {
			distributionsCache = undefined;
			throw e;
		});
	}
	const distributions = hasObservations && distributionsCache ? await distributionsCache : [];

	let hits = null;
	if (q.length >= 2) hits = await search(q);

	return {
		q,
		counts,
		quality,
		posts,
		latestPostYear: Number.isFinite(latestPostYear) ? latestPostYear : null,
		postsChart,
		cites: cites.map((c) => ({ ...c, sources: sourceLine(c.source_paths, provenance) })),
		postSources: Object.fromEntries(
			(['adulte_relais', 'fonjep'] as const).map((kind) => [
				kind,
				sourceLine(
					posts.filter((p) => p.kind === kind).flatMap((p) => p.source_paths),
					provenance
				)
			])
		) as Record<'adulte_relais' | 'fonjep', string>,
		sources,
		ensemblePop: ensemblePop
			? { ...ensemblePop, sources: sourceLine([ensemblePop.source_path], provenance) }
			: null,
		hasObservations,
		distributions,
		hits
	};
};

type ProvenanceMap = Awaited<ReturnType<typeof getProvenance>>;
let distributionsCache: ReturnType<typeof keyDistributions> | undefined;

/** Distribution of each key indicator across all QPV in its latest vintage, with its chart. */
async function keyDistributions(provenance: ProvenanceMap, qpvCount: number) {
	const indicators = await query<Pick<Indicator, 'id' | 'label' | 'unit' | 'definition'>>(
		`SELECT id, label, unit, definition FROM indicators WHERE id IN (${KEY_INDICATORS.map((_, i) => `$${i + 1}`).join(', ')})`,
		[...KEY_INDICATORS]
	);
	const out = [];
	for (const id of KEY_INDICATORS) {
		const indicator = indicators.find((i) => i.id === id);
		if (!indicator) continue;
		const rows = await latestQpvValues(id);
		if (rows.length === 0) continue;
		const stats = distribution(
			rows.map((r) => ({
				code: r.territory_code,
				value: r.status === 'ok' ? r.value : null,
				status: r.status === 'ok' || r.status === 'secret' ? r.status : 'missing'
			}))
		);
		const vintage = rows[0]!.vintage;
		const referenceYears = [...new Set(rows.flatMap((r) => r.reference_year ?? []))].sort();
		const ensemble = await ensembleQpvValue(id, vintage);
		out.push({
			indicator,
			vintage,
			referenceYears,
			n: stats.n,
			nSecret: rows.filter((r) => r.status === 'secret').length,
			nMissing: rows.filter((r) => r.status !== 'ok' && r.status !== 'secret').length,
			/** QPV of the 2015 geography that the file does not list at all. */
			nAbsent: Math.max(0, qpvCount - rows.length),
			min: stats.min,
			median: stats.median,
			max: stats.max,
			ensemble: ensemble?.status === 'ok' ? ensemble.value : null,
			svg: qpvDistributionChart(rows, {
				title: `Répartition des QPV selon ${indicator.label.toLowerCase()}, millésime ${vintage}`,
				unit: indicator.unit,
				indicatorLabel: indicator.label,
				width: 400,
				height: 240,
				fontSize: READABLE_FONT
			}),
			sources: sourceLine(
				[...new Set(rows.map((r) => r.source_path)), ...(ensemble ? [ensemble.source_path] : [])],
				provenance
			)
		});
	}
	return out;
}
