// Fixture rows for the evaluation steps: observations of two QPV of one contrat, written by hand.
import type { Indicator, Observation } from '../../../src/lib/schemas/indicators';

export const indicator = (
	id: string,
	unit: string,
	direction: Indicator['direction'],
	aggregation: Indicator['aggregation'] = 'none',
	source = 'filosofi-qpv|sig-ville/REVN|filosofi-references'
): Indicator => ({
	id,
	label: id,
	unit,
	theme: 't',
	pillar: 'cohesion_sociale',
	direction,
	source,
	source_columns: 'X',
	aggregation,
	numerator_id: null,
	denominator_id: null,
	definition: 'd',
	comparability_note: null
});

export const obs = (
	indicator_id: string,
	territory_code: string,
	source_path: string,
	vintage: number,
	reference_year: number | null,
	value: number | null,
	territory_type: Observation['territory_type'] = 'qpv'
): Observation => ({
	indicator_id,
	territory_type,
	territory_code,
	vintage,
	reference_year,
	value,
	status: value === null ? 'secret' : 'ok',
	source_path,
	source_line: 3
});
