// Turns one wide source file (one row per territory, one column per indicator) into long-form
// observations, accounting for every row in the file's ledger and every bad cell as a reject.
import {
	observationsTable,
	type Indicator,
	type Observation,
	type TerritoryType
} from '../../../src/lib/schemas/indicators';
import { qpvCode } from '../../../src/lib/schemas/table';
import { cell, requireColumns, type CsvHeader, type CsvRow, type CsvTable } from '../csv';
import { parseFrenchNumber, type ParsedNumber } from '../french-number';
import type { SourceLedger } from '../ledger';
import { passes } from '../valid-value';
import { matchColumns, type ColumnMatch, type SourceFamily } from './catalogue';
import { columnPart, ObservationRows, type CellColumn } from './observation-rows';

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
	/** The file's observations as objects (built on demand from `rows`). */
	readonly observations: Observation[];
	/** Where they were added: positions `from` to `to` of `rows`. */
	rows: ObservationRows;
	from: number;
	to: number;
	uncatalogued: string[];
	blanksCounted: number;
	flags: Record<string, number>;
	matchedColumns: string[];
}

/** Plain numbers (`13748`, `-2.5`, `542,7`): no space, one decimal mark at most. */
const PLAIN_NUMBER = /^[-+]?\d+(?:[.,]\d+)?$/;
const EMPTY: ParsedNumber = { kind: 'empty' };

/** Exact powers of ten (every one up to 10^22 is a double). */
const POWERS_OF_TEN = Array.from({ length: 16 }, (_, k) => 10 ** k);

/**
 * `parseFrenchNumber` with a shortcut for the common cells: for a plain number it would trim
 * nothing, remove no separator, swap the comma for a point and call `Number`, as done here.
 */
export function parseCell(raw: string): ParsedNumber | number {
	if (raw === '') return EMPTY;
	const plain = plainNumber(raw);
	if (plain === plain) return plain; // not NaN
	if (PLAIN_NUMBER.test(raw)) return Number(raw.replace(',', '.'));
	return parseFrenchNumber(raw);
}

/**
 * `Number(raw.replace(',', '.'))` for a plain number of at most 15 digits, read from the character
 * codes without a string; NaN for anything else. The digits make an integer below 2^53 and 10^k
 * is exact for k ≤ 22, so their quotient is the correctly rounded value, as `Number` gives.
 */
export function plainNumber(raw: string): number {
	const length = raw.length;
	let i = 0;
	let c = raw.charCodeAt(0);
	const negative = c === 45; // -
	if (negative || c === 43) i = 1; // +
	let digits = 0;
	let mantissa = 0;
	for (; i < length; i++) {
		c = raw.charCodeAt(i);
		if (c < 48 || c > 57) break;
		mantissa = mantissa * 10 + (c - 48);
		digits++;
	}
	if (digits === 0) return NaN;
	let decimals = 0;
	if (i < length) {
		if (c !== 46 && c !== 44) return NaN; // . or ,
		for (i++; i < length; i++) {
			c = raw.charCodeAt(i);
			if (c < 48 || c > 57) return NaN;
			mantissa = mantissa * 10 + (c - 48);
			decimals++;
		}
		if (decimals === 0) return NaN;
	}
	if (digits + decimals > 15) return NaN;
	const value = decimals === 0 ? mantissa : mantissa / POWERS_OF_TEN[decimals]!;
	return negative ? -value : value;
}

export function loadWide(
	csv: CsvTable,
	ledger: SourceLedger,
	indicators: Indicator[],
	spec: WideSpec,
	rows: ObservationRows = new ObservationRows()
): WideResult {
	const loader = new WideLoader(csv, ledger, indicators, spec, rows);
	for (const row of csv.rows) loader.row(row);
	return loader.result();
}

/** loadWide one row at a time, for a file scanned row by row (scanRawCsv). */
export class WideLoader {
	private readonly index: Map<string, number>;
	private readonly matches: ColumnMatch[];
	private readonly noteColumns: string[];
	private readonly uncatalogued: string[];
	private readonly refYears: (number | null)[];
	private readonly cellColumns: CellColumn[];
	/** Shared by every cell of a column: validated once per file. */
	private readonly columnValid: boolean[];
	private readonly flags: Record<string, number>;
	private readonly from: number;
	/** Per territory type, the codes met so far in the file. */
	private readonly seen = new Map<string, Set<string>>();
	private blanksCounted = 0;

