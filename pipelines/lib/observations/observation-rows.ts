// Observations collected for the database, validated by parts: what a row or a column shares once,
// each cell cheaply; anything not plainly valid goes through the full zod schema, as before.
import {
	observationsTable,
	observationStatuses,
	type Observation
} from '../../../src/lib/schemas/indicators';
import { ColumnBatch, FloatColumn, IntColumn, TextColumn } from '../column-batch';

const schema = observationsTable.schema;
/** The fields one source row gives all its cells. */
export const rowPart = schema.pick({
	territory_type: true,
	territory_code: true,
	vintage: true,
	source_path: true,
	source_line: true
});
/** The fields one source column gives all its cells. */
export const columnPart = schema.pick({ indicator_id: true, reference_year: true });
const { territory_type, territory_code, vintage, source_path, source_line } = rowPart.shape;
const STATUSES = new Set<string>(observationStatuses);
/** The positional order `add` writes in: the table's column order. */
const ORDER = [
	'indicator_id',
	'territory_type',
	'territory_code',
	'vintage',
	'reference_year',
	'value',
	'status',
	'source_path',
	'source_line'
];
if (Object.keys(observationsTable.columns).join() !== ORDER.join())
	throw new Error('observations : ordre des colonnes changé, mettre à jour ObservationRows');
const INT32_MAX = 2147483647;

/** A source column's shared fields (see ObservationRows.addCell); `code`: the indicator's, once known. */
export interface CellColumn {
	indicatorId: string;
	referenceYear: number | null;
	code: number;
}

/** The source row being added (see ObservationRows.startRow); `codes`: its text fields' codes. */
interface SourceRow {
	type: Observation['territory_type'];
	code: string;
	vintage: number;
	path: string;
	line: number;
	valid: boolean;
	codes: [number, number, number] | undefined;
}

export class ObservationRows {
	/** Reused from part to part (see clear): its arrays grow to the largest part, once. */
	readonly batch = new ColumnBatch(observationsTable, 1 << 16);
	private readonly scratch: unknown[] = new Array(9);
	/** Per territory type, code, then per file, vintage: whether they pass their fields' schemas. */
	private readonly territories = new Map<string, Map<string, boolean>>();
	private readonly files = new Map<string, Map<number, boolean>>();
	private current: SourceRow | undefined;

	/**
	 * `rowPart.safeParse(…).success`: the object schema checks each field on its own, so a
	 * territory and a file are checked once (a row of a file per territory), the line each time.
	 */
	rowPartValid(
		territoryType: string,
		territoryCode: string,
		rowVintage: number,
		sourcePath: string,
		sourceLine: number
	): boolean {
		const codes = this.territories.get(territoryType) ?? new Map<string, boolean>();
		if (codes.size === 0) this.territories.set(territoryType, codes);
		let territory = codes.get(territoryCode);
		if (territory === undefined) {
			territory =
				territory_type.safeParse(territoryType).success &&
				territory_code.safeParse(territoryCode).success;
			codes.set(territoryCode, territory);
		}
		const vintages = this.files.get(sourcePath) ?? new Map<number, boolean>();
		if (vintages.size === 0) this.files.set(sourcePath, vintages);
		let file = vintages.get(rowVintage);
		if (file === undefined) {
			file = vintage.safeParse(rowVintage).success && source_path.safeParse(sourcePath).success;
			vintages.set(rowVintage, file);
		}
		return territory && file && source_line.safeParse(sourceLine).success;
	}

	/**
	 * Begins a source row whose cells addCell adds: its fields are checked (rowPartValid) and coded
	 * once for all its cells. Returns whether they are valid.
	 */
	startRow(
		type: Observation['territory_type'],
		code: string,
		vintage: number,
		path: string,
		line: number
	): boolean {
		const valid = this.rowPartValid(type, code, vintage, path, line);
		this.current = { type, code, vintage, path, line, valid, codes: undefined };
		return valid;
	}

