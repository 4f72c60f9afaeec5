// The data behind one measure's page and its CSV exports: for each linked series, the national
// series, the latest value of each département (Baromètre), or the posts per contrat and the cités
// per département (dispositifs).
import { z } from 'zod';
import type { Provenance } from '$lib/schemas/provenance';
import { exportTable, type ExportColumn, type ExportTable } from '../export/columns';
import {
	getDepartementLatest,
	getNationalSeries,
	type DepartementValue,
	type SeriesPoint
} from '../queries/barometre';
import { citesByKind, type CitesCount } from '../queries/overview';
import {
	getCitesByTerritory,
	getDistinctPostsByYear,
	getPostsByTerritory,
	type PostsYearDistinct
} from '../queries/measure-tracker';
import { loadSeriesGroups, type SeriesGroup } from './measure-tracker';
import { readingOf } from '$lib/domain/barometre-catalogue';
import { postStandings, type PostStanding } from '$lib/domain/post-standings';
import { citeStandings, type CiteStanding } from '$lib/domain/cite-standings';
import { baseLabel } from '$lib/domain/barometre-catalogue';
import {
	citeColumns,
	postColumns,
	publicationGapColumns,
	standingColumns
} from '$lib/tables/measure-tracker';
import { publicationGapRows, standingRows } from './measure-columns';
import type { SeriesLink } from '../queries/referentiels';

export const exportTables = [
	'departements',
	'national',
	'contrats',
	'publications',
	'ecarts'
] as const;
export type ExportTableName = (typeof exportTables)[number];

export const exportParams = z.object({
	serie: z
		.string({ error: 'série manquante (?serie=<identifiant>)' })
		.regex(/^[A-Za-z0-9_-]{1,60}$/, 'identifiant de série invalide'),
	tableau: z
		.enum(exportTables, {
			error: `tableau inconnu (valeurs possibles : ${exportTables.join(', ')})`
		})
		.optional()
});

type PostsYear = PostsYearDistinct;

export type SeriesPanel =
	| {
			kind: 'barometre';
			link: SeriesLink;
			national: SeriesPoint[];
			departements: DepartementValue[];
			/** The series with its pair of the other publication when the same owner follows both. */
			group: SeriesGroup | null;
	  }
	| {
			kind: 'posts';
			link: SeriesLink;
			byYear: PostsYear[];
			year: number | null;
			/** Every contrat / département with posts, ranked by posts per 1,000 QPV inhabitants. */
			contrats: PostStanding[];
			departements: PostStanding[];
	  }
	| {
			kind: 'cites';
			link: SeriesLink;
			count: CitesCount | null;
			/** Every département / contrat with QPV, ranked by cités per 100,000 QPV inhabitants. */
			departements: CiteStanding[];
			contrats: CiteStanding[];
	  }
	| { kind: 'indicateur'; link: SeriesLink };

/** Tables each panel kind can export, the first being the default. */
const panelTables: Record<SeriesPanel['kind'], ExportTableName[]> = {
	barometre: ['departements', 'national'],
	posts: ['contrats', 'departements', 'national'],
	cites: ['departements', 'contrats'],
	indicateur: []
};

/** Tables a panel can export: a Baromètre series read with its pair adds the two comparisons. */
export function tablesOf(panel: SeriesPanel): ExportTableName[] {
	const paired = panel.kind === 'barometre' && panel.group?.pair;
	return [...panelTables[panel.kind], ...(paired ? (['publications', 'ecarts'] as const) : [])];
}

/** The series and, when the owner follows it too, its pair of the other publication. */
function pairOf(id: string, siblings: string[]): string[] {
	const pair = readingOf(id, null).pair;
	return pair && siblings.includes(pair) ? [id, pair] : [id];
}

/**
 * The data of one linked series. `siblings` are the other series the same measure or domain
 * follows: a Baromètre series and its pair of the other publication are read together.
 */
export async function loadSeriesPanel(
	link: SeriesLink,
	siblings: string[] = []
): Promise<SeriesPanel> {
	if (link.target_kind === 'barometre') {
		const [national, departements, groups] = await Promise.all([
			getNationalSeries(link.target_id),
			getDepartementLatest(link.target_id),
			loadSeriesGroups(pairOf(link.target_id, siblings))
		]);
		const group =
			groups.find((g) => g.primary.id === link.target_id || g.pair?.id === link.target_id) ?? null;
		return { kind: 'barometre', link, national, departements, group };
	}
	if (link.target_kind === 'dispositif' && ['adulte_relais', 'fonjep'].includes(link.target_id)) {
		const [byYear, contrats, departements] = await Promise.all([
			getDistinctPostsByYear(link.target_id),
			getPostsByTerritory(link.target_id, 'contrat'),
			getPostsByTerritory(link.target_id, 'departement')
		]);
		const year = byYear.at(-1)?.year ?? null;
		return {
			kind: 'posts',
			link,
			byYear,
			year,
			contrats: postStandings(contrats, year),
			departements: postStandings(departements, year)
		};
	}
	if (link.target_kind === 'dispositif') {
		const [counts, departements, contrats] = await Promise.all([
			citesByKind(),
			getCitesByTerritory(link.target_id, 'departement'),
			getCitesByTerritory(link.target_id, 'contrat')
		]);
		const count = counts.find((c) => c.kind === link.target_id) ?? null;
		return {
			kind: 'cites',
			link,
			count,
			departements: citeStandings(departements),
			contrats: citeStandings(contrats)
		};
	}
	return { kind: 'indicateur', link };
}

