// The small ONPV 2018 report tables (school moves at entry to collège, QPV vs non-QPV): one row per
// published cell, with the row label (first column) and the column key as published.
import { readdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { onpvFiguresTable, type OnpvFigure } from '../../src/lib/schemas/onpv';
import { SourceFileError } from '../lib/csv';
import { parseFrenchNumber } from '../lib/french-number';
import { readRawCsv, type BuildContext, type Step } from '../lib/step';

const DIR = 'onpv';

/**
 * The files do not name their unit. The upstream dataviz (anct-carto/dataviz, onpv/graph2 and
 * graph3 scripts) plots `_chart` files as percentages and shows `_table` files and graph1 as
 * numbers of pupils; any other file gets no unit.
 */
export function onpvUnit(sourceTable: string): OnpvFigure['unit'] {
	if (/_chart$/.test(sourceTable)) return '%';
	if (/_table$/.test(sourceTable) || sourceTable === 'onpv_graph1') return 'effectif';
	return null;
}

export const onpvFiguresStep: Step = {
	table: onpvFiguresTable.name,
	async run(ctx: BuildContext) {
		await ctx.db.create(onpvFiguresTable);
		const files = readdirSync(resolve(ctx.rawDir, DIR))
			.filter((f) => f.endsWith('.csv'))
			.sort();
		if (files.length === 0) throw new SourceFileError(DIR, 'aucun fichier CSV');
		const rows: OnpvFigure[] = [];
		for (const file of files) {
			const path = `${DIR}/${file}`;
			const sourceTable = file.replace(/\.csv$/, '');
			const { csv, ledger } = readRawCsv(ctx, path, { delimiter: ',' });
			if (csv.header.length < 2 || csv.header.some((h) => h === '')) {
				throw new SourceFileError(path, `en-tête inattendu : ${csv.header.join(', ')}`);
			}
			const [, ...valueColumns] = csv.header;
			for (const r of csv.rows) {
				const label = (r.cells[0] ?? '').trim();
				if (label === '') {
					ledger.rejectRow(r.line, csv.header[0]!, '', 'libellé de ligne vide');
					continue;
				}
				const figures: OnpvFigure[] = [];
				valueColumns.forEach((column, i) => {
					const raw = r.cells[i + 1] ?? '';
					const parsed = parseFrenchNumber(raw);
					if (parsed.kind === 'invalid')
						return ledger.rejectCell(r.line, column, raw, parsed.reason);
					const figure = {
						source_table: sourceTable,
						row_label: label,
						column_key: column,
						value: parsed.kind === 'number' ? parsed.value : null,
						unit: onpvUnit(sourceTable),
						source_path: path,
						source_line: r.line
					};
					const checked = onpvFiguresTable.schema.safeParse(figure);
					if (checked.success) figures.push(checked.data);
					else
						ledger.rejectCell(
							r.line,
							column,
							raw,
							`refusé par le schéma : ${checked.error.issues[0]!.message}`
						);
				});
				if (figures.length === 0) {
					ledger.rejectRow(r.line, '(ligne)', r.cells.join(','), 'aucune valeur lisible');
					continue;
				}
				ledger.loaded(onpvFiguresTable.name);
				rows.push(...figures);
			}
		}
		await ctx.db.insert(onpvFiguresTable, rows);
		ctx.report[onpvFiguresTable.name] = { files: files.length, figures: rows.length };
	}
};
