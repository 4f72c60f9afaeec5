// Search across contrats, QPV, communes and EPCI: accent- and case-insensitive substring match.
import { query } from '../db';

export interface SearchHit {
	kind: 'contrat' | 'qpv' | 'commune' | 'epci';
	code: string;
	label: string;
	/** Where the hit leads: the contrat or QPV page. */
	href: string;
	context: string | null;
}

const norm = (column: string) => `strip_accents(lower(${column}))`;
const needle = 'strip_accents(lower($1))';

/** Pure SQL text: one UNION over the four kinds, best matches (prefix) first. */
export function searchSql(limit: number): string {
	return `
WITH hits AS (
  SELECT 'contrat' AS kind, c.code, c.name AS label, '/contrats/' || c.code AS href,
         d.name AS context, starts_with(${norm('c.name')}, ${needle}) AS prefix
  FROM contrats c LEFT JOIN departements d ON d.code = c.departement_code
  WHERE contains(${norm('c.name')}, ${needle}) OR lower(c.code) = lower($1)
  UNION ALL
  SELECT 'qpv', q.code, coalesce(q.name, q.code), '/quartiers/' || q.code,
         coalesce(q.communes_label, m.name), starts_with(${norm('q.name')}, ${needle})
  FROM qpv q LEFT JOIN communes m ON m.code = q.main_commune_code
  WHERE contains(${norm('q.name')}, ${needle}) OR lower(q.code) = lower($1)
  UNION ALL
  SELECT DISTINCT 'commune', m.code, m.name || ' (' || m.departement_code || ')',
         '/quartiers/' || qc.qpv_code, q.name, starts_with(${norm('m.name')}, ${needle})
  FROM communes m JOIN qpv_communes qc ON qc.commune_code = m.code JOIN qpv q ON q.code = qc.qpv_code
  WHERE contains(${norm('m.name')}, ${needle})
  UNION ALL
  SELECT DISTINCT 'epci', e.siren, e.name, '/contrats/' || c.code, c.name,
         starts_with(${norm('e.name')}, ${needle})
  FROM epci e JOIN contrats c ON c.epci2015_siren = e.siren
  WHERE contains(${norm('e.name')}, ${needle})
)
SELECT kind, code, label, href, context FROM hits
ORDER BY prefix DESC, CASE kind WHEN 'contrat' THEN 0 WHEN 'qpv' THEN 1 WHEN 'commune' THEN 2 ELSE 3 END,
         label, code
LIMIT ${Math.max(1, Math.min(100, Math.trunc(limit)))}`;
}

export function search(text: string, limit = 30): Promise<SearchHit[]> {
	return query<SearchHit>(searchSql(limit), [text]);
}
