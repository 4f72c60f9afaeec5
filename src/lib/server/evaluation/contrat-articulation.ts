// How a contrat de ville relates to the 2018 feuille de route and the Pacte de Dijon: for each
// measure or domain with territorial data, what is deployed in the contrat (posts, cités), its
// département's latest Baromètre value against the national one, its QPV figures against all QPV.
import { sourceNote } from '$lib/domain/source-note';
import { unitKind } from '$lib/domain/units';
import { formatDate, formatNumber, formatValue } from '$lib/format';
import type { Provenance } from '$lib/schemas/provenance';
import { memo } from '../db';
import { getDepartementLatestAll, type DepartementValue } from '../queries/barometre';
import type { CiteRow, PostsByYear } from '../queries/dispositifs';
import {
	listMesureLinks,
	listMesures,
	listPacteDomaines,
	listPacteLinks,
	type SeriesLink
} from '../queries/referentiels';
import type { ContratIndicator } from './contrat-scorecard';
import { periodLabel } from './synthesis-view';
import {
	dispositifNational,
	formatBarometre,
	loadNationalFigures,
	summariseLink,
	type NationalFigures
} from './series-links';

export interface ArticulationInput {
	code: string;
	departementCode: string | null;
	departement: string | null;
	posts: PostsByYear[];
	cites: CiteRow[];
	/** The scorecard's key indicators, already aggregated over the contrat's QPV. */
	indicators: ContratIndicator[];
	provenance: Map<string, Provenance>;
}

export interface ArticulationRow {
	kind: SeriesLink['target_kind'];
	id: string;
	label: string;
	/** What the contrat (or its département) shows. */
	local: string;
	/** The national reference for the same series. */
	national: string;
	sources: string;
}

export interface ArticulationGroup {
	id: string;
	title: string;
	href: string | null;
	/** Pacte de Dijon domains: État, intercommunalité or not said. */
	lead?: string;
	rows: ArticulationRow[];
}

export interface ContratArticulation {
	measures: ArticulationGroup[];
	domains: ArticulationGroup[];
	departement: string | null;
}

const leadLabels: Record<string, string> = { etat: 'État', intercommunalite: 'intercommunalité' };
const singular: Record<string, string> = {
	cite_educative: 'cité éducative',
	cite_emploi: 'cité de l’emploi'
};

/** The files of the latest vintage when their names carry it (IPRO_2022.csv), else all. */
function summaryPaths(link: SeriesLink, figures: NationalFigures): string[] {
	const e = figures.ensemble.get(link.target_id);
	return e ? [e.source_path] : [];
}

/** The contrat page names sources in words (files are on /methodologie). */
const plainSources = (paths: string[], provenance: Map<string, Provenance>) =>
	paths.length ? sourceNote(paths, provenance) : '';

/** Rates and shares compare across territories of any size; counts and amounts do not. */
export function isRateUnit(unit: string | null | undefined): boolean {
	return unitKind((unit ?? '').trim()) === 'rate';
}

