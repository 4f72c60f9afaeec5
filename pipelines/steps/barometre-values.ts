// Values of the Baromètre des résultats by territory and date: Etalab detail files (national,
// regional, departmental) and DITP `ind-NNN.csv` series with initial / current / target values.
import { barometreValuesTable, type BarometreValue } from '../../src/lib/schemas/barometre';
import { departementCode, regionCode } from '../../src/lib/schemas/table';
import { cell, requireColumns, type CsvRow } from '../lib/csv';
import { parseFrenchNumber } from '../lib/french-number';
import type { SourceLedger } from '../lib/ledger';
import { readRawCsv, type BuildContext, type Step } from '../lib/step';
import { passes } from '../lib/valid-value';
import {
	ETALAB_COLUMNS,
	ETALAB_FILES,
	listDitpFiles,
	readEtalabFile
} from './barometre-indicators';

type Level = BarometreValue['level'];

export const DITP_COLUMNS = [
	'indic_id',
	'enforce_zone_id',
	'metric_enforce_date',
	'maille',
	'indic_vi',
	'indic_va',
	'indic_vc',
	'indic_ta'
];

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const DATE_REASON = 'date absente ou illisible (AAAA-MM-JJ attendue)';
const MAILLES: Record<string, Level> = { DEPT: 'departemental', REG: 'regional', NAT: 'national' };

/** DITP zone ids: 'D01' → '01', 'D2A' → '2A', 'D971' → '971', 'R84' → '84', 'FRANCE' → 'FR'. */
export function parseZoneId(zoneId: string): { level: Level; code: string } | null {
	if (zoneId === 'FRANCE') return { level: 'national', code: 'FR' };
	const dep = zoneId.match(/^D(.+)$/);
	if (dep && departementCode.safeParse(dep[1]).success)
		return { level: 'departemental', code: dep[1]! };
	const reg = zoneId.match(/^R(.+)$/);
	if (reg && regionCode.safeParse(reg[1]).success) return { level: 'regional', code: reg[1]! };
	return null;
}

/** parseZoneId once per distinct zone: a file repeats the same hundred or so on every date. */
const zones = new Map<string, ReturnType<typeof parseZoneId>>();

function zoneOf(zoneId: string): ReturnType<typeof parseZoneId> {
	let zone = zones.get(zoneId);
	if (zone === undefined) zones.set(zoneId, (zone = parseZoneId(zoneId)));
	return zone;
}

type Rejection = { column: string; value: string; reason: string };
type Outcome = { row: BarometreValue } | { reject: Rejection } | { note: true };

/** Empty = null (a published blank); an unreadable number rejects the row. */
function numbers(row: CsvRow, index: Map<string, number>, columns: string[]) {
	const values: (number | null)[] = [];
	for (const column of columns) {
		const parsed = parseFrenchNumber(cell(row, index, column));
		if (parsed.kind === 'invalid')
			return { reject: { column, value: cell(row, index, column), reason: parsed.reason } };
		values.push(parsed.kind === 'number' ? parsed.value : null);
	}
	return { values };
}

function validated(row: BarometreValue): Outcome {
	const checked = barometreValuesTable.schema.safeParse(row);
	if (checked.success) return { row: checked.data };
	const issue = checked.error.issues[0]!;
	const column = String(issue.path[0]);
	const value = String(row[column as keyof BarometreValue]);
	return { reject: { column, value, reason: `refusé par le schéma : ${issue.message}` } };
}

export function etalabValue(
	level: Level,
	codeColumn: string,
	r: CsvRow,
	index: Map<string, number>,
	path: string
): Outcome {
	const raw = cell(r, index, codeColumn);
	const code = level === 'national' ? (raw === 'national' ? 'FR' : null) : raw;
	const codeSchema = level === 'regional' ? regionCode : departementCode;
	if (code === null || (level !== 'national' && !passes(codeSchema, code))) {
		return { reject: { column: codeColumn, value: raw, reason: 'code territoire invalide' } };
	}
	const date = cell(r, index, 'date');
	if (!ISO_DATE.test(date)) return { reject: { column: 'date', value: date, reason: DATE_REASON } };
	const parsed = numbers(r, index, ['valeur']);
	if ('reject' in parsed) return { reject: parsed.reject! };
	return validated({
		indicator_id: cell(r, index, 'id_indicateur'),
		level,
		territory_code: code,
		date,
		value: parsed.values[0] ?? null,
		value_initial: null,
		value_target: null,
		source_path: path,
		source_line: r.line
	});
}

