// Agreement between sources that publish the same figure for the same QPV and reference year:
// SIG Ville REVN vs INSEE Filosofi QPV files, and the derived panel vs both. Written to the report.
import type { BuildDb } from '../build-db';

interface Pair {
	label: string;
	left: string;
	right: string;
	/** Largest difference still counted as agreement (rounding of the sources). */
	tolerance: number;
	/** Restricts the right-hand side to a source folder. */
	rightSource: string;
}

const PAIRS: Pair[] = [
	{
		label: 'revenu médian : REVN vs Filosofi QPV',
		left: 'revenu_disponible_median',
		right: 'revenu_disponible_median',
		tolerance: 0.5,
		rightSource: 'filosofi-qpv/'
	},
	{
		label: 'taux de pauvreté : REVN vs Filosofi QPV',
		left: 'tx_pauvrete_60',
		right: 'tx_pauvrete_60',
		tolerance: 0.05,
		rightSource: 'filosofi-qpv/'
	},
	{
		label: 'revenu médian : panel vs REVN',
		left: 'panel_revenu_median',
		right: 'revenu_disponible_median',
		tolerance: 0.5,
		rightSource: 'sig-ville/'
	},
	{
		label: 'revenu médian : panel vs Filosofi QPV',
		left: 'panel_revenu_median',
		right: 'revenu_disponible_median',
		tolerance: 0.5,
		rightSource: 'filosofi-qpv/'
	},
	{
		label: 'taux de pauvreté : panel vs REVN',
		left: 'panel_taux_pauvrete',
		right: 'tx_pauvrete_60',
		tolerance: 0.05,
		rightSource: 'sig-ville/'
	},
	{
		label: 'taux de pauvreté : panel vs Filosofi QPV',
		left: 'panel_taux_pauvrete',
		right: 'tx_pauvrete_60',
		tolerance: 0.05,
		rightSource: 'filosofi-qpv/'
	}
];

export interface CrossCheck {
	label: string;
	reference_year: number;
	pairs: number;
	agree: number;
}

export async function crossChecks(db: BuildDb): Promise<CrossCheck[]> {
	const out: CrossCheck[] = [];
	for (const p of PAIRS) {
		// The left side of the REVN-vs-Filosofi pairs is REVN itself.
		const leftSource = p.left === p.right ? "AND source_path LIKE 'sig-ville/%'" : '';
		const rows = await db.query<{ reference_year: number; pairs: number; agree: number }>(
			`WITH l AS (SELECT territory_code, reference_year, value FROM observations
					WHERE indicator_id = '${p.left}' AND territory_type = 'qpv' AND status = 'ok' ${leftSource}),
				r AS (SELECT territory_code, reference_year, value FROM observations
					WHERE indicator_id = '${p.right}' AND territory_type = 'qpv' AND status = 'ok'
					AND source_path LIKE '${p.rightSource}%')
			SELECT reference_year, count(*)::INTEGER AS pairs,
				count(*) FILTER (WHERE abs(l.value - r.value) <= ${p.tolerance})::INTEGER AS agree
			FROM l JOIN r USING (territory_code, reference_year)
			GROUP BY reference_year ORDER BY reference_year`
		);
		for (const r of rows) out.push({ label: p.label, ...r });
	}
	return out;
}
