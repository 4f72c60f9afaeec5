// Indicators of the Baromètre des résultats: the Etalab series (2017–2022, described in their own
// rows) and the DITP series (2021–2024, described by meta_indicateurs / meta_chantiers / config-viz).
import { readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { LineCounter, parseDocument } from 'yaml';
import {
	barometreIndicatorsTable,
	type BarometreIndicator,
	type BarometreValue
} from '../../src/lib/schemas/barometre';
import { cell, requireColumns, SourceFileError } from '../lib/csv';
import type { SourceLedger } from '../lib/ledger';
import { cachedParse } from '../lib/parse-cache';
import { readOnce } from '../lib/read-once';
import { readRawCsv, type BuildContext, type Step } from '../lib/step';

export const ETALAB_FILES: { level: BarometreValue['level']; path: string; codeColumn: string }[] =
	[
		{
			level: 'national',
			path: 'barometre-etalab/barometre-resultats-detail-national.csv',
			codeColumn: 'maille_geographique'
		},
		{
			level: 'regional',
			path: 'barometre-etalab/barometre-resultats-detail-regional.csv',
			codeColumn: 'code_region'
		},
		{
			level: 'departemental',
			path: 'barometre-etalab/barometre-resultats-detail-departemental.csv',
			codeColumn: 'code_departement'
		}
	];
export const ETALAB_COLUMNS = ['mesure', 'indicateur', 'id_indicateur', 'date', 'valeur', 'unite'];

const DITP_DIR = 'barometre-ditp';
const DITP_FILE = /^ind-(\d+)\.csv$/;

/** The DITP series present in data/raw: `ind-218.csv` holds indicator `IND-218`. */
export function listDitpFiles(rawDir: string): { id: string; path: string }[] {
	return readdirSync(resolve(rawDir, DITP_DIR))
		.filter((f) => DITP_FILE.test(f))
		.sort()
		.map((f) => ({ id: `IND-${f.match(DITP_FILE)![1]}`, path: `${DITP_DIR}/${f}` }));
}

/** Units per indicator id from config-viz.yml, with the line of each entry. */
export function parseConfigViz(text: string): {
	entries: { id: string | null; unit: string | null; line: number }[];
	duplicateKeys: { line: number; key: string }[];
} {
	const lineCounter = new LineCounter();
	const doc = parseDocument(text, { lineCounter });
	// The published file repeats a `graphs:` key; YAML keeps the last one, which we do not read.
	const duplicateKeys = doc.errors
		.filter((e) => e.code === 'DUPLICATE_KEY')
		.map((e) => {
			const line = e.linePos?.[0].line ?? 0;
			return { line, key: (text.split('\n')[line - 1] ?? '').trim() };
		});
	const fatal = doc.errors.find((e) => e.code !== 'DUPLICATE_KEY');
	if (fatal) throw new Error(fatal.message);
	const seq = doc.get('indicateurs') as
		{ items?: { range?: [number, number, number] }[] } | undefined;
	const js = (doc.toJS() as { indicateurs?: Record<string, unknown>[] } | null)?.indicateurs ?? [];
	const entries = js.map((entry, i) => {
		const start = seq?.items?.[i]?.range?.[0];
		const id = typeof entry?.id === 'string' ? entry.id : null;
		const unit = typeof entry?.unite === 'string' && entry.unite.trim() ? entry.unite.trim() : null;
		return { id, unit, line: start === undefined ? 0 : lineCounter.linePos(start).line };
	});
	return { entries, duplicateKeys };
}

/**
 * An Etalab detail file, parsed once for barometre_indicators (labels) and barometre_values (rows,
 * `last`); its malformed rows are counted by the first reader.
 */
export function readEtalabFile(ctx: BuildContext, path: string, last = false) {
	return readOnce(ctx, path, () => readRawCsv(ctx, path), last);
}

function etalabIndicators(ctx: BuildContext): BarometreIndicator[] {
	const byId = new Map<string, { row: BarometreIndicator; where: string }>();
	for (const { path } of ETALAB_FILES) {
		// Rows are counted in the ledger by the barometre_values step; here we only read labels.
		const { csv, ledger } = readEtalabFile(ctx, path);
		ledger.tables.add(barometreIndicatorsTable.name);
		const index = requireColumns(csv, ETALAB_COLUMNS);
		for (const r of csv.rows) {
			const id = cell(r, index, 'id_indicateur');
			if (id === '') continue;
			const row: BarometreIndicator = {
				id,
				source: 'etalab',
				label: cell(r, index, 'indicateur'),
				measure: cell(r, index, 'mesure') || null,
				unit: cell(r, index, 'unite') || null,
				trend: null,
				description: null
			};
			const first = byId.get(id);
			if (!first) byId.set(id, { row, where: `${path} ligne ${r.line}` });
			else {
				for (const [key, column] of [
					['label', 'indicateur'],
					['measure', 'mesure'],
					['unit', 'unite']
				] as const) {
					if (row[key] !== first.row[key]) {
						ledger.rejectCell(
							r.line,
							column,
							String(row[key]),
							`diffère de la première occurrence (${first.where})`
						);
					}
				}
			}
		}
	}
	const rows: BarometreIndicator[] = [];
	const invalid: { id: string; where: string; reason: string }[] = [];
	for (const { row, where } of byId.values()) {
		const checked = barometreIndicatorsTable.schema.safeParse(row);
		if (checked.success) rows.push(checked.data);
		// Its value rows are then rejected by the barometre_values step as « indicateur inconnu ».
		else invalid.push({ id: row.id, where, reason: checked.error.issues[0]!.message });
	}
	if (invalid.length > 0) ctx.report[`${barometreIndicatorsTable.name}_etalab_invalid`] = invalid;
	return rows;
}

function ditpIndicators(ctx: BuildContext): BarometreIndicator[] {
	const used = new Set(listDitpFiles(ctx.rawDir).map((f) => f.id));
	const configPath = `${DITP_DIR}/config-viz.yml`;
	ctx.read.add(configPath);
	let config: ReturnType<typeof parseConfigViz>;
	try {
		const text = readFileSync(resolve(ctx.rawDir, configPath), 'utf-8');
		config = cachedParse('config-viz', text, parseConfigViz, ['yaml']);
	} catch (e) {
		throw new SourceFileError(configPath, `YAML illisible (${(e as Error).message})`);
	}
	const configLedger = ctx.ledgers.for(configPath);
	for (const d of config.duplicateKeys)
		configLedger.rejectCell(
			d.line,
			'(clé)',
			d.key,
			'clé YAML en double : la dernière valeur est retenue'
		);
	const units = new Map(config.entries.filter((e) => e.id).map((e) => [e.id!, e.unit]));

	const chantiers = readRawCsv(ctx, `${DITP_DIR}/meta_chantiers.csv`);
	const chIndex = requireColumns(chantiers.csv, ['chantier_id', 'ch_nom']);
	const chantierNames = new Map<string, string>();
	const chantierLines: { line: number; id: string }[] = [];
	for (const r of chantiers.csv.rows) {
		const id = cell(r, chIndex, 'chantier_id');
		if (id === '' || chantierNames.has(id)) {
			chantiers.ledger.rejectRow(
				r.line,
				'chantier_id',
				id,
				id ? 'chantier en double' : 'identifiant vide'
			);
			continue;
		}
		chantierNames.set(id, cell(r, chIndex, 'ch_nom'));
		chantierLines.push({ line: r.line, id });
	}

	const meta = readRawCsv(ctx, `${DITP_DIR}/meta_indicateurs.csv`);
	const columns = [
		'indic_id',
		'indic_parent_ch',
		'indic_nom',
		'indic_nom_baro',
		'indic_descr',
		'indic_descr_baro',
		'tendance'
	];
	const index = requireColumns(meta.csv, columns);
	const rows: BarometreIndicator[] = [];
	const seen = new Set<string>();
	const usedChantiers = new Set<string>();
	for (const r of meta.csv.rows) {
		const id = cell(r, index, 'indic_id');
		if (id === '' || seen.has(id)) {
			meta.ledger.rejectRow(
				r.line,
				'indic_id',
				id,
				id ? 'indicateur en double' : 'identifiant vide'
			);
			continue;
		}
		seen.add(id);
		// The metadata list the whole Baromètre; only the series copied into data/raw are loaded,
		// the other rows are set aside as notes.
		if (!used.has(id)) {
			meta.ledger.aggregate();
			continue;
		}
		const chantier = cell(r, index, 'indic_parent_ch');
		const measure = chantierNames.get(chantier) ?? null;
		if (measure === null)
			meta.ledger.rejectCell(
				r.line,
				'indic_parent_ch',
				chantier,
				'chantier absent de meta_chantiers.csv'
			);
		const row = {
			id,
			source: 'ditp' as const,
			label: cell(r, index, 'indic_nom_baro') || cell(r, index, 'indic_nom'),
			measure,
			unit: units.get(id) ?? null,
			trend: cell(r, index, 'tendance') || null,
			description: cell(r, index, 'indic_descr_baro') || cell(r, index, 'indic_descr') || null
		};
		const checked = barometreIndicatorsTable.schema.safeParse(row);
		if (!checked.success) {
			const issue = checked.error.issues[0]!;
			meta.ledger.rejectRow(
				r.line,
				String(issue.path[0]),
				JSON.stringify(row[issue.path[0] as keyof typeof row]),
				`refusé par le schéma : ${issue.message}`
			);
			continue;
		}
		meta.ledger.loaded(barometreIndicatorsTable.name);
		rows.push(checked.data);
		if (measure !== null) usedChantiers.add(chantier);
	}
	const loadedIds = new Set(rows.map((r) => r.id));
	accountUsage(chantiers.ledger, chantierLines, usedChantiers);
	for (const e of config.entries) {
		if (!e.id) configLedger.rejectRow(e.line, 'id', '', 'entrée sans identifiant');
		else if (loadedIds.has(e.id)) configLedger.loaded(barometreIndicatorsTable.name);
		else configLedger.aggregate();
	}
	ctx.report[barometreIndicatorsTable.name] = {
		ditp_series: used.size,
		ditp_without_metadata: [...used].filter((id) => !loadedIds.has(id)),
		ditp_without_unit: rows.filter((r) => r.unit === null).map((r) => r.id)
	};
	return rows;
}

/** Metadata rows are loaded when a loaded indicator uses them, set aside as notes otherwise. */
function accountUsage(ledger: SourceLedger, lines: { id: string }[], used: Set<string>): void {
	for (const { id } of lines) {
		if (used.has(id)) ledger.loaded(barometreIndicatorsTable.name);
		else ledger.aggregate();
	}
}

export const barometreIndicatorsStep: Step = {
	table: barometreIndicatorsTable.name,
	async run(ctx: BuildContext) {
		await ctx.db.create(barometreIndicatorsTable);
		const rows = [...etalabIndicators(ctx), ...ditpIndicators(ctx)];
		await ctx.db.insert(barometreIndicatorsTable, rows);
	}
};
