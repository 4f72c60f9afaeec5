// The one "latest" rule for values across QPV, in SQL: the last period up to 2022 with a published
// QPV value in the canonical series — the rule endpoints() applies to one series (domain/timeline).
import { HORIZON } from '../../domain/timeline';

/** `(period, period_kind)` of the latest published QPV period of the indicator bound to `param`. */
export function latestQpvPeriodSql(param: string): string {
	return `SELECT period, period_kind FROM canonical_series
    WHERE indicator_id = ${param} AND territory_type = 'qpv' AND status = 'ok' AND period <= ${HORIZON}
    ORDER BY period DESC LIMIT 1`;
}