	/** A source column's fields, for addCell. */
	cellColumn(indicatorId: string, referenceYear: number | null): CellColumn {
		return { indicatorId, referenceYear, code: -1 };
	}

	/**
	 * `add` for a cell of the row begun by startRow, in `column` (`columnValid`: it passed
	 * `columnPart`). A valid cell is written straight into the batch's arrays, as `append` would.
	 */
	addCell(
		column: CellColumn,
		value: number | null,
		status: Observation['status'],
		columnValid: boolean
	): string | null {
		const r = this.current!;
		if (
			!(r.valid && columnValid && r.line <= INT32_MAX) ||
			!(value === null || Number.isFinite(value)) ||
			!STATUSES.has(status)
		)
			return this.add(
				column.indicatorId,
				r.type,
				r.code,
				r.vintage,
				column.referenceYear,
				value,
				status,
				r.path,
				r.line,
				r.valid && columnValid
			);
		const b = this.batch;
		const row = b.reserve();
		const c = b.columns as [
			TextColumn,
			TextColumn,
			TextColumn,
			IntColumn,
			IntColumn,
			FloatColumn,
			TextColumn,
			TextColumn,
			IntColumn
		];
		// Codes in the order `append` would give them: indicator, territory, then status and file.
		if (column.code < 0) column.code = c[0].code(column.indicatorId);
		c[0].data[row] = column.code;
		const codes = (r.codes ??= [c[1].code(r.type), c[2].code(r.code), -1]);
		c[1].data[row] = codes[0];
		c[2].data[row] = codes[1];
		c[3].data[row] = r.vintage;
		const year = column.referenceYear;
		if (year === null) {
			c[4].data[row] = 0;
			c[4].setNull(row);
		} else c[4].data[row] = year;
		if (value === null) {
			c[5].data[row] = 0;
			c[5].setNull(row);
		} else c[5].data[row] = value;
		c[6].data[row] = c[6].code(status);
		if (codes[2] < 0) codes[2] = c[7].code(r.path);
		c[7].data[row] = codes[2];
		c[8].data[row] = r.line;
		return null;
	}

	/** Forgets the rows handed over to DuckDB (positions restart at 0; codes are kept). */
	clear(): void {
		this.batch.clear();
	}

	get length(): number {
		return this.batch.length;
	}

	/**
	 * Adds one observation and returns null, or returns the first zod issue when it is invalid.
	 * `partsValid` says that its row part and column part passed `rowPart` and `columnPart`: the
	 * object schema checks each field on its own, so only `value` and `status` remain to check.
	 */
	add(
		indicatorId: string,
		territoryType: Observation['territory_type'],
		territoryCode: string,
		vintage: number,
		referenceYear: number | null,
		value: number | null,
		status: Observation['status'],
		sourcePath: string,
		sourceLine: number,
		partsValid: boolean
	): string | null {
		if (partsValid && (value === null || Number.isFinite(value)) && STATUSES.has(status)) {
			const s = this.scratch;
			s[0] = indicatorId;
			s[1] = territoryType;
			s[2] = territoryCode;
			s[3] = vintage;
			s[4] = referenceYear;
			s[5] = value;
			s[6] = status;
			s[7] = sourcePath;
			s[8] = sourceLine;
			this.batch.append(s);
			return null;
		}
		const valid = schema.safeParse({
			indicator_id: indicatorId,
			territory_type: territoryType,
			territory_code: territoryCode,
			vintage,
			reference_year: referenceYear,
			value,
			status,
			source_path: sourcePath,
			source_line: sourceLine
		});
		if (!valid.success) return valid.error.issues[0]!.message;
		this.batch.appendRecord(valid.data);
		return null;
	}

	/** Observations from position `from` to `to`, as objects (tests, small files). */
	slice(from = 0, to = this.length): Observation[] {
		return this.batch.records(from, to) as Observation[];
	}
}