export function ditpValue(
	expectedId: string,
	r: CsvRow,
	index: Map<string, number>,
	path: string
): Outcome {
	const id = cell(r, index, 'indic_id');
	if (id !== expectedId)
		return {
			reject: { column: 'indic_id', value: id, reason: `indicateur attendu : ${expectedId}` }
		};
	const maille = cell(r, index, 'maille');
	const level = MAILLES[maille];
	if (!level)
		return {
			reject: {
				column: 'maille',
				value: maille,
				reason: 'maille inconnue (DEPT, REG ou NAT attendue)'
			}
		};
	const zoneId = cell(r, index, 'enforce_zone_id');
	const zone = zoneOf(zoneId);
	if (!zone)
		return { reject: { column: 'enforce_zone_id', value: zoneId, reason: 'zone inconnue' } };
	if (zone.level !== level) {
		return {
			reject: {
				column: 'enforce_zone_id',
				value: zoneId,
				reason: `zone incohérente avec la maille ${maille}`
			}
		};
	}
	const parsed = numbers(r, index, ['indic_vi', 'indic_va', 'indic_vc']);
	if ('reject' in parsed) return { reject: parsed.reject! };
	const [initial = null, current = null, target = null] = parsed.values;
	const date = cell(r, index, 'metric_enforce_date');
	// Zones listed with neither date nor value (e.g. IND-449 by région) are placeholders, not data.
	if (date === '' && initial === null && current === null && target === null) return { note: true };
	if (!ISO_DATE.test(date))
		return { reject: { column: 'metric_enforce_date', value: date, reason: DATE_REASON } };
	// `indic_ta` (taux d'avancement) is derived by the DITP from the three values: not stored.
	return validated({
		indicator_id: id,
		level,
		territory_code: zone.code,
		date,
		value: current,
		value_initial: initial,
		value_target: target,
		source_path: path,
		source_line: r.line
	});
}

function account(
	ledger: SourceLedger,
	line: number,
	outcome: Outcome,
	known: Set<string>,
	rows: BarometreValue[]
) {
	if ('note' in outcome) return ledger.aggregate();
	if ('reject' in outcome)
		return ledger.rejectRow(
			line,
			outcome.reject.column,
			outcome.reject.value,
			outcome.reject.reason
		);
	if (!known.has(outcome.row.indicator_id)) {
		return ledger.rejectRow(
			line,
			'indicateur',
			outcome.row.indicator_id,
			'indicateur inconnu de barometre_indicators'
		);
	}
	ledger.loaded(barometreValuesTable.name);
	rows.push(outcome.row);
}

export const barometreValuesStep: Step = {
	table: barometreValuesTable.name,
	async run(ctx: BuildContext) {
		await ctx.db.create(barometreValuesTable);
		const indicators = await ctx.db.query<{ id: string; source: string }>(
			'SELECT id, source FROM barometre_indicators'
		);
		const known = (source: string) =>
			new Set(indicators.filter((i) => i.source === source).map((i) => i.id));
		const rows: BarometreValue[] = [];
		const etalab = known('etalab');
		for (const { level, path, codeColumn } of ETALAB_FILES) {
			const { csv, ledger } = readEtalabFile(ctx, path, true);
			const index = requireColumns(csv, [...ETALAB_COLUMNS, codeColumn]);
			for (const r of csv.rows)
				account(ledger, r.line, etalabValue(level, codeColumn, r, index, path), etalab, rows);
		}
		const ditp = known('ditp');
		for (const { id, path } of listDitpFiles(ctx.rawDir)) {
			const { csv, ledger } = readRawCsv(ctx, path);
			const index = requireColumns(csv, DITP_COLUMNS);
			for (const r of csv.rows) account(ledger, r.line, ditpValue(id, r, index, path), ditp, rows);
		}
		await ctx.db.insert(barometreValuesTable, rows);
		let etalabRows = 0;
		let ditpRows = 0;
		let nullValues = 0;
		for (const r of rows) {
			if (etalab.has(r.indicator_id)) etalabRows++;
			if (ditp.has(r.indicator_id)) ditpRows++;
			if (r.value === null) nullValues++;
		}
		// In DuckDB: a JavaScript map of 100,000 joined keys cost about 0.3 s.
		const [duplicated] = await ctx.db.query<{ n: number }>(
			`SELECT count(*)::INTEGER AS n FROM (SELECT 1 FROM barometre_values
			 GROUP BY indicator_id || '|' || level || '|' || territory_code || '|' || date
			 HAVING count(*) > 1)`
		);
		ctx.report[barometreValuesTable.name] = {
			etalab: etalabRows,
			ditp: ditpRows,
			null_values: nullValues,
			duplicated_keys: duplicated?.n ?? 0
		};
	}
};
