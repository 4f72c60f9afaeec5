// INSEE Filosofi for the comparison territories (communes, EPCI, départements, régions, France
// métropolitaine), 2014–2019, each year on its own geography; commune 2017 is missing.
import type { TerritoryType } from '../../../src/lib/schemas/indicators';
import {
	communeCode,
	departementCode,
	regionCode,
	sirenCode
} from '../../../src/lib/schemas/table';
import { passes } from '../valid-value';
import type { TerritoryRef, WideSpec } from './wide';

/** A row's code and name in a reference file (both trimmed), for reference_territories. */
export interface ReferenceName {
	line: number;
	code: string;
	name: string;
}

/**
 * Per build context: the names the observations step met while reading the reference files
 * (path → rows), so that reference_territories does not read and parse the 29 files again.
 */
export const referenceNamesRead = new WeakMap<object, Map<string, ReferenceName[]>>();

export type ReferenceLevel = 'COM' | 'EPCI' | 'DEP' | 'REG' | 'METROPOLE';

const LEVELS: ReferenceLevel[] = ['COM', 'EPCI', 'DEP', 'REG', 'METROPOLE'];
const TYPES: Record<ReferenceLevel, TerritoryType> = {
	COM: 'commune',
	EPCI: 'epci',
	DEP: 'departement',
	REG: 'region',
	METROPOLE: 'france_metropolitaine'
};

export function filosofiReferenceFiles(): { year: number; level: ReferenceLevel; path: string }[] {
	const files = [];
	for (let year = 2014; year <= 2019; year++) {
		for (const level of LEVELS) {
			if (year === 2017 && level === 'COM') continue; // not in the source repository
			files.push({ year, level, path: `filosofi-references/FILO${year}_DISP_${level}.csv` });
		}
	}
	return files;
}

/** The territory of a reference row; France métropolitaine's INSEE code `1` is stored as `FRM`. */
export function referenceTerritory(level: ReferenceLevel, code: string): TerritoryRef | string {
	const type = TYPES[level];
	switch (level) {
		case 'COM':
			return passes(communeCode, code) ? { type, code } : `code commune invalide : « ${code} »`;
		case 'EPCI':
			return passes(sirenCode, code) ? { type, code } : `SIREN d'EPCI invalide : « ${code} »`;
		case 'DEP':
			return passes(departementCode, code)
				? { type, code }
				: `code département invalide : « ${code} »`;
		case 'REG':
			return passes(regionCode, code) ? { type, code } : `code région invalide : « ${code} »`;
		case 'METROPOLE':
			return code === '1'
				? { type, code: 'FRM' }
				: `code France métropolitaine inattendu : « ${code} »`;
	}
}

export function filosofiReferenceSpec(year: number, level: ReferenceLevel): WideSpec {
	const yy = String(year).slice(2);
	return {
		family: 'filosofi-references',
		vintage: year,
		codeColumn: 'CODGEO',
		required: ['LIBGEO', `NBMEN${yy}`, `Q2${yy}`, `D1${yy}`, `D9${yy}`, `GI${yy}`, 'RD'],
		descriptive: /^LIBGEO$/i,
		territory: (code) => referenceTerritory(level, code),
		referenceYear: () => year,
		// Commune files are mostly secret cells: counted, not stored (see the observations step).
		blanks: level === 'COM' ? 'count' : 'store'
	};
}
