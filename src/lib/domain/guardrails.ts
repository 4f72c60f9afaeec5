// What the data cannot say for a set of observations of one indicator and territory: secret or
// missing values, vintages absent from the source, frozen census figures, non-comparable vintages.
import type { Indicator } from '../schemas/indicators';
import { compareVintages, sourceFamily } from './comparability';
import { seriesByVintage, splitByFamily, type SeriesPoint } from './series';

export type GuardrailKind =
	'secret' | 'missing' | 'missing_vintage' | 'same_census' | 'non_comparable';

export interface Guardrail {
	kind: GuardrailKind;
	vintages: number[];
	message: string;
}

/**
 * SIG Ville DEMO files of vintages 2017 to 2020 repeat the 2013 census populations (POP_MUN 6 056
 * for QP001001 in each, = pop_2013 of qpv-2015/qpv_evolution_population.csv); 2021 moves to RP 2018.
 */
export const SAME_CENSUS = {
	family: 'sig-ville/DEMO',
	columns: ['POP_MUN', 'POP_COM_QP', 'POP_COM'],
	vintages: [2017, 2018, 2019, 2020],
	census: 'RP 2013'
} as const;

function yearList(years: number[]): string {
	if (years.length <= 1) return years.join('');
	return `${years.slice(0, -1).join(', ')} et ${years.at(-1)}`;
}

function sameCensus(indicator: Pick<Indicator, 'source_columns'>, points: SeriesPoint[]) {
	const cols = indicator.source_columns.split('|').map((c) => c.trim().toUpperCase());
	if (!cols.some((c) => (SAME_CENSUS.columns as readonly string[]).includes(c))) return null;
	const vintages = points
		.filter((p) => p.status === 'ok' && sourceFamily(p.source_path) === SAME_CENSUS.family)
		.map((p) => p.vintage)
		.filter((v) => (SAME_CENSUS.vintages as readonly number[]).includes(v));
	if (vintages.length < 2) return null;
	return {
		kind: 'same_census' as const,
		vintages,
		message:
			`Millésimes ${yearList(vintages)} : même recensement (${SAME_CENSUS.census}). ` +
			'Les comparer ne montre aucune évolution, par construction.'
	};
}

/** Vintages absent between the first and last vintage of a source family (REVN: 2020). */
function missingVintages(family: string, points: SeriesPoint[]): Guardrail[] {
	if (points.length === 0) return [];
	const present = new Set(points.map((p) => p.vintage));
	const lacking: number[] = [];
	for (let y = Math.min(...present); y <= Math.max(...present); y++) {
		if (!present.has(y)) lacking.push(y);
	}
	if (lacking.length === 0) return [];
	const many = lacking.length > 1;
	return [
		{
			kind: 'missing_vintage',
			vintages: lacking,
			message:
				`Millésime${many ? 's' : ''} ${yearList(lacking)} absent${many ? 's' : ''} de la source ` +
				`(${family}) : pas de valeur pour ${many ? 'ces années' : 'cette année'}.`
		}
	];
}

function yearsMessage(kind: 'secret' | 'missing', years: number[]): Guardrail {
	return kind === 'secret'
		? {
				kind,
				vintages: years,
				message: `Secret statistique en ${yearList(years)} : la valeur n’est pas publiée (ce n’est pas un zéro).`
			}
		: { kind, vintages: years, message: `Valeur non disponible en ${yearList(years)}.` };
}

/** Guardrails of one source family's series. */
function familyGuardrails(
	indicator: Pick<Indicator, 'source_columns' | 'comparability_note'>,
	family: string,
	points: SeriesPoint[]
): Guardrail[] {
	const out: Guardrail[] = [];
	const secret = points.filter((p) => p.status === 'secret').map((p) => p.vintage);
	if (secret.length > 0) out.push(yearsMessage('secret', secret));
	const missing = points
		.filter((p) => p.status !== 'ok' && p.status !== 'secret')
		.map((p) => p.vintage);
	if (missing.length > 0) out.push(yearsMessage('missing', missing));
	out.push(...missingVintages(family, points));
	const census = sameCensus(indicator, points);
	if (census) out.push(census);
	// One message per distinct reason (the Filosofi caveat would otherwise repeat for each pair).
	const ruptures = new Map<string, Set<number>>();
	const ok = points.filter((p) => p.status === 'ok');
	for (let i = 1; i < ok.length; i++) {
		for (const reason of compareVintages(indicator, ok[i - 1]!, ok[i]!).reasons) {
			const set = ruptures.get(reason) ?? new Set<number>();
			set.add(ok[i - 1]!.vintage).add(ok[i]!.vintage);
			ruptures.set(reason, set);
		}
	}
	for (const [reason, set] of ruptures) {
		const vintages = [...set].sort((a, b) => a - b);
		// The years go in `vintages`, so the same reason from two families is merged below.
		out.push({ kind: 'non_comparable', vintages, message: reason });
	}
	return out;
}

/**
 * What the data cannot say for one indicator and territory, family by family (see series.ts); the
 * same message from two families is kept once, with both families' vintages.
 */
export function collectGuardrails(
	indicator: Pick<Indicator, 'source_columns' | 'comparability_note'>,
	observations: SeriesPoint[]
): Guardrail[] {
	const byMessage = new Map<string, Guardrail>();
	for (const [family, points] of splitByFamily(observations)) {
		for (const g of familyGuardrails(indicator, family, seriesByVintage(points))) {
			const seen = byMessage.get(g.message);
			if (seen)
				seen.vintages = [...new Set([...seen.vintages, ...g.vintages])].sort((a, b) => a - b);
			else byMessage.set(g.message, g);
		}
	}
	return [...byMessage.values()];
}
