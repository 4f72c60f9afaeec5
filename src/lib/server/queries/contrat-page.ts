// The contrat page's page model (contrat_evaluation_page, written by the data build): everything
// the page reads by the contrat's code, in one lookup instead of about ten.
import type { ContratSynthesisRow, QpvEvolution } from '$lib/schemas/evaluation';
import { query } from '../db';
import type { PillarProjects, PostRate, SharedPost, FundedRowSource } from './actions';
import type { ContratIdentity, ContratQpvRow } from './contrats';
import type { CiteRow, PostsByYear } from './dispositifs';

export interface ContratPageModel {
	/** getContrat's row without the perimeter's geometry (the fiche reads it from contratShapes). */
	contrat: Omit<ContratIdentity, 'geometry'>;
	qpv: ContratQpvRow[];
	synthesis: ContratSynthesisRow[];
	evolutions: QpvEvolution[];
	posts: PostsByYear[];
	cites: CiteRow[];
	/** Null when the source gives no count of funded projects for the contrat. */
	pillarProjects: PillarProjects[] | null;
	postRates: PostRate[];
	sharedPosts: SharedPost[];
	fundedTotal: FundedRowSource | null;
}

type ModelRow = Record<
	| 'contrat'
	| 'qpv'
	| 'synthesis'
	| 'evolutions'
	| 'posts'
	| 'cites'
	| 'pillar_projects'
	| 'post_rates'
	| 'shared_posts',
	string
> & { funded_total: string | null };

/** The contrat's page model, or undefined for a code no contrat has. */
export async function getContratPageModel(code: string): Promise<ContratPageModel | undefined> {
	const [row] = await query<ModelRow>(
		`SELECT contrat, qpv, synthesis, evolutions, posts, cites, pillar_projects, post_rates,
		        shared_posts, funded_total
		 FROM contrat_evaluation_page WHERE contrat_code = $1`,
		[code]
	);
	if (!row) return undefined;
	const pillarProjects = JSON.parse(row.pillar_projects) as PillarProjects[];
	return {
		contrat: JSON.parse(row.contrat),
		qpv: JSON.parse(row.qpv),
		synthesis: JSON.parse(row.synthesis),
		evolutions: JSON.parse(row.evolutions),
		posts: JSON.parse(row.posts),
		cites: JSON.parse(row.cites),
		pillarProjects: pillarProjects.length ? pillarProjects : null,
		postRates: JSON.parse(row.post_rates),
		sharedPosts: JSON.parse(row.shared_posts),
		fundedTotal: row.funded_total === null ? null : JSON.parse(row.funded_total)
	};
}
