// Every contrat de ville in a filterable, sortable table (filters and sort in the URL) and a map
// of the metropolitan perimeters, each linked to its contrat page, the filtered ones highlighted.
import { error } from '@sveltejs/kit';
import { z } from 'zod';
import { sourceNote } from '$lib/domain/source-note';
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
import { getProvenance } from '$lib/server/queries/sources';
import type { PageServerLoad } from './$types';

export const csr = false;

/** The poverty-rate column of the list (catalogue id). */
const POVERTY = 'tx_pauvrete_60';

/** Rows per page: the list stays under one screenful of scrolling per page, without JavaScript. */
const PAGE_SIZE = 50;
const pageParam = z.coerce
	.number()
	.int('page invalide')
	.min(1, 'page invalide')
	.max(100, 'page invalide');

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
	const pageParsed = pageParam.safeParse(param(url, 'page') ?? 1);
	if (!pageParsed.success) error(400, `Page invalide : ${url.searchParams.get('page')}.`);
	const pageNumber = pageParsed.data;
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
	const paths = [
		...(await sourcePathsForTables(['contrats', 'qpv', 'qpv_contrat'])),
		...(latestPosts?.source_paths ?? []),
		...(poverty ? [poverty.source_path] : [])
	];
	const pageCount = Math.max(1, Math.ceil(rows.length / PAGE_SIZE));
	if (pageNumber > pageCount)
		error(404, `Page ${pageNumber} inexistante : la liste en compte ${pageCount}.`);

	return {
		filters,
		filtered,
		options,
		rows: rows.slice((pageNumber - 1) * PAGE_SIZE, pageNumber * PAGE_SIZE),
		map,
		shownOnMap,
		mapCount: split.features.length,
		overseas: split.overseas.map((c) => ({ code: c.code, name: c.name })),
		withoutGeometry: split.withoutGeometry.map((c) => ({ code: c.code, name: c.name })),
		postYear: latestPosts?.year ?? null,
		poverty: poverty ?? null,
		count: rows.length,
		pageNumber,
		pageCount,
		source: sourceNote(paths, provenance),
		mapSource: sourceNote(await sourcePathsForTables(['contrats']), provenance)
	};
};
