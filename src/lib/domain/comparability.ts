// Whether two vintages of an indicator can be read as an evolution: same source family, same
// source column, and no producer advice against it (INSEE: Filosofi below commune level).
import type { Indicator, TerritoryType } from '../schemas/indicators';

export interface VintagePoint {
	vintage: number;
	source_path: string;
	territory_type?: TerritoryType;
	/** Column the value was read from, when the caller knows it. */
	source_column?: string | null;
}

export interface Comparability {
	comparable: boolean;
	/** Why the two vintages are not comparable (French, for the page). */
	reasons: string[];
	/** Caveats that do not forbid the comparison (French). */
	warnings: string[];
}

/**
 * The file family a value comes from, without its year: 'sig-ville/REVN_2019.csv' →
 * 'sig-ville/REVN', 'filosofi-qpv/data_filo16_qp_revdis.csv' → 'filosofi-qpv/data_filo_qp_revdis'.
 */
export function sourceFamily(sourcePath: string): string {
	const slash = sourcePath.lastIndexOf('/');
	const dir = sourcePath.slice(0, slash + 1);
	const base = sourcePath
		.slice(slash + 1)
		.replace(/\.[a-z0-9]+$/i, '')
		.replace(/(19|20)\d{2}/g, '')
		.replace(/(filo)\d{2}/gi, '$1')
		.replace(/[_-]{2,}/g, '_')
		.replace(/^[_-]+|[_-]+$/g, '');
	return dir + base;
}

/** Column names compared without case and without a year suffix ('disp_q2_a16' ≈ 'DISP_Q2_A18'). */
export function normalizeColumn(column: string): string {
	return column
		.trim()
		.toUpperCase()
		.replace(/_A?\d{2}$/, '');
}

const adviceAgainst =
	/déconseill|non comparables?\b|pas comparables?\b|ne pas comparer|rupture de série/i;
const belowCommune = /infra-?communal|sous le niveau communal|en dessous du niveau communal/i;

/** A note's sentences (a full stop followed by a capital starts a new one). */
export function noteSentences(note: string): string[] {
	return note
		.split(/(?<=\.)\s+(?=[A-ZÀ-Ý])/)
		.map((t) => t.trim())
		.filter((t) => t !== '');
}

/**
 * Reads a catalogue note sentence by sentence: advice against comparing vintages is a reason,
 * other caveats are warnings; a sentence about levels below the commune only concerns QPV values
 * (or an unknown level).
 */
export function readNote(
	note: string | null,
	territoryType?: TerritoryType
): { reasons: string[]; warnings: string[] } {
	const reasons: string[] = [];
	const warnings: string[] = [];
	const qpvLevel = territoryType === undefined || territoryType === 'qpv';
	for (const sentence of noteSentences(note ?? '')) {
		if (belowCommune.test(sentence) && !qpvLevel) continue;
		(adviceAgainst.test(sentence) ? reasons : warnings).push(sentence);
	}
	return { reasons, warnings };
}

/** Does the catalogue's comparability note advise against a year-to-year reading here? */
export function noteForbidsComparison(note: string | null, territoryType?: TerritoryType): boolean {
	return readNote(note, territoryType).reasons.length > 0;
}

export function compareVintages(
	indicator: Pick<Indicator, 'comparability_note'>,
	a: VintagePoint,
	b: VintagePoint
): Comparability {
	const reasons: string[] = [];
	const warnings: string[] = [];
	const [from, to] = a.vintage <= b.vintage ? [a, b] : [b, a];
	const famFrom = sourceFamily(from.source_path);
	const famTo = sourceFamily(to.source_path);
	if (famFrom !== famTo) {
		reasons.push(
			`Source différente entre ${from.vintage} (${famFrom}) et ${to.vintage} (${famTo}) : ` +
				'les deux valeurs ne se comparent pas.'
		);
	}
	if (
		from.source_column &&
		to.source_column &&
		normalizeColumn(from.source_column) !== normalizeColumn(to.source_column)
	) {
		reasons.push(
			`Variable source différente entre ${from.vintage} (${from.source_column}) et ` +
				`${to.vintage} (${to.source_column}) : définition possiblement modifiée.`
		);
	}
	if (from.vintage !== to.vintage) {
		const note = readNote(indicator.comparability_note, from.territory_type ?? to.territory_type);
		reasons.push(...note.reasons);
		warnings.push(...note.warnings);
	}
	return { comparable: reasons.length === 0, reasons, warnings };
}
