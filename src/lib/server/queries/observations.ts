// Observations and the indicator catalogue: series for a set of territories, and the
// distribution of one indicator across all QPV for a vintage.
import type { Indicator, Observation, TerritoryType } from '$lib/schemas/indicators';
import { memo, query, type Param } from '../db';

export type ObservationRow = Omit<Observation, 'source_line'> & { source_line: number };

export interface TerritoryRef {
	type: TerritoryType;
	code: string;
}

export const listIndicators = memo(() =>
	query<Indicator>(`SELECT * FROM indicators ORDER BY pillar, theme, id`)
);

export async function getIndicator(id: string): Promise<Indicator | undefined> {
	return (await query<Indicator>(`SELECT * FROM indicators WHERE id = $1`, [id]))[0];
}

/**
 * Pure builder: one branch per territory (each pruned by the table's territory order), the
 * indicator list optional; every value is a positional parameter.
 */
export function observationsQuery(
	territories: TerritoryRef[],
	indicatorIds?: string[]
): { sql: string; params: Param[] } {
	const params: Param[] = [];
	let indicatorFilter = '';
	if (indicatorIds && indicatorIds.length > 0) {
		const marks = indicatorIds.map((id) => {
			params.push(id);
			return `$${params.length}`;
		});
		indicatorFilter = ` AND indicator_id IN (${marks.join(', ')})`;
	}
	const branches = territories.map((t) => {
		params.push(t.type, t.code);
		return `SELECT indicator_id, territory_type, territory_code, vintage, reference_year, value, status,
       source_path, source_line
FROM observations WHERE territory_type = $${params.length - 1} AND territory_code = $${params.length}${indicatorFilter}`;
	});
	const body = branches.length
		? branches.join('\nUNION ALL\n')
		: `SELECT * FROM observations WHERE FALSE`;
	const sql = `${body}\nORDER BY indicator_id, territory_type, territory_code, vintage, source_path`;
	return { sql, params };
}

export function getObservations(
	territories: TerritoryRef[],
	indicatorIds?: string[]
): Promise<ObservationRow[]> {
	const { sql, params } = observationsQuery(territories, indicatorIds);
	return query<ObservationRow>(sql, params);
}

export interface DistributionRow {
	territory_code: string;
	value: number | null;
	status: string;
}

const distributions = new Map<string, Promise<DistributionRow[]>>();

/**
 * Values of one indicator for every QPV in one period of the canonical series (secret rows
 * included, value null), memoised: the same distribution is drawn on every QPV page.
 */
export function getQpvDistribution(
	indicatorId: string,
	period: number,
	periodKind: 'annee_donnees' | 'millesime'
): Promise<DistributionRow[]> {
	const key = `${indicatorId}|${period}|${periodKind}`;
	let rows = distributions.get(key);
	if (!rows) {
		rows = query<DistributionRow>(
			`SELECT territory_code, value, status FROM canonical_series
			 WHERE indicator_id = $1 AND period = $2 AND period_kind = $3 AND territory_type = 'qpv'
			 ORDER BY territory_code`,
			[indicatorId, period, periodKind]
		);
		// Bounded: only a few dozen indicator × period pairs are ever charted.
		if (distributions.size < 500) distributions.set(key, rows);
	}
	return rows;
}
