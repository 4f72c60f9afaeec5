// The columns of the measure tracker's tables, declared once for the measure page (DataTable) and
// its downloads: départements on a Baromètre series, contrats and départements on dispositif
// posts and on cités. Codes, dates and technical columns go to the download only.
import { JOIN_TOLERANCE } from '$lib/domain/measure-progress';
import type { CiteStanding } from '$lib/domain/cite-standings';
import type { PostStanding } from '$lib/domain/post-standings';
import { formatDate, formatNumber, formatRelativeChange, formatSigned, NBSP } from '$lib/format';
import type { TableColumn } from './columns';

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

const num = (v: number | null, digits = 1) =>
	v === null || !Number.isFinite(v) ? '—' : formatNumber(v, digits, false, 0);

const named = <Row extends { name: string; code: string }>(r: Row) => `${r.name} (${r.code})`;

/** `isRate`: the series is a share (its own base); `base`: how values are divided otherwise. */
export function standingColumns(ctx: {
	isRate: boolean;
	base: string;
}): TableColumn<StandingRow>[] {
	return [
		{ key: 'name', header: 'Département', type: 'text', width: 26, display: named },
		{ key: 'rank', header: 'Rang', type: 'integer' },
		{ key: 'code', header: 'Code département', type: 'text', onPage: false },
		{ key: 'region', header: 'Région', type: 'text', width: 26, onPage: false },
		{ key: 'first_date', header: 'Date de la première valeur', type: 'text', onPage: false },
		{ key: 'first_value', header: 'Première valeur', type: 'number', decimals: 2, onPage: false },
		{ key: 'latest_date', header: 'Date de la dernière valeur', type: 'text', onPage: false },
		{
			key: 'latest_value',
			header: 'Dernière valeur',
			type: 'number',
			decimals: 2,
			display: (r) =>
				r.latest_value === null
					? 'aucune valeur'
					: `${num(r.latest_value, 2)} (${formatDate(r.latest_date!)})`
		},
		{ key: 'base_label', header: 'Base', type: 'text', width: 30, onPage: false },
		{ key: 'base', header: 'Population de base', type: 'integer', onPage: false },
		{
			key: 'rate',
			header: ctx.isRate ? 'Part publiée (%)' : `Valeur ${ctx.base}`,
			type: 'number',
			decimals: 2,
			display: (r) => num(r.rate)
		},
		{
			key: 'change',
			header: ctx.isRate ? 'Évolution (points)' : 'Évolution depuis la première valeur',
			type: 'number',
			decimals: 2,
			display: (r) =>
				r.change === null || (!ctx.isRate && r.change_percent === null)
					? '—'
					: ctx.isRate
						? formatSigned(r.change, 'pts')
						: `${formatRelativeChange(r.change_percent)} depuis ${formatDate(r.first_date!)}`
		},
		{ key: 'change_percent', header: 'Évolution (%)', type: 'number', onPage: false },
		{
			key: 'initial',
			header: 'Valeur initiale (DITP)',
			type: 'number',
			decimals: 2,
			onPage: false
		},
		{ key: 'target', header: 'Cible (DITP)', type: 'number', decimals: 2, onPage: false },
		{ key: 'target_date', header: 'Date de la cible', type: 'text', onPage: false },
		{
			key: 'progress',
			header: 'Avancement vers la cible (%)',
			type: 'number',
			display: (r) =>
				r.progress === null
					? r.latest_value === null
						? '—'
						: 'sans cible'
					: `${num(r.progress)}${NBSP}%`
		},
		{ key: 'progress_status', header: 'Situation', type: 'text', width: 34, onPage: false },
		{ key: 'series_id', header: 'Série', type: 'text', onPage: false },
		{ key: 'source_line', header: 'Ligne source', type: 'integer', onPage: false }
	];
}

export type PostRow = PostStanding & { rank: number };

/** The first columns of a contrat or département ranking: its name (linked), rank and codes. */
function territoryColumns<Row extends { name: string; code: string; rank: number }>(
	level: 'contrat' | 'departement'
): TableColumn<Row>[] {
	const contrat = level === 'contrat';
	return [
		{
			key: 'name',
			header: contrat ? 'Contrat de ville' : 'Département',
			type: 'text',
			width: 40,
			display: named,
			href: contrat ? (r) => `/contrats/${r.code}` : undefined
		},
		{ key: 'rank', header: 'Rang', type: 'integer' },
		{
			key: 'code',
			header: contrat ? 'Code contrat' : 'Code département',
			type: 'text',
			onPage: false
		},
		...(contrat
			? [{ key: 'departement_code', header: 'Code département', type: 'text', onPage: false }]
			: [])
	] as TableColumn<Row>[];
}