/** One link as seen from the contrat: local figure, national figure, sources. */
export function articulationRow(
	link: SeriesLink,
	input: ArticulationInput,
	figures: NationalFigures,
	departementValues: Map<string, DepartementValue>
): ArticulationRow {
	const summary = summariseLink(link, figures, input.provenance, null);
	const base = { kind: link.target_kind, id: link.target_id, label: summary.label };
	const where = input.departement ?? input.departementCode ?? 'le département';
	if (link.target_kind === 'barometre') {
		const d = departementValues.get(link.target_id);
		return {
			...base,
			local: d
				? `${where} : ${formatBarometre(d.value, link.unit)} au ${formatDate(d.date)}`
				: `aucune valeur publiée pour ${where}`,
			// A département's count beside France's count says nothing: only rates are set side by side.
			national: isRateUnit(link.unit) ? summary.latest : '—',
			sources: plainSources(
				[...new Set([d?.source_path, figures.barometre.get(link.target_id)?.source_path])].filter(
					(p): p is string => Boolean(p)
				),
				input.provenance
			)
		};
	}
	if (link.target_kind === 'dispositif') {
		const national = dispositifNational(link.target_id, figures);
		if (national.year !== null) {
			const own = input.posts.find((p) => p.kind === link.target_id && p.year === national.year);
			return {
				...base,
				local: own
					? `${formatNumber(own.posts)} poste${own.posts > 1 ? 's' : ''} financé${own.posts > 1 ? 's' : ''} en ${national.year}`
					: `aucun poste rattaché à ce contrat en ${national.year}`,
				national: national.text,
				sources: plainSources(national.paths, input.provenance)
			};
		}
		const cites = input.cites.filter((c) => c.kind === link.target_id);
		return {
			...base,
			local: cites.length
				? `${cites.map((c) => c.name).join(' ; ')} (communes du contrat)`
				: `aucune ${singular[link.target_id] ?? link.target_id} dans les communes du contrat`,
			national: national.text,
			sources: plainSources(national.paths, input.provenance)
		};
	}
	const ci = input.indicators.find((i) => i.indicator.id === link.target_id);
	const unit = ci?.indicator.unit ?? link.unit ?? '';
	let local = 'non calculé pour ce contrat (aucune valeur publiée pour ses QPV)';
	// A sum only over the same QPV (contrat_synthesis): never a partial sum of the contrat.
	if (ci && ci.row.figure_kind === 'somme_memes_qpv' && ci.row.figure_latest !== null) {
		const year = periodLabel(ci.row.latest_period, ci.row.period_kind);
		local = `${formatValue(ci.row.figure_latest, unit, { withUnit: true })} dans les QPV du contrat (${ci.row.figure_label}, ${year === String(ci.row.latest_period) ? `données ${year}` : year})`;
	}
	const latestFiles = ci
		? ci.qpv
				.filter((q) => q.latest_period === ci.row.latest_period && q.latest_source)
				.map((q) => q.latest_source!.replace(/ l\.\d+$/, ''))
		: [];
	return {
		...base,
		local,
		national: summary.latest,
		sources: plainSources(
			[...new Set(latestFiles), ...summaryPaths(link, figures)],
			input.provenance
		)
	};
}

/**
 * What every contrat page shares, read once per process (the database never changes while the
 * server runs): measures, domains, their links, national figures and every département's latest
 * Baromètre values, keyed `indicator|département`.
 */
const nationalArticulation = memo(async () => {
	const [mesures, measureLinks, domaines, pacteLinks] = await Promise.all([
		listMesures(),
		listMesureLinks(),
		listPacteDomaines(),
		listPacteLinks()
	]);
	const all = [...measureLinks, ...pacteLinks];
	const barometreIds = [
		...new Set(all.filter((l) => l.target_kind === 'barometre').map((l) => l.target_id))
	];
	const [figures, depRows] = await Promise.all([
		loadNationalFigures(all),
		getDepartementLatestAll(barometreIds)
	]);
	const byDepartement = new Map<string, DepartementValue>(
		depRows.map((d) => [`${d.indicator_id}|${d.code}`, d])
	);
	return { mesures, measureLinks, domaines, pacteLinks, figures, byDepartement };
});

export async function loadContratArticulation(
	input: ArticulationInput
): Promise<ContratArticulation> {
	const { mesures, measureLinks, domaines, pacteLinks, figures, byDepartement } =
		await nationalArticulation();
	const dep = input.departementCode;
	const departementValues = new Map<string, DepartementValue>();
	for (const l of [...measureLinks, ...pacteLinks]) {
		const d = dep && l.target_kind === 'barometre' && byDepartement.get(`${l.target_id}|${dep}`);
		if (d) departementValues.set(l.target_id, d);
	}
	const row = (l: SeriesLink) => articulationRow(l, input, figures, departementValues);
	return {
		departement: input.departement,
		measures: mesures
			.map((m) => ({
				id: m.id,
				title: `${m.id} · ${m.title ?? ''}`,
				href: `/mesures/${m.id}`,
				rows: measureLinks.filter((l) => l.owner_id === m.id).map(row)
			}))
			.filter((g) => g.rows.length > 0),
		domains: domaines
			.map((d) => ({
				id: d.id,
				title: d.label,
				href: `/pacte-de-dijon#domaine-${d.id}`,
				lead: d.lead ? leadLabels[d.lead] : 'pilote non précisé par les sources',
				rows: pacteLinks.filter((l) => l.owner_id === d.id).map(row)
			}))
			.filter((g) => g.rows.length > 0)
	};
}
