// The feedback given on one measure by the contrats' évaluateurs, as the actor may read it (published
// evaluations for everyone, drafts for the contrat's accounts and admins), with each contrat's
// département from the reference database.
import { and, asc, eq } from 'drizzle-orm';
import { canRead, type Actor } from '$lib/domain/workspace-rights';
import { summariseFeedback, type Appreciation } from '$lib/domain/feedback';
import { memo, query } from '../db';
import { getWorkspace } from './db';
import { evaluations, feedback } from './schema';

const contratPlaces = memo(async () => {
	const rows = await query<{
		code: string;
		name: string;
		departement_code: string | null;
		departement: string | null;
	}>(
		`SELECT c.code, c.name, c.departement_code, d.name AS departement
		 FROM contrats c LEFT JOIN departements d ON d.code = c.departement_code`
	);
	return new Map(rows.map((r) => [r.code, r]));
});

export async function loadMeasureFeedback(measureId: string, actor: Actor | null) {
	const ws = await getWorkspace();
	const rows = await ws.db
		.select({
			id: feedback.id,
			contrat_code: evaluations.contrat_code,
			campaign: evaluations.campaign,
			status: evaluations.status,
			appreciation: feedback.appreciation,
			text: feedback.text,
			updated_at: feedback.updated_at
		})
		.from(feedback)
		.innerJoin(evaluations, eq(evaluations.id, feedback.evaluation_id))
		.where(and(eq(feedback.measure_id, measureId)))
		.orderBy(asc(evaluations.contrat_code), asc(feedback.created_at));
	const places = await contratPlaces();
	const visible = rows
		.filter((r) => canRead(actor, r.contrat_code, r.status === 'publiee'))
		.map((r) => {
			const place = places.get(r.contrat_code);
			return {
				...r,
				appreciation: r.appreciation as Appreciation,
				contrat_name: place?.name ?? r.contrat_code,
				departement_code: place?.departement_code ?? null,
				departement: place?.departement ?? null
			};
		});
	return {
		rows: visible,
		summary: summariseFeedback(visible),
		hiddenDrafts: rows.length - visible.length
	};
}
