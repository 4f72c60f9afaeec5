// Reads one contrat's evaluation for a campaign as the actor may see it: the referential tree
// (objectives → questions → criteria → pinned indicators, with the finding of each question),
// contributions, recommendations, working-group feedback, and the audit log for its editors.
import { and, asc, desc, eq } from 'drizzle-orm';
import { can, canRead, changeScope, type Actor } from '../../domain/workspace-rights';
import type { Campaign, PinnedFigure } from '../../schemas/workspace';
import type { Workspace } from './db';
import {
	auditLog,
	contributions,
	criteria,
	evaluations,
	feedback,
	findings,
	indicatorLinks,
	objectives,
	questions,
	recommendations
} from './schema';

type Of<T extends { $inferSelect: unknown }> = T['$inferSelect'];
export type IndicatorLinkRow = Omit<Of<typeof indicatorLinks>, 'pinned'> & { pinned: PinnedFigure };

export interface EvaluationView {
	contrat: string;
	campaign: Campaign;
	evaluation: Of<typeof evaluations> | null;
	/** False when a draft exists that this actor may not read (nothing else is filled then). */
	visible: boolean;
	rights: {
		edit: boolean;
		contribute: boolean;
		feedback: boolean;
		publish: boolean;
		audit: boolean;
		/** `own`: a contributeur changes only the contributions it created. */
		changeContribution: 'any' | 'own' | 'none';
	};
	objectives: (Of<typeof objectives> & {
		questions: (Of<typeof questions> & {
			finding: Of<typeof findings> | null;
			criteria: (Of<typeof criteria> & { indicators: IndicatorLinkRow[] })[];
		})[];
	})[];
	contributions: Of<typeof contributions>[];
	recommendations: Of<typeof recommendations>[];
	feedback: Of<typeof feedback>[];
	audit: Of<typeof auditLog>[];
}

export async function loadEvaluation(
	ws: Workspace,
	actor: Actor | null,
	contrat: string,
	campaign: Campaign,
	auditLimit = 200
): Promise<EvaluationView> {
	const rights = {
		edit: can(actor, 'edit_evaluation', contrat),
		contribute: can(actor, 'add_contribution', contrat),
		feedback: can(actor, 'give_feedback', contrat),
		publish: can(actor, 'publish', contrat),
		audit: can(actor, 'read_audit', contrat),
		changeContribution: changeScope(actor, 'contribution', contrat)
	};
	const [evaluation] = await ws.db
		.select()
		.from(evaluations)
		.where(and(eq(evaluations.contrat_code, contrat), eq(evaluations.campaign, campaign)));
	const empty: EvaluationView = {
		contrat,
		campaign,
		evaluation: evaluation ?? null,
		visible: true,
		rights,
		objectives: [],
		contributions: [],
		recommendations: [],
		feedback: [],
		audit: []
	};
	if (!evaluation) return empty;
	if (!canRead(actor, contrat, evaluation.status === 'publiee'))
		return { ...empty, visible: false };
	const id = evaluation.id;
	const byEval = <T extends { evaluation_id: unknown; created_at: unknown; id: unknown }>(t: T) =>
		ws.db
			.select()
			.from(t as never)
			.where(eq((t as unknown as typeof objectives).evaluation_id, id))
			.orderBy(
				asc((t as unknown as typeof objectives).created_at),
				asc((t as unknown as typeof objectives).id)
			);
	const [obj, qs, crit, links, finds, contribs, recos, fb] = await Promise.all([
		byEval(objectives) as Promise<Of<typeof objectives>[]>,
		byEval(questions) as Promise<Of<typeof questions>[]>,
		byEval(criteria) as Promise<Of<typeof criteria>[]>,
		byEval(indicatorLinks) as Promise<IndicatorLinkRow[]>,
		byEval(findings) as Promise<Of<typeof findings>[]>,
		byEval(contributions) as Promise<Of<typeof contributions>[]>,
		byEval(recommendations) as Promise<Of<typeof recommendations>[]>,
		byEval(feedback) as Promise<Of<typeof feedback>[]>
	]);
	const audit = rights.audit
		? await ws.db
				.select()
				.from(auditLog)
				.where(eq(auditLog.contrat_code, contrat))
				.orderBy(desc(auditLog.id))
				.limit(auditLimit)
		: [];
	return {
		...empty,
		objectives: obj.map((o) => ({
			...o,
			questions: qs
				.filter((q) => q.objective_id === o.id)
				.map((q) => ({
					...q,
					finding: finds.find((f) => f.question_id === q.id) ?? null,
					criteria: crit
						.filter((c) => c.question_id === q.id)
						.map((c) => ({ ...c, indicators: links.filter((l) => l.criterion_id === c.id) }))
				}))
		})),
		contributions: contribs,
		recommendations: recos,
		feedback: fb,
		audit
	};
}
