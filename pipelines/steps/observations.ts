// Observations in long form from SIG Ville (DEMO, REVN, IPRO), INSEE Filosofi (QPV and reference
// territories), RPLS, the derived Filosofi panel and Hackaviz, all mapped through the catalogue.
import { observationsTable, type Indicator } from '../../src/lib/schemas/indicators';
import { cell, requireColumns, SourceFileError, type CsvOptions } from '../lib/csv';
import { splitList, type SourceFamily } from '../lib/observations/catalogue';
import {
	filosofiQpvPath,
	filosofiQpvSpec,
	filosofiQpvYears
} from '../lib/observations/filosofi-qpv';
import {
	filosofiReferenceFiles,
	filosofiReferenceSpec,
	referenceNamesRead,
	type ReferenceName
} from '../lib/observations/filosofi-references';
import { hackavizPath, hackavizSpec } from '../lib/observations/hackaviz';
import { loadPanel, panelPath, type PanelResult } from '../lib/observations/panel';
import { rplsPath, rplsSpec } from '../lib/observations/rpls';
import { sigVilleFiles, sigVillePath, sigVilleSpec } from '../lib/observations/sig-ville';
import { ObservationRows } from '../lib/observations/observation-rows';
import { WideLoader, type WideResult, type WideSpec } from '../lib/observations/wide';
import { readRawCsv, scanRawCsv, type BuildContext, type Step } from '../lib/step';
import { crossChecks } from '../lib/observations/checks';

/** Rows held in JavaScript before they are handed to DuckDB (a few files' worth). */
const PART_ROWS = 1 << 17;
/**
 * Rows held while DuckDB writes the commune rows: with the largest other file (~60,000
 * observations) the batch stays within 2^19 rows (about 24 MB of typed arrays).
 */
const HELD_ROWS = 3 * PART_ROWS;

export const observationsStep: Step = {
	table: observationsTable.name,
	async run(ctx) {
		const indicators = await ctx.db.query<Indicator>('SELECT * FROM indicators');
		const knownQpv = ctx.db.tableNames().includes('qpv')
			? new Set((await ctx.db.query<{ code: string }>('SELECT code FROM qpv')).map((r) => r.code))
			: undefined;
		await ctx.db.create(observationsTable);
		// Rows go to DuckDB in parts of about PART_ROWS (JavaScript never holds all 2.4 million) and
		// DuckDB sorts them at the end: one sorted write, no rewrite at the end of the build.
		const rows = new ObservationRows();
		let writing: Promise<void> | undefined;
		const written = async () => {
			const pending = writing;
			writing = undefined;
			await pending;
		};
		const flush = async (least = PART_ROWS) => {
			if (rows.length < least) return;
			// While DuckDB writes the commune rows, rows wait in JavaScript (one connection), up to
			// HELD_ROWS: more would raise the build's peak memory.
			if (writing && rows.length < HELD_ROWS) return;
			await written();
			await ctx.db.appendPart(observationsTable, rows.batch);
			rows.clear();
		};

		const names = new Map<string, ReferenceName[]>();
		referenceNamesRead.set(ctx, names);
		const results = new Map<string, WideResult>();
		const wide = async ({ path, spec, delimiter }: WideFile) => {
			results.set(path, scanWide(ctx, path, { delimiter }, indicators, spec, rows, names));
			await flush();
		};

		// Commune rows come first in the table's order and make half of it: DuckDB sorts and writes
		// them while the other files are read.
		const files = wideFiles(knownQpv);
		for (const file of files) if (file.communes) await wide(file);
		await flush(0);
		writing = ctx.db.writePartsUpTo(observationsTable, 'commune');
		writing.catch(() => {}); // awaited below; meanwhile a failure must not end the process
		for (const file of files) if (!file.communes) await wide(file);
		const panel = readRawCsv(ctx, panelPath, { delimiter: ',' });
		const panelResult = loadPanel(panel.csv, panel.ledger, indicators, knownQpv, rows);
		await written();
		await flush(0);
		await ctx.db.finishParts(observationsTable);

		reportFiles(ctx, indicators, files, results, panelResult);
		ctx.report.panel_unpublished = panelResult.unpublished;
		ctx.report.observation_counts = await ctx.db.query(
			`SELECT source_path, vintage, count(*)::INTEGER AS n,
				count(*) FILTER (WHERE status = 'ok')::INTEGER AS ok,
				count(*) FILTER (WHERE status = 'secret')::INTEGER AS secret,
				count(*) FILTER (WHERE status = 'missing')::INTEGER AS missing
			 FROM observations GROUP BY ALL ORDER BY source_path, vintage`
		);
		ctx.report.observation_cross_checks = await crossChecks(ctx.db);
	}
};

