// The working groups' feedback on a measure page: counts of published feedback by appreciation
// (read from the workspace), and the invalidation of the cached measure pages after each write
// that can change them (a feedback created, edited or deleted, an evaluation published or not).
import { and, count, countDistinct, eq } from 'drizzle-orm';
import { appreciations } from '$lib/schemas/workspace';
import type { Appreciation } from '$lib/domain/feedback';
import { invalidatePages } from '../handles/page-cache';
import { getWorkspace } from '../workspace/db';
import { evaluations, feedback } from '../workspace/schema';

export interface FeedbackBlock {
	/** Published feedback per appreciation, in the form's order. */
	counts: { appreciation: Appreciation; count: number }[];
	total: number;
	contrats: number;
}

/** Published feedback only: the measure page is shared by every visitor (page cache). */
export async function loadFeedbackBlock(measureId: string): Promise<FeedbackBlock | null> {
	try {
		const ws = await getWorkspace();
		const rows = await ws.db
			.select({ appreciation: feedback.appreciation, count: count() })
			.from(feedback)
			.innerJoin(evaluations, eq(evaluations.id, feedback.evaluation_id))
			.where(and(eq(feedback.measure_id, measureId), eq(evaluations.status, 'publiee')))
			.groupBy(feedback.appreciation);
		const distinct = await ws.db
			.select({ contrats: countDistinct(evaluations.contrat_code) })
			.from(feedback)
			.innerJoin(evaluations, eq(evaluations.id, feedback.evaluation_id))
			.where(and(eq(feedback.measure_id, measureId), eq(evaluations.status, 'publiee')));
		const counts = appreciations.map((a) => ({
			appreciation: a,
			count: Number(rows.find((r) => r.appreciation === a)?.count ?? 0)
		}));
		return {
			counts,
			total: counts.reduce((sum, c) => sum + c.count, 0),
			contrats: Number(distinct[0]?.contrats ?? 0)
		};
	} catch (error) {
		// The reading page stays up when the workspace cannot be opened; the caller says so.
		console.error(`retours de la mesure ${measureId} illisibles :`, error);
		return null;
	}
}

const measurePaths = Array.from(
	{ length: 40 },
	(_, i) => `/mesures/M${String(i + 1).padStart(2, '0')}`
);

/**
 * Every measure page leaves the page cache: an edit can move a feedback from one measure to
 * another, and a publication changes what every measure of the contrat shows.
 */
export function forgetMeasurePages(): void {
	invalidatePages(measurePaths);
}