/** The base (QPV population) and the value over it, the ranking's key. */
function qpvRateColumns<Row extends { qpv_population: number | null; rate: number | null }>(
	header: string
): TableColumn<Row>[] {
	return [
		{ key: 'qpv_population', header: 'Population des QPV (2018)', type: 'integer' },
		{ key: 'rate', header, type: 'number', decimals: 2, display: (r) => num(r.rate, 2) }
	];
}

/** Posts per contrat or département; `firstYear` names the change column on the page. */
export function postColumns(
	level: 'contrat' | 'departement',
	firstYear: number | null = null
): TableColumn<PostRow>[] {
	return [
		...territoryColumns<PostRow>(level),
		{ key: 'year', header: 'Année', type: 'integer', onPage: false },
		{ key: 'posts', header: 'Postes distincts', type: 'integer' },
		...qpvRateColumns<PostRow>('Postes pour 1 000 habitants des QPV'),
		{ key: 'firstYear', header: 'Première année publiée', type: 'integer', onPage: false },
		{
			key: 'firstPosts',
			header: 'Postes distincts la première année',
			type: 'integer',
			onPage: false
		},
		{
			key: 'rateChange',
			header: `Évolution pour 1 000 habitants des QPV${firstYear ? ` depuis ${firstYear}` : ''}`,
			type: 'number',
			decimals: 2,
			display: (r) => (r.rateChange === null ? '—' : formatSigned(r.rateChange, '', 2))
		}
	];
}

/** Cités per contrat or département over the QPV population. */
export function citeColumns(level: 'contrat' | 'departement'): TableColumn<CiteStanding>[] {
	return [
		...territoryColumns<CiteStanding>(level),
		{ key: 'cites', header: 'Cités labellisées', type: 'integer' },
		...qpvRateColumns<CiteStanding>('Cités pour 100 000 habitants des QPV'),
		{
			key: 'covered_population',
			header: 'Habitants des QPV d’une commune dotée d’une cité',
			type: 'integer',
			onPage: false
		},
		{
			key: 'coverage',
			header: 'Habitants des QPV en commune dotée (%, au plus)',
			type: 'number',
			display: (r) => (r.coverage === null ? '—' : `${num(r.coverage)}${NBSP}%`)
		}
	];
}

/** One period both publications of a series cover: France, or a département's largest gap. */
export interface PublicationGapRow {
	code: string;
	name: string;
	period: string;
	etalab_date: string;
	etalab_value: number;
	ditp_date: string;
	ditp_value: number;
	/** DITP against Etalab: in points for a rate, in % otherwise; null when Etalab is 0. */
	gap: number | null;
	agrees: 'oui' | 'non';
	etalab_series: string;
	ditp_series: string;
	/** The files of both values (the download's source column, not a column of its own). */
	source_paths: string[];
}

/** The date (download only) and value of one publication. */
function publicationColumns(
	prefix: 'etalab' | 'ditp',
	name: string,
	digits: number
): TableColumn<PublicationGapRow>[] {
	const value = `${prefix}_value` as const;
	return [
		{ key: `${prefix}_date`, header: `Date ${name}`, type: 'text', onPage: false },
		{
			key: value,
			header: name,
			type: 'number',
			decimals: 2,
			display: (r) => num(r[value], digits)
		}
	];
}

/** The comparison of the two publications, nationally (`national`) or by département. */
export function publicationGapColumns(ctx: {
	isRate: boolean;
	level: 'national' | 'departement';
}): TableColumn<PublicationGapRow>[] {
	const digits = ctx.level === 'national' ? 2 : 0;
	const territory: TableColumn<PublicationGapRow>[] =
		ctx.level === 'national'
			? []
			: [
					{ key: 'name', header: 'Département', type: 'text', width: 26, display: named },
					{ key: 'code', header: 'Code département', type: 'text', onPage: false }
				];
	return [
		...territory,
		{ key: 'period', header: 'Période', type: 'text' },
		...publicationColumns('etalab', 'Etalab', digits),
		...publicationColumns('ditp', 'DITP', digits),
		{
			key: 'gap',
			header: ctx.isRate ? 'Écart DITP − Etalab (points)' : 'Écart DITP / Etalab (%)',
			type: 'number',
			decimals: 2,
			display: (r) => (ctx.isRate ? formatSigned(r.gap, 'pts') : formatRelativeChange(r.gap))
		},
		{
			key: 'agrees',
			header: `Concordent (écart d’au plus ${ctx.isRate ? `${JOIN_TOLERANCE.points} point` : `${JOIN_TOLERANCE.percent} %`})`,
			type: 'text',
			onPage: false
		},
		{ key: 'etalab_series', header: 'Série Etalab', type: 'text', onPage: false },
		{ key: 'ditp_series', header: 'Série DITP', type: 'text', onPage: false }
	];
}
