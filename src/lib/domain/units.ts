// Unit kinds decide digits, how a change is expressed (points for rates) and which stability
// threshold applies. Units are free text in the indicator catalogue ('%', '€', 'habitants'…).

export type UnitKind = 'rate' | 'money' | 'ratio' | 'count' | 'other';

const countUnits = new Set([
	'habitants',
	'personnes',
	'logements',
	'ménages',
	'allocataires',
	'bénéficiaires',
	'demandeurs',
	'enfants',
	'emplois',
	'postes',
	'établissements',
	'entreprises',
	'foyers',
	'individus',
	'collèges',
	'écoles',
	'contrats',
	'unités',
	'nombre'
]);

export function unitKind(unit: string): UnitKind {
	const u = unit.trim().toLowerCase();
	if (u.includes('%') || u === 'pourcentage' || u === 'taux') return 'rate';
	if (u.includes('€') || u.includes('euro')) return 'money';
	if (u === 'ratio' || u === 'indice' || u === 'rapport') return 'ratio';
	if (countUnits.has(u.split(/\s+/)[0] ?? '')) return 'count';
	return 'other';
}

/** A rate's change is expressed in percentage points, never as a relative change. */
export function isRate(unit: string): boolean {
	return unitKind(unit) === 'rate';
}

/** Default decimals: counts and euros 0, rates 1, ratios (Gini…) and euros per m² 2. */
export function defaultDigits(unit: string): number {
	switch (unitKind(unit)) {
		case 'count':
			return 0;
		case 'money':
			return unit.includes('/') ? 2 : 0;
		case 'ratio':
			return 2;
		default:
			return 1;
	}
}
