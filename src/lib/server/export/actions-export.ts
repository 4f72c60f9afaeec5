// The contrat's « Actions et moyens » as annex sheets: projects per pillar (2020, year inferred)
// against the contrats, and posts per 1,000 QPV inhabitants 2020 → 2023.
import { FUNDED_PROJECTS_YEAR_NOTE } from '$lib/schemas/actions';
import type { ActionsMoyens } from '../evaluation/actions-moyens';
import { getProvenance, sourcesOfTables } from '../queries/sources';
import { exportTable, type ExportSource, type ExportTable } from './columns';

interface PillarRow {
	pillar: string;
	projects: number;
	per_1000: number;
	national_median: number;
	national_q1: number;
	national_q3: number;
	peer_median: number | null;
	below_share: number;
	year_note: string;
}

interface PostRow {
	kind: string;
	year: number;
	posts: number;
	shared_posts: number;
	per_1000: number | null;
	national_per_1000: number;
}

export async function actionsMoyensTables(
	actions: ActionsMoyens
): Promise<{ tables: ExportTable[]; sources: ExportSource[] }> {
	const pillars: PillarRow[] = (actions.pillars ?? []).map((p) => ({
		pillar: p.label,
		projects: p.projects,
		per_1000: p.per_1000,
		national_median: p.national_median,
		national_q1: p.national_q1,
		national_q3: p.national_q3,
		peer_median: p.peer_median,
		below_share: p.contrats ? (100 * p.below) / p.contrats : 0,
		year_note: FUNDED_PROJECTS_YEAR_NOTE
	}));
	const projects = exportTable<PillarRow>({
		name: `Projets ${actions.year} par pilier`,
		columns: [
			{ key: 'pillar', header: 'Pilier', type: 'text', width: 40 },
			{ key: 'projects', header: 'Projets financés', type: 'integer' },
			{ key: 'per_1000', header: 'Pour 1 000 habitants des QPV', type: 'number', decimals: 2 },
			{ key: 'national_median', header: 'Médiane des contrats', type: 'number', decimals: 2 },
			{ key: 'national_q1', header: '1er quartile', type: 'number', decimals: 2 },
			{ key: 'national_q3', header: '3e quartile', type: 'number', decimals: 2 },
			{
				key: 'peer_median',
				header: `Médiane des ${actions.peerCount} contrats comparables`,
				type: 'number',
				decimals: 2
			},
			{ key: 'below_share', header: 'Contrats ayant moins de projets (%)', type: 'number' },
			{ key: 'year_note', header: 'Année des données', type: 'text', width: 60 }
		],
		rows: pillars
	});
	const posts = exportTable<PostRow>({
		name: 'Postes pour 1 000 hab.',
		columns: [
			{ key: 'kind', header: 'Dispositif', type: 'text' },
			{ key: 'year', header: 'Année', type: 'integer' },
			{ key: 'posts', header: 'Postes distincts', type: 'integer' },
			{ key: 'shared_posts', header: 'Dont partagés avec un autre contrat', type: 'integer' },
			{ key: 'per_1000', header: 'Pour 1 000 habitants des QPV', type: 'number', decimals: 2 },
			{
				key: 'national_per_1000',
				header: 'France, pour 1 000 habitants',
				type: 'number',
				decimals: 2
			}
		],
		rows: actions.posts.map((p) => ({
			...p,
			kind: p.kind === 'fonjep' ? 'Postes FONJEP' : 'Adultes-relais'
		}))
	});
	const sources = sourcesOfTables(await getProvenance(), [
		'funded_project_totals',
		'funded_projects',
		'dispositif_posts'
	]);
	return { tables: [projects, posts], sources };
}