/** What the report says of the files; it lists them in their reading order before communes went first. */
function reportFiles(
	ctx: BuildContext,
	indicators: Indicator[],
	files: WideFile[],
	results: Map<string, WideResult>,
	panel: PanelResult
): void {
	const uncatalogued: Record<string, string[]> = {};
	const flags: Record<string, Record<string, number>> = {};
	const secretCells: Record<string, number> = {};
	const found = new Map<SourceFamily, Set<string>>();
	for (const { path, spec } of files) {
		const result = results.get(path)!;
		if (result.uncatalogued.length) uncatalogued[path] = result.uncatalogued;
		if (Object.values(result.flags).some((n) => n > 0)) flags[path] = result.flags;
		if (spec.blanks === 'count') secretCells[path] = result.blanksCounted;
		const set = found.get(spec.family) ?? new Set();
		for (const c of result.matchedColumns) set.add(c.toUpperCase());
		found.set(spec.family, set);
	}
	if (panel.uncatalogued.length) uncatalogued[panelPath] = panel.uncatalogued;
	found.set('qpv-2015/panel', new Set(['REVENU_MEDIAN', 'TAUX_PAUVRETE', 'GINI', 'S80S20']));
	checkCatalogueColumnsFound(indicators, found);
	ctx.report.uncatalogued_columns = uncatalogued;
	ctx.report.quality_flags = flags;
	ctx.report.filosofi_secret_cells = secretCells;
}

interface WideFile {
	path: string;
	spec: WideSpec;
	delimiter?: ';' | ',';
	/** A file of commune rows only. */
	communes?: boolean;
}

/** The wide files, in the order the report lists them. */
function wideFiles(knownQpv?: Set<string>): WideFile[] {
	return [
		...sigVilleFiles.map(({ theme, vintage }) => ({
			path: sigVillePath(theme, vintage),
			spec: sigVilleSpec(theme, vintage, knownQpv)
		})),
		...filosofiQpvYears.map((year) => ({
			path: filosofiQpvPath(year),
			spec: filosofiQpvSpec(year, knownQpv)
		})),
		...filosofiReferenceFiles().map(({ year, level, path }) => ({
			path,
			spec: filosofiReferenceSpec(year, level),
			communes: level === 'COM'
		})),
		{ path: rplsPath, spec: rplsSpec(knownQpv), delimiter: ',' as const },
		{ path: hackavizPath, spec: hackavizSpec(knownQpv), delimiter: ',' as const }
	];
}

/**
 * Loads a wide file as it is parsed, row by row. The names of a reference file's territories are
 * kept for reference_territories, which would otherwise read the file again.
 */
function scanWide(
	ctx: BuildContext,
	path: string,
	options: CsvOptions,
	indicators: Indicator[],
	spec: WideSpec,
	rows: ObservationRows,
	names: Map<string, ReferenceName[]>
): WideResult {
	let loader: WideLoader | undefined;
	scanRawCsv(ctx, path, options, (header, ledger) => {
		const wide = (loader = new WideLoader(header, ledger, indicators, spec, rows));
		if (spec.family !== 'filosofi-references') return (row) => wide.row(row);
		const index = requireColumns(header, ['CODGEO', 'LIBGEO']);
		const kept: ReferenceName[] = [];
		names.set(path, kept);
		return (row) => {
			wide.row(row);
			kept.push({
				line: row.line,
				code: cell(row, index, 'CODGEO'),
				name: cell(row, index, 'LIBGEO')
			});
		};
	});
	return loader!.result();
}

/** A catalogue column found in no file of its families is a typo or a vanished column: stop. */
function checkCatalogueColumnsFound(
	indicators: Indicator[],
	found: Map<SourceFamily, Set<string>>
): void {
	const missing: string[] = [];
	for (const indicator of indicators) {
		const families = splitList(indicator.source) as SourceFamily[];
		for (const column of splitList(indicator.source_columns)) {
			if (!families.some((f) => found.get(f)?.has(column.toUpperCase()))) {
				missing.push(`${indicator.id}:${column}`);
			}
		}
	}
	if (missing.length > 0) {
		throw new SourceFileError(
			'reference/indicators.csv',
			`colonnes absentes des fichiers sources : ${missing.join(', ')}`
		);
	}
}
