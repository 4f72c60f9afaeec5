// Names of the comparison territories (communes, EPCI, départements, régions, France métropolitaine)
// per Filosofi year, since codes and names change with each year's geography; plus `Ensemble des QPV`.
import { resolve } from 'node:path';
import { referenceTerritoriesTable } from '../../src/lib/schemas/indicators';
import { cell, readCsv, requireColumns } from '../lib/csv';
import {
	filosofiReferenceFiles,
	referenceNamesRead,
	referenceTerritory,
	type ReferenceName
} from '../lib/observations/filosofi-references';
import type { BuildContext, Step } from '../lib/step';

type Row = (typeof referenceTerritoriesTable.schema)['_zod']['output'];

export const referenceTerritoriesStep: Step = {
	table: referenceTerritoriesTable.name,
	async run(ctx) {
		const rows: Row[] = [];
		// Names met by the observations step when it ran in this build; else the files are read.
		const read = referenceNamesRead.get(ctx);
		referenceNamesRead.delete(ctx);
		// The observations step owns these files' row counts; this step reads names only and
		// records bad names as cell rejects.
		for (const { year, level, path } of filosofiReferenceFiles()) {
			ctx.read.add(path);
			const ledger = ctx.ledgers.for(path);
			for (const { line, code, name } of read?.get(path) ?? readNames(ctx, path)) {
				const territory = referenceTerritory(level, code);
				if (typeof territory === 'string') continue; // already rejected by the observations step
				const candidate = {
					territory_type: territory.type,
					code: territory.code,
					name,
					vintage: year
				};
				const valid = referenceTerritoriesTable.schema.safeParse(candidate);
				if (valid.success) rows.push(valid.data);
				else
					ledger.rejectCell(
						line,
						'LIBGEO',
						candidate.name,
						`nom de territoire invalide : ${valid.error.issues[0]!.message}`
					);
			}
			ledger.tables.add(referenceTerritoriesTable.name);
		}
		// `Ensemble des QPV` is how SIG Ville names its aggregate row (LIBGEO of `Ensemble`).
		if (ctx.db.tableNames().includes('observations')) {
			const vintages = await ctx.db.query<{ vintage: number }>(
				"SELECT DISTINCT vintage FROM observations WHERE territory_type = 'ensemble_qpv' ORDER BY vintage"
			);
			for (const { vintage } of vintages) {
				rows.push({
					territory_type: 'ensemble_qpv',
					code: 'ENSEMBLE_QPV',
					name: 'Ensemble des QPV',
					vintage
				});
			}
		}
		await ctx.db.create(referenceTerritoriesTable);
		await ctx.db.insert(referenceTerritoriesTable, rows);
	}
};

function readNames(ctx: BuildContext, path: string): ReferenceName[] {
	const csv = readCsv(resolve(ctx.rawDir, path), path);
	const index = requireColumns(csv, ['CODGEO', 'LIBGEO']);
	return csv.rows.map((row) => ({
		line: row.line,
		code: cell(row, index, 'CODGEO'),
		name: cell(row, index, 'LIBGEO')
	}));
}
