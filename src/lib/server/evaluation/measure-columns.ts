// The columns of the measure tracker's tables, declared once for the page and its downloads:
// départements on a Baromètre series, contrats and départements on dispositif posts.
import { baseLabel } from '$lib/domain/barometre-catalogue';
import { progressLabels } from '$lib/domain/measure-progress';
import type { PostStanding } from '$lib/domain/post-standings';
import type { ExportColumn } from '../export/columns';
import type { SeriesGroup } from './measure-tracker';

export interface StandingRow {
	rank: number;
	code: string;
	name: string;
	region: string | null;
	base_label: string;
	base: number | null;
	first_date: string | null;
	first_value: number | null;
	latest_date: string | null;
	latest_value: number | null;
	rate: number | null;
	change: number | null;
	change_percent: number | null;
	initial: number | null;
	target: number | null;
	target_date: string | null;
	progress: number | null;
	progress_status: string;
	series_id: string;
	source_path: string | null;
	source_line: number | null;
}

export function standingRows(group: SeriesGroup): StandingRow[] {
	const label = baseLabel(group.reading);
	return group.standings.map((s, i) => ({
		rank: i + 1,
		code: s.code,
		name: s.name,
		region: s.region,
		base_label: label,
		base: s.base,
		first_date: s.firstDate,
		first_value: s.firstValue,
		latest_date: s.track?.latest_date ?? null,
		latest_value: s.track?.latest_value ?? null,
		rate: s.rate,
		change: s.change?.absolute ?? null,
		change_percent: s.change?.percent ?? null,
		initial: s.track?.initial ?? null,
		target: s.track?.target ?? null,
		target_date: s.track?.target_date ?? null,
		progress: s.progress.percent,
		progress_status: s.track ? progressLabels[s.progress.status] : 'aucune valeur publiée',
		series_id: group.primary.id,
		source_path: s.track?.source_path ?? null,
		source_line: s.track?.source_line ?? null
	}));
}

export const standingColumns: ExportColumn<StandingRow>[] = [
	{ key: 'rank', header: 'Rang', type: 'integer' },
	{ key: 'code', header: 'Code département', type: 'text' },
	{ key: 'name', header: 'Département', type: 'text', width: 26 },
	{ key: 'region', header: 'Région', type: 'text', width: 26 },
	{ key: 'first_date', header: 'Date de la première valeur', type: 'text' },
	{ key: 'first_value', header: 'Première valeur', type: 'number', decimals: 2 },
	{ key: 'latest_date', header: 'Date de la dernière valeur', type: 'text' },
	{ key: 'latest_value', header: 'Dernière valeur', type: 'number', decimals: 2 },
	{ key: 'base_label', header: 'Base', type: 'text', width: 30 },
	{ key: 'base', header: 'Population de base', type: 'integer' },
	{ key: 'rate', header: 'Valeur rapportée à la base', type: 'number', decimals: 2 },
	{ key: 'change', header: 'Évolution depuis la première valeur', type: 'number', decimals: 2 },
	{ key: 'change_percent', header: 'Évolution (%)', type: 'number', decimals: 1 },
	{ key: 'initial', header: 'Valeur initiale (DITP)', type: 'number', decimals: 2 },
	{ key: 'target', header: 'Cible (DITP)', type: 'number', decimals: 2 },
	{ key: 'target_date', header: 'Date de la cible', type: 'text' },
	{ key: 'progress', header: 'Avancement vers la cible (%)', type: 'number', decimals: 1 },
	{ key: 'progress_status', header: 'Situation', type: 'text', width: 34 },
	{ key: 'series_id', header: 'Série', type: 'text' },
	{ key: 'source_line', header: 'Ligne source', type: 'integer' }
];

export type PostRow = PostStanding & { rank: number };

export function postColumns(level: 'contrat' | 'departement'): ExportColumn<PostRow>[] {
	return [
		{ key: 'rank', header: 'Rang', type: 'integer' },
		{
			key: 'code',
			header: level === 'contrat' ? 'Code contrat' : 'Code département',
			type: 'text'
		},
		{
			key: 'name',
			header: level === 'contrat' ? 'Contrat de ville' : 'Département',
			type: 'text',
			width: 40
		},
		...(level === 'contrat'
			? [{ key: 'departement_code', header: 'Code département', type: 'text' } as const]
			: []),
		{ key: 'year', header: 'Année', type: 'integer' },
		{ key: 'posts', header: 'Postes distincts', type: 'integer' },
		{ key: 'qpv_population', header: 'Population des QPV (2018)', type: 'integer' },
		{ key: 'rate', header: 'Postes pour 1 000 habitants des QPV', type: 'number', decimals: 2 },
		{ key: 'firstYear', header: 'Première année publiée', type: 'integer' },
		{ key: 'firstPosts', header: 'Postes distincts la première année', type: 'integer' },
		{
			key: 'rateChange',
			header: 'Évolution pour 1 000 habitants des QPV',
			type: 'number',
			decimals: 2
		}
	];
}
