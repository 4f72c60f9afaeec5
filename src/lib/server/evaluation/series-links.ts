// The series linked to a measure or a Pacte de Dijon domain, each with its latest national figure
// (Baromètre value, dispositif count, « ensemble des QPV » value) formatted and sourced.
import { formatDate, formatNumber, formatValue, NBSP } from '$lib/format';
import { unitKind } from '$lib/domain/units';
import type { Provenance } from '$lib/schemas/provenance';
import { splitSourceUrls, type FaitAtteste } from '$lib/schemas/referentiels';
import { query } from '../db';
import { getLatestNational, type LatestNational } from '../queries/barometre';
import { citesByKind, postsByYear, type CitesCount } from '../queries/overview';
import type { SeriesLink } from '../queries/referentiels';
import { sourceNote } from '$lib/domain/source-note';

export const dispositifLabels: Record<string, string> = {
	adulte_relais: 'Adultes-relais',
	fonjep: 'Postes FONJEP',
	cite_educative: 'Cités éducatives',
	cite_emploi: 'Cités de l’emploi'
};

export const kindLabels: Record<SeriesLink['target_kind'], string> = {
	barometre: 'Baromètre des résultats',
	dispositif: 'Dispositif (ANCT)',
	indicateur: 'Indicateur QPV (catalogue)'
};

/**
 * A Baromètre value in its published unit: '2 501 maisons de santé', '100 % des classes'. Units
 * are free text in the source, so decimals follow the value (at most 2), not the unit.
 */
