// Turns one wide source file (one row per territory, one column per indicator) into long-form
// observations, accounting for every row in the file's ledger and every bad cell as a reject.
import {
	observationsTable,
	type Indicator,
	type Observation,
	type TerritoryType
} from '../../../src/lib/schemas/indicators';
import { qpvCode } from '../../../src/lib/schemas/table';
import { cell, requireColumns, type CsvTable } from '../csv';
import { parseFrenchNumber } from '../french-number';
import type { SourceLedger } from '../ledger';
import { matchColumns, type SourceFamily } from './catalogue';

export interface TerritoryRef {
	type: TerritoryType;
	code: string;
	/** An aggregate row (e.g. `Ensemble des QPV`): loaded, but counted as aggregate in the ledger. */
	aggregate?: boolean;
}

export interface WideSpec {
	family: SourceFamily;
	vintage: number;
	codeColumn: string;
	/** Columns whose absence means the file changed shape: the build stops, naming them. */
	required: string[];
	/** Columns that are neither indicators nor to be reported (codes, names). */
	descriptive?: RegExp;
	/** Quality flag columns (NOTE_*): not indicators, counted per file when non-zero. */
	notes?: RegExp;
	/** The territory of a row, or a French reason to reject the row. */
	territory: (code: string) => TerritoryRef | string;
	referenceYear: (column: string) => number | null;
	/** Empty cells: 'secret' rows, or counted only (heavy commune files). */
	blanks: 'store' | 'count';
}

export interface WideResult {
	observations: Observation[];
	uncatalogued: string[];
	blanksCounted: number;
	flags: Record<string, number>;
	matchedColumns: string[];
}

export function loadWide(
	csv: CsvTable,
	ledger: SourceLedger,
	indicators: Indicator[],
	spec: WideSpec
): WideResult {
	const index = requireColumns(csv, [spec.codeColumn, ...spec.required]);
	const { matches, unmatched } = matchColumns(indicators, spec.family, csv);
	const noteColumns = unmatched.filter((c) => spec.notes?.test(c));
	const uncatalogued = unmatched.filter(
		(c) =>
			c.toUpperCase() !== spec.codeColumn.toUpperCase() &&
			!spec.descriptive?.test(c) &&
			!spec.notes?.test(c)
	);
	const refYears = matches.map((m) => spec.referenceYear(m.column));
	const flags: Record<string, number> = Object.fromEntries(noteColumns.map((c) => [c, 0]));
	const observations: Observation[] = [];
	const seen = new Set<string>();
	let blanksCounted = 0;
	for (const row of csv.rows) {
		const rawCode = cell(row, index, spec.codeColumn);
		const territory = spec.territory(rawCode);
		if (typeof territory === 'string') {
			ledger.rejectRow(row.line, spec.codeColumn, rawCode, territory);
			continue;
		}
		const key = `${territory.type}:${territory.code}`;
		if (seen.has(key)) {
			ledger.rejectRow(row.line, spec.codeColumn, rawCode, 'territoire en double dans le fichier');
			continue;
		}
		seen.add(key);
		for (const note of noteColumns) {
			const flag = cell(row, index, note);
			if (flag !== '' && flag !== '0') flags[note]! += 1;
		}
		matches.forEach((m, i) => {
			const raw = row.cells[m.index] ?? '';
			const parsed = parseFrenchNumber(raw);
			if (parsed.kind === 'invalid')
				return ledger.rejectCell(row.line, m.column, raw, parsed.reason);
			if (parsed.kind === 'empty' && spec.blanks === 'count') {
				blanksCounted++;
				return;
			}
			const candidate = {
				indicator_id: m.indicatorId,
				territory_type: territory.type,
				territory_code: territory.code,
				vintage: spec.vintage,
				reference_year: refYears[i]!,
				value: parsed.kind === 'number' ? parsed.value : null,
				status: parsed.kind === 'number' ? 'ok' : 'secret',
				source_path: csv.path,
				source_line: row.line
			};
			const valid = observationsTable.schema.safeParse(candidate);
			if (valid.success) observations.push(valid.data);
			else
				ledger.rejectCell(
					row.line,
					m.column,
					raw,
					`observation invalide : ${valid.error.issues[0]!.message} (« ${raw} »)`
				);
		});
		if (territory.aggregate) ledger.aggregate();
		else ledger.loaded(observationsTable.name);
	}
	return {
		observations,
		uncatalogued,
		blanksCounted,
		flags,
		matchedColumns: matches.map((m) => m.column)
	};
}

/** QPV rows of SIG Ville and INSEE files: `QPdddnnn` codes, or the `Ensemble` row of all QPV. */
export function qpvTerritory(known?: Set<string>): (code: string) => TerritoryRef | string {
	return (code) => {
		if (code === 'Ensemble') return { type: 'ensemble_qpv', code: 'ENSEMBLE_QPV', aggregate: true };
		if (!qpvCode.safeParse(code).success) return `code QPV invalide : « ${code} »`;
		if (known && !known.has(code)) return `code QPV absent de la liste des QPV 2015 : « ${code} »`;
		return { type: 'qpv', code };
	};
}
