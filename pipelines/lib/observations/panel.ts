// The derived Filosofi panel 2012–2021 (1,296 QPV, a thesis' compilation of INSEE files), in long
// form: one row per QPV and year. Loaded as its own `panel_*` indicators so the 2012–2021 series exists.
import {
	observationsTable,
	type Indicator,
	type Observation
} from '../../../src/lib/schemas/indicators';
import { cell, requireColumns, type CsvTable } from '../csv';
import type { SourceLedger } from '../ledger';
import { matchColumns } from './catalogue';
import { columnPart, ObservationRows } from './observation-rows';
import { parseCell, qpvTerritory } from './wide';

export const panelPath = 'qpv-2015/panel_qpv_complet_v2.csv';

export interface PanelResult {
	/** The panel's observations as objects (built on demand from `rows`). */
	readonly observations: Observation[];
	rows: ObservationRows;
	/** indicator → years where the column is empty for every QPV: not published, no rows stored. */
	unpublished: Record<string, number[]>;
	uncatalogued: string[];
}

export function loadPanel(
	csv: CsvTable,
	ledger: SourceLedger,
	indicators: Indicator[],
	knownQpv?: Set<string>,
	rows: ObservationRows = new ObservationRows()
): PanelResult {
	const index = requireColumns(csv, [
		'code',
		'annee',
		'revenu_median',
		'taux_pauvrete',
		'gini',
		's80s20'
	]);
	const { matches, unmatched } = matchColumns(indicators, 'qpv-2015/panel', csv);
	const territory = qpvTerritory(knownQpv);
	// First pass: which (column, year) pairs have at least one value.
	const published = new Set<string>();
	for (const row of csv.rows) {
		for (const m of matches) {
			if ((row.cells[m.index] ?? '').trim() !== '')
				published.add(`${m.column}:${cell(row, index, 'annee')}`);
		}
	}
	const from = rows.length;
	const unpublished: Record<string, Set<number>> = {};
	const seen = new Set<string>();
	const columnValid: Map<number, boolean>[] = [];
	for (const row of csv.rows) {
		const code = cell(row, index, 'code');
		const t = territory(code);
		const yearText = cell(row, index, 'annee');
		const year = Number(yearText);
		if (typeof t === 'string' || t.type !== 'qpv') {
			ledger.rejectRow(
				row.line,
				'code',
				code,
				typeof t === 'string' ? t : 'ligne agrégée inattendue'
			);
			continue;
		}
		if (!/^\d{4}$/.test(yearText)) {
			ledger.rejectRow(row.line, 'annee', yearText, `année invalide : « ${yearText} »`);
			continue;
		}
		if (seen.has(`${code}:${year}`)) {
			ledger.rejectRow(row.line, 'code', code, `QPV et année en double (${year})`);
			continue;
		}
		seen.add(`${code}:${year}`);
		// Validated by parts, as wide files are: the row once, each column once per year.
		const rowValid = rows.rowPartValid('qpv', code, year, csv.path, row.line);
		for (let i = 0; i < matches.length; i++) {
			const m = matches[i]!;
			const raw = row.cells[m.index] ?? '';
			const parsed = parseCell(raw);
			const value =
				typeof parsed === 'number' ? parsed : parsed.kind === 'number' ? parsed.value : null;
			if (typeof parsed !== 'number' && parsed.kind === 'invalid') {
				ledger.rejectCell(row.line, m.column, raw, parsed.reason);
				continue;
			}
			if (value === null && !published.has(`${m.column}:${yearText}`)) {
				(unpublished[m.indicatorId] ??= new Set()).add(year);
				continue;
			}
			const years = (columnValid[i] ??= new Map());
			let columnOk = years.get(year);
			if (columnOk === undefined) {
				columnOk = columnPart.safeParse({
					indicator_id: m.indicatorId,
					reference_year: year
				}).success;
				years.set(year, columnOk);
			}
			const issue = rows.add(
				m.indicatorId,
				'qpv',
				code,
				year,
				year,
				value,
				// The derived panel does not say why a value is absent: 'missing', not 'secret'.
				value === null ? 'missing' : 'ok',
				csv.path,
				row.line,
				rowValid && columnOk
			);
			if (issue !== null)
				ledger.rejectCell(row.line, m.column, raw, `observation invalide : ${issue} (« ${raw} »)`);
		}
		ledger.loaded(observationsTable.name);
	}
	const to = rows.length;
	let objects: Observation[] | undefined;
	return {
		get observations() {
			return (objects ??= rows.slice(from, to));
		},
		rows,
		unpublished: Object.fromEntries(
			Object.entries(unpublished).map(([id, years]) => [id, [...years].sort()])
		),
		uncatalogued: unmatched.filter((c) => !['code', 'annee'].includes(c))
	};
}
