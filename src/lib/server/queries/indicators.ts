// The indicator catalogue as published on /indicateurs and /api/indicateurs: the definition from
// the `indicators` table, its aggregation rule in plain French, and the vintages observations hold.
import { z } from 'zod';
import { pillarLabels, pillars, type Indicator, type Pillar } from '$lib/schemas/indicators';
import { query, type Param } from '../db';
import { getProvenance, sourceLine } from './sources';

export const catalogueFilters = z.object({
	pilier: z
		.enum(pillars, { error: `pilier inconnu (valeurs possibles : ${pillars.join(', ')})` })
		.optional()
});
export type CatalogueFilters = z.infer<typeof catalogueFilters>;

export interface VintageInfo {
	vintage: number;
	/** Distinct reference years of that vintage's values (Filosofi: about vintage − 4). */
	reference_years: number[];
	source_paths: string[];
	qpv_ok: number;
	qpv_secret: number;
}

export interface CatalogueEntry extends Indicator {
	pillar_label: string;
	aggregation_text: string;
	direction_text: string;
	vintages: VintageInfo[];
	/** The "Sources" line of the files its observations come from; null without observations. */
	sources: string | null;
}

/** Pure builder: the catalogue, optionally for one pillar (a positional parameter). */
export function catalogueQuery(filters: CatalogueFilters): { sql: string; params: Param[] } {
	const params: Param[] = [];
	let where = '';
	if (filters.pilier) {
		params.push(filters.pilier);
		where = `WHERE pillar = $1`;
	}
	return { sql: `SELECT * FROM indicators ${where} ORDER BY pillar, theme, id`, params };
}

/** Pure SQL: vintages per indicator from the observations (QPV values counted per status). */
export const vintagesSql = `
SELECT indicator_id, vintage,
       coalesce(list_sort(list_distinct(list(reference_year) FILTER (WHERE reference_year IS NOT NULL))), []) AS reference_years,
       list_sort(list_distinct(list(source_path))) AS source_paths,
       count(DISTINCT territory_code) FILTER (WHERE territory_type = 'qpv' AND status = 'ok')::INTEGER AS qpv_ok,
       count(DISTINCT territory_code) FILTER (WHERE territory_type = 'qpv' AND status = 'secret')::INTEGER AS qpv_secret
FROM observations
GROUP BY indicator_id, vintage
ORDER BY indicator_id, vintage`;

/** The aggregation rule in plain French. */
export function aggregationText(indicator: Pick<Indicator, 'aggregation'>): string {
	if (indicator.aggregation === 'sum') {
		return 'Somme : la valeur d’un ensemble de quartiers est la somme des valeurs des QPV (partielle si un QPV est secret).';
	}
	return 'Non agrégeable : ni somme ni moyenne ; on montre la valeur de chaque QPV (minimum, médiane, maximum).';
}

const directionTexts: Record<Indicator['direction'], string> = {
	up: 'Une hausse est favorable',
	down: 'Une baisse est favorable',
	neutral: 'Ni hausse ni baisse n’est en soi favorable'
};

export function directionText(direction: Indicator['direction']): string {
	return directionTexts[direction];
}

type VintageRow = VintageInfo & { indicator_id: string };
/** The database is read-only and opened once: the vintages scan (all observations) runs once. */
let vintagesCache: Promise<VintageRow[]> | undefined;

function allVintages(): Promise<VintageRow[]> {
	vintagesCache ??= query<VintageRow>(vintagesSql).catch((error) => {
		vintagesCache = undefined;
		throw error;
	});
	return vintagesCache;
}

/**
 * The catalogue with its vintages. `withObservations` is false when the build has no
 * observations table yet: the catalogue is then shown without vintages.
 */
export async function getCatalogue(
	filters: CatalogueFilters,
	withObservations = true
): Promise<CatalogueEntry[]> {
	const { sql, params } = catalogueQuery(filters);
	const indicators = await query<Indicator>(sql, params);
	const vintageRows = withObservations ? await allVintages() : [];
	const byIndicator = new Map<string, VintageInfo[]>();
	for (const { indicator_id, ...v } of vintageRows) {
		byIndicator.set(indicator_id, [...(byIndicator.get(indicator_id) ?? []), v]);
	}
	const provenance = await getProvenance();
	return indicators.map((indicator) => {
		const vintages = byIndicator.get(indicator.id) ?? [];
		const paths = [...new Set(vintages.flatMap((v) => v.source_paths))].sort();
		return {
			...indicator,
			pillar_label: pillarLabels[indicator.pillar as Pillar] ?? indicator.pillar,
			aggregation_text: aggregationText(indicator),
			direction_text: directionText(indicator.direction),
			vintages,
			sources: paths.length > 0 ? sourceLine(paths, provenance) : null
		};
	});
}