	constructor(
		private readonly csv: CsvHeader,
		private readonly ledger: SourceLedger,
		indicators: Indicator[],
		private readonly spec: WideSpec,
		private readonly rows: ObservationRows
	) {
		this.index = requireColumns(csv, [spec.codeColumn, ...spec.required]);
		const { matches, unmatched } = matchColumns(indicators, spec.family, csv);
		this.matches = matches;
		this.noteColumns = unmatched.filter((c) => spec.notes?.test(c));
		this.uncatalogued = unmatched.filter(
			(c) =>
				c.toUpperCase() !== spec.codeColumn.toUpperCase() &&
				!spec.descriptive?.test(c) &&
				!spec.notes?.test(c)
		);
		this.refYears = matches.map((m) => spec.referenceYear(m.column));
		this.cellColumns = matches.map((m, i) => rows.cellColumn(m.indicatorId, this.refYears[i]!));
		this.columnValid = matches.map(
			(m, i) =>
				columnPart.safeParse({ indicator_id: m.indicatorId, reference_year: this.refYears[i] })
					.success
		);
		this.flags = Object.fromEntries(this.noteColumns.map((c) => [c, 0]));
		this.from = rows.length;
	}

	/** The territory of a row, once per file: a bad or repeated code rejects the row. */
	private territory(row: CsvRow): TerritoryRef | null {
		const { spec, ledger } = this;
		const rawCode = cell(row, this.index, spec.codeColumn);
		const territory = spec.territory(rawCode);
		if (typeof territory === 'string') {
			ledger.rejectRow(row.line, spec.codeColumn, rawCode, territory);
			return null;
		}
		let codes = this.seen.get(territory.type);
		if (!codes) this.seen.set(territory.type, (codes = new Set()));
		if (codes.has(territory.code)) {
			ledger.rejectRow(row.line, spec.codeColumn, rawCode, 'territoire en double dans le fichier');
			return null;
		}
		codes.add(territory.code);
		return territory;
	}

	row(row: CsvRow): void {
		const { spec, ledger, csv, matches, rows } = this;
		const territory = this.territory(row);
		if (!territory) return;
		for (const note of this.noteColumns) {
			const flag = cell(row, this.index, note);
			if (flag !== '' && flag !== '0') this.flags[note]! += 1;
		}
		// Shared by every cell of the row: validated once per row.
		rows.startRow(territory.type, territory.code, spec.vintage, csv.path, row.line);
		for (let i = 0; i < matches.length; i++) {
			const m = matches[i]!;
			const raw = row.cells[m.index] ?? '';
			const parsed = parseCell(raw);
			let value: number | null = null;
			if (typeof parsed === 'number') value = parsed;
			else if (parsed.kind === 'number') value = parsed.value;
			else if (parsed.kind === 'invalid') {
				ledger.rejectCell(row.line, m.column, raw, parsed.reason);
				continue;
			} else if (spec.blanks === 'count') {
				this.blanksCounted++;
				continue;
			}
			const issue = rows.addCell(
				this.cellColumns[i]!,
				value,
				value === null ? 'secret' : 'ok',
				this.columnValid[i]!
			);
			if (issue !== null)
				ledger.rejectCell(row.line, m.column, raw, `observation invalide : ${issue} (« ${raw} »)`);
		}
		if (territory.aggregate) ledger.aggregate();
		else ledger.loaded(observationsTable.name);
	}

	result(): WideResult {
		const { rows, from } = this;
		const to = rows.length;
		let objects: Observation[] | undefined;
		return {
			get observations() {
				return (objects ??= rows.slice(from, to));
			},
			rows,
			from,
			to,
			uncatalogued: this.uncatalogued,
			blanksCounted: this.blanksCounted,
			flags: this.flags,
			matchedColumns: this.matches.map((m) => m.column)
		};
	}
}

/** QPV rows of SIG Ville and INSEE files: `QPdddnnn` codes, or the `Ensemble` row of all QPV. */
export function qpvTerritory(known?: Set<string>): (code: string) => TerritoryRef | string {
	return (code) => {
		if (code === 'Ensemble') return { type: 'ensemble_qpv', code: 'ENSEMBLE_QPV', aggregate: true };
		if (!passes(qpvCode, code)) return `code QPV invalide : « ${code} »`;
		if (known && !known.has(code)) return `code QPV absent de la liste des QPV 2015 : « ${code} »`;
		return { type: 'qpv', code };
	};
}