type Source = (paths: string[]) => ReturnType<typeof sourcesFor>;

function sourcesFor(paths: string[], provenance: Map<string, Provenance>) {
	return paths.map((p) => provenance.get(p)).filter((p): p is Provenance => Boolean(p));
}

function barometreTable(
	panel: Extract<SeriesPanel, { kind: 'barometre' }>,
	table: ExportTableName,
	source: Source
): ExportTable {
	const unit = panel.link.unit ?? '';
	if (table === 'national') {
		const columns: ExportColumn<SeriesPoint & { unit: string }>[] = [
			{ key: 'date', header: 'Date', type: 'text' },
			{ key: 'value', header: 'Valeur (France)', type: 'number', decimals: 2 },
			{ key: 'value_target', header: 'Cible', type: 'number', decimals: 2 },
			{ key: 'unit', header: 'Unité', type: 'text', width: 30 },
			{ key: 'source_line', header: 'Ligne source', type: 'integer' }
		];
		return exportTable({
			name: 'France',
			columns,
			rows: panel.national.map((r) => ({ ...r, unit })),
			source: (r) => source([r.source_path])
		});
	}
	if (panel.group && (table === 'publications' || table === 'ecarts')) {
		const level = table === 'publications' ? 'national' : 'departement';
		const group = panel.group;
		return exportTable({
			name: level === 'national' ? 'Deux publications' : 'Écarts par département',
			columns: publicationGapColumns({ isRate: group.reading.base === 'rate', level }),
			rows: publicationGapRows(group, level),
			source: (r) => source(r.source_paths)
		});
	}
	if (panel.group) {
		const reading = panel.group.reading;
		return exportTable({
			name: 'Départements',
			columns: standingColumns({ isRate: reading.base === 'rate', base: baseLabel(reading) }),
			rows: standingRows(panel.group),
			source: (r) => source(r.source_path ? [r.source_path] : [])
		});
	}
	const columns: ExportColumn<DepartementValue & { rank: number; unit: string }>[] = [
		{ key: 'rank', header: 'Rang', type: 'integer' },
		{ key: 'code', header: 'Code département', type: 'text' },
		{ key: 'name', header: 'Département', type: 'text', width: 26 },
		{ key: 'date', header: 'Date', type: 'text' },
		{ key: 'value', header: 'Valeur', type: 'number', decimals: 2 },
		{ key: 'unit', header: 'Unité', type: 'text', width: 30 },
		{ key: 'source_line', header: 'Ligne source', type: 'integer' }
	];
	return exportTable({
		name: 'Départements',
		columns,
		rows: panel.departements.map((r, i) => ({ ...r, rank: i + 1, unit })),
		source: (r) => source([r.source_path])
	});
}

/** The export table `table` of a panel; undefined when that panel has no such table. */
export function panelExportTable(
	panel: SeriesPanel,
	table: ExportTableName,
	provenance: Map<string, Provenance>
): ExportTable | undefined {
	if (!tablesOf(panel).includes(table)) return undefined;
	const source: Source = (paths) => sourcesFor(paths, provenance);
	if (panel.kind === 'barometre') return barometreTable(panel, table, source);
	if (panel.kind === 'posts' && table === 'national') {
		const columns: ExportColumn<PostsYear>[] = [
			{ key: 'year', header: 'Année', type: 'integer' },
			{ key: 'posts', header: 'Postes financés (France)', type: 'integer' },
			{ key: 'with_contrat', header: 'Dont rattachés à un contrat de ville', type: 'integer' }
		];
		return exportTable({
			name: 'France',
			columns,
			rows: panel.byYear,
			source: (r) => source(r.source_paths)
		});
	}
	if (panel.kind === 'posts') {
		const level = table === 'departements' ? 'departement' : 'contrat';
		const rows = level === 'contrat' ? panel.contrats : panel.departements;
		return exportTable({
			name: level === 'contrat' ? 'Contrats' : 'Départements',
			columns: postColumns(level),
			rows: rows.map((r, i) => ({ ...r, rank: i + 1 })),
			source: (r) => source([r.source_path])
		});
	}
	if (panel.kind === 'cites') {
		const level = table === 'contrats' ? 'contrat' : 'departement';
		return exportTable({
			name: level === 'contrat' ? 'Contrats' : 'Départements',
			columns: citeColumns(level),
			rows: level === 'contrat' ? panel.contrats : panel.departements,
			source: (r) => source([r.source_path])
		});
	}
	return undefined;
}
