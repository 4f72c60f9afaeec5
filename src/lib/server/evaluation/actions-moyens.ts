// "Actions et moyens" of a contrat: funded projects per pillar (2020, year inferred) and per 1,000
// QPV inhabitants against all contrats and the comparable ones, posts per 1,000 inhabitants
// 2020 → 2023 (each post once), cités; one object for the page, the fiche, the annex and the API.
import {
	FUNDED_PROJECTS_YEAR,
	FUNDED_PROJECTS_YEAR_NOTE,
	fundedPillarLabels
} from '$lib/schemas/actions';
import {
	getFundedEmptyRow,
	type PillarProjects,
	type PostRate,
	type SharedPost
} from '../queries/actions';
import { getContratPageModel, type ContratPageModel } from '../queries/contrat-page';
import { sourceNote as sourceLine } from '$lib/domain/source-note';
import { PEER_SPAN } from '$lib/schemas/contrat-means';
import { getProvenance } from '../queries/sources';

const PROJECT_FILES = [
	'actions-financees/cv_nb_projets.gpkg',
	'actions-financees/cv_nb_themes_projets.gpkg'
];

export interface ActionsMoyens {
	year: number;
	yearNote: string;
	/** Null when the source has no count for this contrat (its row is empty). */
	pillars: (PillarProjects & { label: string })[] | null;
	totalProjects: number | null;
	/** GeoPackage file and feature id of the contrat's total, or of the empty row. */
	projectsOrigin: string | null;
	peerCount: number;
	posts: PostRate[];
	sharedPosts: SharedPost[];
	cites: { educatives: number; emploi: number };
	sources: { projects: string; posts: string; cites: string };
}

/** `model`: the contrat's page model when the caller reads it anyway (the contrat page). */
export async function loadActionsMoyens(
	code: string,
	model: Promise<ContratPageModel | undefined> = getContratPageModel(code)
): Promise<ActionsMoyens> {
	const [page, provenance] = await Promise.all([model, getProvenance()]);
	const pillars = page?.pillarProjects ?? null;
	const posts = page?.postRates ?? [];
	const sharedPosts = page?.sharedPosts ?? [];
	const ownCites = page?.cites ?? [];
	const origin = page?.fundedTotal ?? null;
	// The source's empty row is looked up only for the few contrats without a count.
	const empty = origin ? null : await getFundedEmptyRow(code);
	const postPaths = [...new Set(posts.map((p) => postFile(p.kind, p.year)))];
	return {
		year: FUNDED_PROJECTS_YEAR,
		yearNote: FUNDED_PROJECTS_YEAR_NOTE,
		pillars: pillars?.map((p) => ({ ...p, label: fundedPillarLabels[p.pillar] })) ?? null,
		totalProjects: pillars ? pillars.reduce((s, p) => s + p.projects, 0) : null,
		projectsOrigin: origin
			? `${origin.source_path}, fid ${origin.source_line}`
			: empty
				? `${PROJECT_FILES[0]}, fid ${empty.line} : ligne sans nombre de projets`
				: null,
		peerCount: pillars?.[0]?.peers ?? 2 * PEER_SPAN,
		posts,
		sharedPosts,
		cites: {
			educatives: ownCites.filter((c) => c.kind === 'cite_educative').length,
			emploi: ownCites.filter((c) => c.kind === 'cite_emploi').length
		},
		sources: {
			projects: sourceLine(PROJECT_FILES, provenance),
			posts: sourceLine(postPaths, provenance),
			cites: sourceLine(
				['dispositifs/citeduc_geom.geojson', 'dispositifs/cde_geom.geojson'],
				provenance
			)
		}
	};
}

const postFile = (kind: PostRate['kind'], year: number) =>
	`contrats-de-ville/${kind === 'fonjep' ? 'postes-fonjep' : 'adulte-relais'}-${year}.json`;