export function formatBarometre(value: number | null, unit: string | null): string {
	if (value === null || !Number.isFinite(value)) return 'non disponible';
	// DITP units are written to follow « nombre » ("d'heures de patrouille…"): the elision goes.
	const u = (unit ?? '').trim().replace(/^d['’]\s*/, '');
	const digits = Number.isInteger(value) ? 0 : unitKind(u) === 'rate' ? 1 : 2;
	const number = formatNumber(value, digits, false, 0);
	if (u === '') return number;
	return u.startsWith('%') ? `${number}${NBSP}${u}` : `${number} ${u}`;
}

/** The number alone, for table cells whose header carries the unit. */
export function formatBarometreNumber(value: number | null): string {
	if (value === null || !Number.isFinite(value)) return '—';
	return formatNumber(value, Number.isInteger(value) ? 0 : 2, false, 0);
}

export interface LinkSummary {
	kind: SeriesLink['target_kind'];
	kindLabel: string;
	id: string;
	label: string;
	rationale: string;
	/** Where the series is shown in full (measure page section, indicator catalogue entry). */
	href: string | null;
	/** « 2 501 maisons de santé au 01/12/2023 », or why there is none. */
	latest: string;
	target: string | null;
	sources: string;
}

export interface NationalFigures {
	barometre: Map<string, LatestNational>;
	posts: Awaited<ReturnType<typeof postsByYear>>;
	cites: CitesCount[];
	ensemble: Map<string, { value: number | null; vintage: number; source_path: string }>;
}

/** Loads, once per page, the national figures every given link needs. */
export async function loadNationalFigures(links: SeriesLink[]): Promise<NationalFigures> {
	const ids = (kind: string) => [
		...new Set(links.filter((l) => l.target_kind === kind).map((l) => l.target_id))
	];
	const indicatorIds = ids('indicateur');
	const [barometre, posts, cites, ensemble] = await Promise.all([
		getLatestNational(ids('barometre')),
		postsByYear(),
		citesByKind(),
		indicatorIds.length
			? query<{ indicator_id: string; value: number | null; vintage: number; source_path: string }>(
					`SELECT indicator_id, arg_max(value, vintage) AS value, max(vintage) AS vintage,
					        arg_max(source_path, vintage) AS source_path
					 FROM observations WHERE territory_type = 'ensemble_qpv' AND status = 'ok'
					   AND indicator_id IN (${indicatorIds.map((_, i) => `$${i + 1}`).join(', ')})
					 GROUP BY indicator_id ORDER BY indicator_id`,
					indicatorIds
				)
			: Promise.resolve([])
	]);
	return {
		barometre: new Map(barometre.map((b) => [b.indicator_id, b])),
		posts,
		cites,
		ensemble: new Map(ensemble.map((e) => [e.indicator_id, e]))
	};
}

/** Latest national count of a dispositif: posts of the latest year, or cités labelled. */
export function dispositifNational(
	kind: string,
	figures: NationalFigures
): { text: string; paths: string[]; year: number | null } {
	const post = figures.posts.filter((p) => p.kind === kind).at(-1);
	if (post) {
		return {
			text: `${formatNumber(post.posts)} postes financés en ${post.year} (dont ${formatNumber(post.with_contrat)} rattachés à un contrat de ville)`,
			paths: post.source_paths,
			year: post.year
		};
	}
	const cite = figures.cites.find((c) => c.kind === kind);
	if (cite) {
		const name = kind === 'cite_educative' ? 'cités éducatives' : 'cités de l’emploi';
		return {
			text: `${formatNumber(cite.labels)} ${name} labellisées (${formatNumber(cite.entries)} points publiés), année de labellisation non publiée`,
			paths: cite.source_paths,
			year: null
		};
	}
	return { text: 'aucune donnée nationale dans la base', paths: [], year: null };
}

/** The « Sources : … » line, empty when no file backs the figure. */
/** Plain words for readers (producer, years, licence): the files are named on /methodologie. */
export function sourcesOf(paths: string[], provenance: Map<string, Provenance>): string {
	return paths.length ? sourceNote(paths, provenance) : '';
}

export function summariseLink(
	link: SeriesLink,
	figures: NationalFigures,
	provenance: Map<string, Provenance>,
	measureHref: string | null
): LinkSummary {
	const base = {
		kind: link.target_kind,
		kindLabel: kindLabels[link.target_kind],
		id: link.target_id,
		rationale: link.rationale
	};
	if (link.target_kind === 'barometre') {
		const b = figures.barometre.get(link.target_id);
		const label = link.label ?? link.target_id;
		return {
			...base,
			label,
			href: measureHref ? `${measureHref}#serie-${link.target_id}` : null,
			latest:
				b?.value != null && b.date
					? `${formatBarometre(b.value, b.unit)} au ${formatDate(b.date)} (France)`
					: 'aucune valeur nationale publiée',
			target:
				b?.target != null && b.target_date
					? `cible : ${formatBarometre(b.target, b.unit)} au ${formatDate(b.target_date)}`
					: null,
			sources: sourcesOf(b?.source_path ? [b.source_path] : [], provenance)
		};
	}
	if (link.target_kind === 'dispositif') {
		const d = dispositifNational(link.target_id, figures);
		return {
			...base,
			label: dispositifLabels[link.target_id] ?? link.target_id,
			href: measureHref ? `${measureHref}#serie-${link.target_id}` : null,
			latest: d.text,
			target: null,
			sources: sourcesOf(d.paths, provenance)
		};
	}
	const e = figures.ensemble.get(link.target_id);
	return {
		...base,
		label: link.label ?? link.target_id,
		href: `/indicateurs#${link.target_id}`,
		latest:
			e && e.value !== null
				? `${formatValue(e.value, link.unit ?? '', { withUnit: true })}, ensemble des QPV, millésime ${e.vintage}`
				: 'pas de valeur « ensemble des QPV » publiée',
		target: null,
		sources: sourcesOf(e ? [e.source_path] : [], provenance)
	};
}

/** `weka.fr/…` → `https://weka.fr/…`: the reference files store sources without a scheme. */
export function sourceHref(reference: string): string {
	return `https://${reference}`;
}

export interface FactView {
	id: string;
	/** As precise as the source: '18/07/2018', '04/2021', '2019' or 'non daté'. */
	date: string;
	statement: string;
	figure: string | null;
	note: string | null;
	sources: { text: string; href: string }[];
}

export function factView(f: FaitAtteste): FactView {
	return {
		id: f.id,
		date: f.date ? formatDate(f.date) : 'non daté',
		statement: f.statement,
		figure: f.value === null ? null : formatBarometre(f.value, f.unit),
		note: f.note,
		sources: sourceLinks(f.source_urls)
	};
}

/** `a.fr/x;b.fr` → links with their https:// address. */
export function sourceLinks(sourceUrls: string | null): { text: string; href: string }[] {
	return splitSourceUrls(sourceUrls).map((s) => ({ text: s, href: sourceHref(s) }));
}
