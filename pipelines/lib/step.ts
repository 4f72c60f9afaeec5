// What a pipeline step is: it writes one output table (named after it) from raw files.
import { resolve } from 'node:path';
import type { BuildDb } from './build-db';
import {
	malformedReason,
	readCsv,
	scanCsv,
	type CsvHeader,
	type CsvOptions,
	type CsvRow,
	type CsvScan,
	type CsvTable
} from './csv';
import { LedgerRegistry, type SourceLedger } from './ledger';

export interface BuildContext {
	rawDir: string;
	referenceDir: string;
	db: BuildDb;
	ledgers: LedgerRegistry;
	/** Paths of raw files read, relative to `rawDir` (or `reference/…` for referentials). */
	read: Set<string>;
	/** Extra facts a step wants in the report (e.g. the QPV → contrat quality). */
	report: Record<string, unknown>;
	log: (message: string) => void;
	/** Something an operator must see even when the build succeeds (also in report.json). */
	warn?: (message: string) => void;
}

export interface Step {
	/** The output table the step writes (one step per table). */
	table: string;
	run(ctx: BuildContext): Promise<void>;
}

/** Reads a raw file, marks it as read and returns it with its ledger. */
export function readRawCsv(
	ctx: BuildContext,
	relPath: string,
	options: CsvOptions = {}
): { csv: CsvTable; ledger: SourceLedger } {
	ctx.read.add(relPath);
	const csv = readCsv(resolve(ctx.rawDir, relPath), relPath, options);
	const ledger = ctx.ledgers.for(relPath);
	recordIntegrity(ctx, ledger, csv);
	return { csv, ledger };
}

/**
 * readRawCsv row by row (see scanCsvText): `open` gets the header and the file's ledger. The
 * ledger ends as readRawCsv leaves it: the file's own rejects first, then the consumer's.
 */
export function scanRawCsv(
	ctx: BuildContext,
	relPath: string,
	options: CsvOptions,
	open: (header: CsvHeader, ledger: SourceLedger) => (row: CsvRow) => void
): CsvScan {
	ctx.read.add(relPath);
	const ledger = ctx.ledgers.for(relPath);
	const mark = ledger.rejects.length;
	const scan = scanCsv(resolve(ctx.rawDir, relPath), relPath, options, (h) => open(h, ledger));
	const consumers = ledger.rejects.splice(mark);
	recordIntegrity(ctx, ledger, scan);
	for (const r of consumers) ledger.rejects.push(r);
	if (scan.failure) throw scan.failure.error;
	return scan;
}

/** Overflowing cells and malformed rows as rejects; a truncated last row is also a warning. */
function recordIntegrity(ctx: BuildContext, ledger: SourceLedger, csv: CsvScan): void {
	const relPath = csv.path;
	for (const o of csv.overflow) {
		ledger.rejectCell(
			o.line,
			`#${o.column}`,
			o.value,
			'valeur au-delà de la dernière colonne nommée'
		);
	}
	for (const m of csv.malformed) {
		ledger.rejectRow(m.line, '', m.start, malformedReason(m));
		if (m.truncated) ctx.warn?.(`${relPath} : ${malformedReason(m)} (ligne ${m.line}, rejetée)`);
	}
}
