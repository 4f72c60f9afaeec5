// One line per followed series for a national overview (feuille de route, Pacte de Dijon): national
// trajectory, progress to target, how many départements progressed, latest data date.
import { postStandings } from '$lib/domain/post-standings';
import { formatDate, formatNumber } from '$lib/format';
import {
	getCitesByTerritory,
	getDistinctPostsByYear,
	getPostsByTerritory
} from '../queries/measure-tracker';
import { citesByKind } from '../queries/overview';
import type { SeriesLink } from '../queries/referentiels';
import { loadSeriesGroups } from './measure-tracker';
import { progressText, publicationNames } from './mesure-page';
import { dispositifLabels, formatBarometre } from './series-links';

export interface TrackerRow {
	owner: string;
	/** The series shown (the DITP one of a pair) or the dispositif. */
	id: string;
	series: string;
	href: string | null;
	trajectory: string;
	progress: string;
	departements: string;
	latest: string;
}

async function barometreRows(
	owner: string,
	ids: string[],
	href: string | null
): Promise<TrackerRow[]> {
	const groups = await loadSeriesGroups(ids);
	return groups.map((g) => {
		const nat = g.national.track;
		const join = g.national.join;
		const first = join?.joined ? join.points[0] : null;
		const start = first
			? `${formatBarometre(first.value, g.primary.unit)} au ${formatDate(first.date)}`
			: nat
				? `${formatBarometre(nat.first_value, g.primary.unit)} au ${formatDate(nat.first_date)}`
				: null;
		const pubs = g.pair
			? `${publicationNames.etalab} + ${publicationNames.ditp}`
			: publicationNames[g.primary.source];
		return {
			owner,
			id: g.primary.id,
			series: `${g.primary.label} (${pubs}${g.pair && !join?.joined ? ', non raccordées' : ''})`,
			href: href ? `${href}#serie-${g.primary.id}` : null,
			trajectory:
				nat && start
					? `${start} → ${formatBarometre(nat.latest_value, g.primary.unit)} au ${formatDate(nat.latest_date)}`
					: 'aucune valeur nationale publiée',
			progress: progressText(g.national.progress),
			departements: g.summary.compared
				? `${formatNumber(g.summary.progressed)} sur ${formatNumber(g.summary.compared)}`
				: '—',
			latest: g.summary.latestDate ? formatDate(g.summary.latestDate) : '—'
		};
	});
}

async function postsRow(owner: string, kind: string, href: string | null): Promise<TrackerRow> {
	const [byYear, deps] = await Promise.all([
		getDistinctPostsByYear(kind),
		getPostsByTerritory(kind, 'departement')
	]);
	const first = byYear[0];
	const last = byYear.at(-1);
	const standings = postStandings(deps, last?.year ?? null).filter((s) => s.rateChange !== null);
	return {
		owner,
		id: kind,
		series: `${dispositifLabels[kind] ?? kind} : postes distincts (ANCT)`,
		href: href ? `${href}#serie-${kind}` : null,
		trajectory:
			first && last
				? `${formatNumber(first.posts)} en ${first.year} → ${formatNumber(last.posts)} en ${last.year}`
				: 'aucun poste',
		progress: 'pas de cible publiée par département',
		departements: `${formatNumber(standings.filter((s) => s.rateChange! > 0).length)} sur ${formatNumber(standings.length)} (postes pour 1 000 habitants des QPV)`,
		latest: last ? String(last.year) : '—'
	};
}

async function citesRow(owner: string, kind: string, href: string | null): Promise<TrackerRow> {
	const [counts, deps] = await Promise.all([
		citesByKind(),
		getCitesByTerritory(kind, 'departement')
	]);
	const labels = counts.find((c) => c.kind === kind)?.labels ?? 0;
	const withBase = deps.filter((d) => d.qpv_population !== null);
	return {
		owner,
		id: kind,
		series: `${dispositifLabels[kind] ?? kind} : cités labellisées (ANCT)`,
		href: href ? `${href}#serie-${kind}` : null,
		trajectory: `${formatNumber(labels)} cités ; année de labellisation non publiée`,
		progress: 'pas de cible publiée',
		departements: `${formatNumber(withBase.filter((d) => d.cites > 0).length)} départements sur ${formatNumber(withBase.length)} ayant des QPV en ont une (classement pour 100 000 habitants des QPV)`,
		latest: 'non publiée'
	};
}

/** Rows for every owner's series, in the owners' order; `hrefOf` gives the page of an owner. */
export async function trackerRows(
	links: SeriesLink[],
	hrefOf: (owner: string) => string | null
): Promise<TrackerRow[]> {
	const owners = [...new Set(links.map((l) => l.owner_id))];
	const perOwner = await Promise.all(
		owners.map(async (owner) => {
			const own = links.filter((l) => l.owner_id === owner);
			const href = hrefOf(owner);
			const baro = own.filter((l) => l.target_kind === 'barometre').map((l) => l.target_id);
			const posts = own.filter(
				(l) => l.target_kind === 'dispositif' && ['adulte_relais', 'fonjep'].includes(l.target_id)
			);
			const cites = own.filter(
				(l) => l.target_kind === 'dispositif' && l.target_id.startsWith('cite_')
			);
			return [
				...(baro.length ? await barometreRows(owner, baro, href) : []),
				...(await Promise.all(posts.map((p) => postsRow(owner, p.target_id, href)))),
				...(await Promise.all(cites.map((c) => citesRow(owner, c.target_id, href))))
			];
		})
	);
	return perOwner.flat();
}
