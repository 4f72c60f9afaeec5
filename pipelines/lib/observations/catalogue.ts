// The indicator catalogue (data/reference/indicators.csv): parsed and validated here, then used by
// every observation loader to map a source column to an indicator id, so the catalogue is the contract.
import { indicatorsTable, type Indicator } from '../../../src/lib/schemas/indicators';
import {
	cell,
	forbidUnexpectedColumns,
	requireColumns,
	SourceFileError,
	type CsvHeader,
	type CsvTable
} from '../csv';
import type { SourceLedger } from '../ledger';

/** Source families an indicator may come from; `source` lists them, `|` separated. */
export const sourceFamilies = [
	'sig-ville/DEMO',
	'sig-ville/REVN',
	'sig-ville/IPRO',
	'filosofi-qpv',
	'filosofi-references',
	'qpv-2015/rpls',
	'qpv-2015/panel',
	'qpv-occitanie-hackaviz'
] as const;
export type SourceFamily = (typeof sourceFamilies)[number];

const COLUMNS = Object.keys(indicatorsTable.columns);
const NULLABLE = new Set(['numerator_id', 'denominator_id', 'comparability_note']);

export function splitList(value: string): string[] {
	return value
		.split('|')
		.map((s) => s.trim())
		.filter((s) => s !== '');
}

/** Validates every catalogue row; an invalid row is rejected with its line and reason, never kept. */
export function parseCatalogue(csv: CsvTable, ledger: SourceLedger): Indicator[] {
	const index = requireColumns(csv, COLUMNS);
	forbidUnexpectedColumns(csv, COLUMNS);
	const candidates: { line: number; indicator: Indicator }[] = [];
	const seen = new Set<string>();
	for (const row of csv.rows) {
		const record: Record<string, string | null> = {};
		for (const name of COLUMNS) {
			const value = cell(row, index, name);
			record[name] = value === '' && NULLABLE.has(name) ? null : value;
		}
		const parsed = indicatorsTable.schema.safeParse(record);
		if (!parsed.success) {
			const issue = parsed.error.issues[0]!;
			const column = String(issue.path[0] ?? 'id');
			ledger.rejectRow(
				row.line,
				column,
				String(record[column] ?? ''),
				`indicateur invalide : ${issue.message}`
			);
			continue;
		}
		const indicator = parsed.data;
		const unknown = splitList(indicator.source).filter(
			(s) => !(sourceFamilies as readonly string[]).includes(s)
		);
		if (unknown.length > 0) {
			ledger.rejectRow(
				row.line,
				'source',
				indicator.source,
				`famille de source inconnue : ${unknown.join(', ')}`
			);
		} else if (seen.has(indicator.id)) {
			ledger.rejectRow(row.line, 'id', indicator.id, 'identifiant en double');
		} else {
			seen.add(indicator.id);
			candidates.push({ line: row.line, indicator });
		}
	}
	const kept: Indicator[] = [];
	for (const { line, indicator } of candidates) {
		const reason = numeratorProblem(indicator);
		if (reason) ledger.rejectRow(line, 'aggregation', indicator.aggregation, reason);
		else {
			ledger.loaded(indicatorsTable.name);
			kept.push(indicator);
		}
	}
	return kept.sort((a, b) => a.id.localeCompare(b.id));
}

/** No aggregation reads a numerator or a denominator: a row that names one is a mistake. */
function numeratorProblem(indicator: Indicator): string | null {
	const { aggregation, numerator_id: num, denominator_id: den } = indicator;
	return num || den
		? `numérateur/dénominateur donnés pour une agrégation « ${aggregation} »`
		: null;
}

export interface ColumnMatch {
	indicatorId: string;
	column: string;
	index: number;
}

/**
 * Finds, in one file's header, the columns the catalogue maps to indicators of that source
 * family (case-insensitive). Two indicators claiming one column is a catalogue error.
 */
export function matchColumns(
	indicators: Indicator[],
	family: SourceFamily,
	table: CsvHeader
): { matches: ColumnMatch[]; unmatched: string[] } {
	const byColumn = new Map<string, string>();
	for (const indicator of indicators) {
		if (!splitList(indicator.source).includes(family)) continue;
		for (const column of splitList(indicator.source_columns)) {
			const key = column.toUpperCase();
			const other = byColumn.get(key);
			if (other && other !== indicator.id) {
				throw new SourceFileError(
					'reference/indicators.csv',
					`colonne ${column} revendiquée par ${other} et ${indicator.id} (famille ${family})`
				);
			}
			byColumn.set(key, indicator.id);
		}
	}
	const matches: ColumnMatch[] = [];
	const unmatched: string[] = [];
	table.header.forEach((column, index) => {
		const indicatorId = byColumn.get(column.toUpperCase());
		if (indicatorId) matches.push({ indicatorId, column, index });
		else unmatched.push(column);
	});
	const perIndicator = new Map<string, string>();
	for (const m of matches) {
		const previous = perIndicator.get(m.indicatorId);
		if (previous) {
			throw new SourceFileError(
				table.path,
				`colonnes ${previous} et ${m.column} pour le même indicateur ${m.indicatorId}`
			);
		}
		perIndicator.set(m.indicatorId, m.column);
	}
	return { matches, unmatched };
}
