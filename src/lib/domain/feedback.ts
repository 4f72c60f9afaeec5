// Working-group feedback on a measure, aggregated by appreciation and by département (pure).
import { appreciations } from '../schemas/workspace';

export type Appreciation = (typeof appreciations)[number];

export interface FeedbackRow {
	contrat_code: string;
	departement_code: string | null;
	departement: string | null;
	appreciation: Appreciation;
}

export type Counts = Record<Appreciation, number> & { total: number };

const zero = (): Counts => ({
	fonctionne: 0,
	a_ajuster: 0,
	ne_fonctionne_pas: 0,
	non_deploye: 0,
	total: 0
});

export interface FeedbackSummary {
	overall: Counts;
	/** One row per département, sorted by code; contrats without département last. */
	byDepartement: { code: string | null; name: string; counts: Counts; contrats: number }[];
}

export function summariseFeedback(rows: FeedbackRow[]): FeedbackSummary {
	const overall = zero();
	const byDep = new Map<
		string,
		{ code: string | null; name: string; counts: Counts; contrats: Set<string> }
	>();
	for (const row of rows) {
		overall[row.appreciation] += 1;
		overall.total += 1;
		const key = row.departement_code ?? '';
		let dep = byDep.get(key);
		if (!dep) {
			dep = {
				code: row.departement_code,
				name: row.departement ?? 'département inconnu',
				counts: zero(),
				contrats: new Set()
			};
			byDep.set(key, dep);
		}
		dep.counts[row.appreciation] += 1;
		dep.counts.total += 1;
		dep.contrats.add(row.contrat_code);
	}
	const byDepartement = [...byDep.values()]
		.sort((a, b) => (a.code ?? '\uffff').localeCompare(b.code ?? '\uffff'))
		.map((d) => ({ code: d.code, name: d.name, counts: d.counts, contrats: d.contrats.size }));
	return { overall, byDepartement };
}
