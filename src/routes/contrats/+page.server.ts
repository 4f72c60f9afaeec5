// Every contrat de ville in a filterable, sortable table (filters and sort in the URL) and a map
// of the metropolitan perimeters, each linked to its contrat page, the filtered ones highlighted.
import { error } from '@sveltejs/kit';
import { contratsMap, mapFeatures } from '$lib/charts/contrats-map';
import { contratListFilters, listContrats } from '$lib/server/queries/contrats';
import {
	availableTables,
	contratFilterOptions,
	contratShapes,
	latestQpvVintage,
	postsByYear
} from '$lib/server/queries/overview';
import { sourcePathsForTables } from '$lib/server/queries/provenance';
import { getProvenance, sourceLine } from '$lib/server/queries/sources';
import type { PageServerLoad } from './$types';

export const csr = false;

/** The poverty-rate column of the list (catalogue id). */
const POVERTY = 'tx_pauvrete_60';

/** An empty form field (`?region=`) means "no filter", not an invalid value. */
function param(url: URL, name: string): string | undefined {
	const value = url.searchParams.get(name);
	return value === null || value.trim() === '' ? undefined : value;
}

export const load: PageServerLoad = async ({ url }) => {
	const parsed = contratListFilters.safeParse({
		region: param(url, 'region'),
		departement: param(url, 'departement'),
		q: param(url, 'q'),
		tri: param(url, 'tri'),
		ordre: param(url, 'ordre')
	});
	if (!parsed.success) {
		const issue = parsed.error.issues[0]!;
		error(400, `Filtre invalide (${String(issue.path[0])}) : ${issue.message}.`);
	}
	const filters = parsed.data;
	const options = await contratFilterOptions();
	if (filters.region && !options.regions.some((r) => r.code === filters.region)) {
		error(400, `Région inconnue ou sans contrat de ville : ${filters.region}.`);
	}
	if (filters.departement && !options.departements.some((d) => d.code === filters.departement)) {
		error(400, `Département inconnu ou sans contrat de ville : ${filters.departement}.`);
	}

	const tables = await availableTables();
	const withPoverty = tables.has('observations');
	const [rows, shapes, provenance, posts] = await Promise.all([
		listContrats(filters, { povertyIndicator: withPoverty ? POVERTY : null }),
		contratShapes(),
		getProvenance(),
		postsByYear()
	]);
	const latestPosts = posts.filter((p) => p.kind === 'adulte_relais').at(-1);
	const poverty = withPoverty ? await latestQpvVintage(POVERTY) : undefined;

	const filtered = Boolean(filters.region || filters.departement || filters.q);
	const highlighted = new Set(filtered ? rows.map((r) => r.code) : shapes.map((s) => s.code));
	const split = mapFeatures(shapes, highlighted);
	const shownOnMap = split.features.filter((f) => f.properties.highlighted).length;
	const map = contratsMap(split.features, {
		title: filtered
			? 'Carte des contrats de ville de France métropolitaine, contrats filtrés en bleu'
			: 'Carte des contrats de ville de France métropolitaine',
		width: 640,
		height: 620
	});
	// The page lists several sources: each line without its own « Sources : » prefix.
	const bare = (text: string) => text.replace(/^Sources : /, '');
	const line = async (names: string[]) =>
		bare(sourceLine(await sourcePathsForTables(names), provenance));

	return {
		filters,
		filtered,
		options,
		rows,
		map,
		shownOnMap,
		mapCount: split.features.length,
		overseas: split.overseas.map((c) => ({ code: c.code, name: c.name })),
		withoutGeometry: split.withoutGeometry.map((c) => ({ code: c.code, name: c.name })),
		postYear: latestPosts?.year ?? null,
		poverty: poverty ?? null,
		sources: {
			contrats: await line(['contrats']),
			qpv: await line(['qpv', 'qpv_contrat']),
			posts: latestPosts ? bare(sourceLine(latestPosts.source_paths, provenance)) : null,
			poverty: poverty ? bare(sourceLine([poverty.source_path], provenance)) : null
		}
	};
};
