// What the catalogue's comparability note says about reading a series year to year: advice
// against it (a reason) or a caveat (a warning); INSEE's advice concerns levels below the commune.
import type { TerritoryType } from '../schemas/indicators';

export interface Comparability {
	comparable: boolean;
	/** Why the two vintages are not comparable (French, for the page). */
	reasons: string[];
	/** Caveats that do not forbid the comparison (French). */
	warnings: string[];
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
