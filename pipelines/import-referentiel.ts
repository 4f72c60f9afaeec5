// `npm run data -- --referentiel liste.csv`: replaces data/reference/mesures.csv by an official
// list of the 40 measures once it validates whole; on any error the previous file stays.
import { existsSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import Papa from 'papaparse';
import { mesuresTable, programmesTable, type Mesure } from '../src/lib/schemas/referentiels';
import { readCsv, SourceFileError } from './lib/csv';
import { parseReferenceCsv, type ReferenceRow } from './lib/reference-csv';
import { validateMesures } from './steps/mesures';

export interface ImportResult {
	target: string;
	measures: number;
	attested: number;
}

/** Validates `csvPath` like the build does, then atomically writes `<referenceDir>/mesures.csv`. */
export function importReferentiel(csvPath: string, referenceDir: string): ImportResult {
	const source = resolve(csvPath);
	const label = basename(source);
	let rows: ReferenceRow<Mesure>[];
	try {
		rows = parseReferenceCsv(readCsv(source, label), mesuresTable);
		const programmes = parseReferenceCsv(
			readCsv(join(referenceDir, 'programmes.csv'), 'reference/programmes.csv', { delimiter: ',' }),
			programmesTable
		);
		validateMesures(label, rows, new Set(programmes.map((p) => p.row.id)));
	} catch (error) {
		if (!(error instanceof SourceFileError)) throw error;
		const detail = error.message.slice(`${error.path} : `.length);
		throw new SourceFileError(
			error.path,
			`${detail}\nImport refusé : mesures.csv n'a pas été modifié.`
		);
	}

	// Canonical form (`,`, column order of the schema, LF, no BOM), so the build reads it as any
	// other referential whatever the delimiter or encoding quirks of the imported file.
	const columns = Object.keys(mesuresTable.columns);
	const data = rows
		.map((r) => r.row as Record<string, unknown>)
		.map((row) => columns.map((c) => (row[c] === null ? '' : String(row[c]))));
	const text = Papa.unparse({ fields: columns, data }, { newline: '\n' }) + '\n';

	const target = join(referenceDir, 'mesures.csv');
	const tmp = `${target}.tmp-${process.pid}`;
	try {
		writeFileSync(tmp, text, 'utf-8');
		// Re-read what was written before it replaces anything.
		parseReferenceCsv(readCsv(tmp, label, { delimiter: ',' }), mesuresTable);
		renameSync(tmp, target);
	} finally {
		if (existsSync(tmp)) rmSync(tmp, { force: true });
	}
	return {
		target,
		measures: rows.length,
		attested: rows.filter((r) => r.row.status === 'atteste').length
	};
}

/** The value following `--referentiel` on the command line, if any. */
export function referentielArgument(argv: string[]): string | undefined {
	const at = argv.indexOf('--referentiel');
	if (at === -1) return undefined;
	const value = argv[at + 1];
	if (!value || value.startsWith('--'))
		throw new Error('--referentiel attend le chemin d’un fichier CSV');
	return value;
}
