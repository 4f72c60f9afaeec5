// The DITP method notes of the Baromètre (barometre-documentation/*.md): definition, production,
// update frequency and finest geographic level of each indicator, one row per indicator.
import { readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import {
	barometreDocumentationTable,
	type BarometreDocumentation
} from '../../src/lib/schemas/barometre';
import { SourceFileError } from '../lib/csv';
import { parseMethodNote } from '../lib/method-note';
import type { Step } from '../lib/step';

const DIR = 'barometre-documentation';

export const barometreDocumentationStep: Step = {
	table: barometreDocumentationTable.name,
	async run(ctx) {
		await ctx.db.create(barometreDocumentationTable);
		const files = readdirSync(resolve(ctx.rawDir, DIR))
			.filter((f) => f.startsWith('mesures_') && f.endsWith('.md'))
			.sort();
		const rows: BarometreDocumentation[] = [];
		for (const file of files) {
			const path = `${DIR}/${file}`;
			ctx.read.add(path);
			const ledger = ctx.ledgers.for(path);
			let notes: ReturnType<typeof parseMethodNote>;
			try {
				notes = parseMethodNote(readFileSync(resolve(ctx.rawDir, path), 'utf-8'));
			} catch (e) {
				throw new SourceFileError(path, (e as Error).message);
			}
			for (const note of notes) {
				const checked = barometreDocumentationTable.schema.safeParse({ file, ...note });
				if (!checked.success) {
					ledger.rejectRow(
						note.indicator,
						'indicateur',
						String(note.indicator),
						checked.error.issues[0]!.message
					);
					continue;
				}
				ledger.loaded(barometreDocumentationTable.name);
				rows.push(checked.data);
			}
		}
		await ctx.db.insert(barometreDocumentationTable, rows);
	}
};
