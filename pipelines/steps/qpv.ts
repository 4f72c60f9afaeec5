// The 1,514 QPV of 2015: codes and populations (qpv_evolution_population), names and main commune
// (qpv_info_nom_commune, the outre-mer supplement, then SIG Ville DEMO), SIG Ville communes label.
import { resolve } from 'node:path';
import { qpvTable, type Qpv } from '../../src/lib/schemas/territories';
import { cell, readCsv, requireColumns } from '../lib/csv';
import { parseFrenchNumber } from '../lib/french-number';
import { readOnce } from '../lib/read-once';
import { readRawCsv, type BuildContext, type Step } from '../lib/step';

const POPULATION = 'qpv-2015/qpv_evolution_population.csv';
const INFO = 'qpv-2015/qpv_info_nom_commune.csv';
const SUPPLEMENT = 'qpv-2015/qpv2015_outremer_supplement_978_987.csv';
/** Newest first: a later vintage wins for names and the communes label. */
export const SIG_VILLE_DEMO = ['sig-ville/DEMO_2022.csv', 'sig-ville/DEMO_2017.csv'];

/** `QP001001` → '01', `QP02A001` → '2A', `QP971001` → '971', `QP987001` → '987'. */
export function departementFromQpvCode(code: string): string {
	const part = code.slice(2, 5);
	return part.startsWith('0') ? part.slice(1) : part;
}

export interface SigVilleLabel {
	path: string;
	name: string;
	communes: string;
}

/**
 * Names and `LIB_COM` labels of SIG Ville DEMO files, by QPV code, newest vintage first. The
 * observations step owns these files' row counts: here they are only marked as read. Read once
 * for the qpv and qpv_communes steps (`last`: the last of them; see ../lib/read-once.ts).
 */
export function readSigVilleLabels(ctx: BuildContext, last = false): Map<string, SigVilleLabel[]> {
	for (const path of SIG_VILLE_DEMO) ctx.read.add(path);
	return readOnce(ctx, 'sig-ville-labels', () => sigVilleLabels(ctx), last);
}

function sigVilleLabels(ctx: BuildContext): Map<string, SigVilleLabel[]> {
	const labels = new Map<string, SigVilleLabel[]>();
	for (const path of SIG_VILLE_DEMO) {
		const csv = readCsv(resolve(ctx.rawDir, path), path, { delimiter: ';' });
		const index = requireColumns(csv, ['CODGEO', 'LIB_COM']);
		for (const row of csv.rows) {
			const code = cell(row, index, 'CODGEO');
			if (!code.startsWith('QP')) continue;
			const list = labels.get(code) ?? [];
			list.push({ path, name: cell(row, index, 'LIBGEO'), communes: cell(row, index, 'LIB_COM') });
			labels.set(code, list);
		}
	}
	return labels;
}

function population(raw: string): { value: number | null; error?: string } {
	const parsed = parseFrenchNumber(raw);
	if (parsed.kind === 'empty') return { value: null };
	if (parsed.kind === 'invalid') return { value: null, error: parsed.reason };
	if (!Number.isInteger(parsed.value) || parsed.value < 0) {
		return { value: null, error: `population non entière : « ${raw} »` };
	}
	return { value: parsed.value };
}

export const qpvStep: Step = {
	table: qpvTable.name,
	async run(ctx) {
		const pop = readRawCsv(ctx, POPULATION, { delimiter: ',' });
		const popIndex = requireColumns(pop.csv, ['code', 'pop_2013', 'pop_2018']);
		const info = readRawCsv(ctx, INFO, { delimiter: ',' });
		const infoIndex = requireColumns(info.csv, ['code', 'nom_qp', 'insee_com']);
		const supp = readRawCsv(ctx, SUPPLEMENT, { delimiter: ',' });
		const suppIndex = requireColumns(supp.csv, ['code_qp', 'nom_qp_2015']);
		const labels = readSigVilleLabels(ctx);
		const regions = new Map(
			(
				await ctx.db.query<{ code: string; region_code: string | null }>(
					'SELECT code, region_code FROM departements'
				)
			).map((d) => [d.code, d.region_code])
		);

		const codes = new Set(pop.csv.rows.map((r) => cell(r, popIndex, 'code')));
		const infoByCode = new Map(info.csv.rows.map((r) => [cell(r, infoIndex, 'code'), r]));
		const suppByCode = new Map(supp.csv.rows.map((r) => [cell(r, suppIndex, 'code_qp'), r]));
		for (const [file, index, column, rows] of [
			[info, infoIndex, 'code', info.csv.rows],
			[supp, suppIndex, 'code_qp', supp.csv.rows]
		] as const) {
			for (const row of rows) {
				const code = cell(row, index, column);
				if (codes.has(code)) file.ledger.loaded(qpvTable.name);
				else
					file.ledger.rejectRow(
						row.line,
						column,
						code,
						'code QPV absent de la liste des 1 514 QPV'
					);
			}
		}

		const out: Qpv[] = [];
		const unnamed: string[] = [];
		for (const row of pop.csv.rows) {
			const code = cell(row, popIndex, 'code');
			const infoRow = infoByCode.get(code);
			const suppRow = suppByCode.get(code);
			const sig = labels.get(code) ?? [];
			const name =
				(infoRow && cell(infoRow, infoIndex, 'nom_qp')) ||
				(suppRow && cell(suppRow, suppIndex, 'nom_qp_2015')) ||
				sig.find((s) => s.name !== '')?.name ||
				null;
			if (!name) unnamed.push(code);
			const p2013 = population(cell(row, popIndex, 'pop_2013'));
			const p2018 = population(cell(row, popIndex, 'pop_2018'));
			if (p2013.error)
				pop.ledger.rejectCell(row.line, 'pop_2013', cell(row, popIndex, 'pop_2013'), p2013.error);
			if (p2018.error)
				pop.ledger.rejectCell(row.line, 'pop_2018', cell(row, popIndex, 'pop_2018'), p2018.error);
			const departement = departementFromQpvCode(code);
			const parsed = qpvTable.schema.safeParse({
				code,
				name,
				departement_code: departement,
				region_code: regions.get(departement) ?? null,
				main_commune_code: (infoRow && cell(infoRow, infoIndex, 'insee_com')) || null,
				communes_label: sig.find((s) => s.communes !== '')?.communes ?? null,
				population_2013: p2013.value,
				population_2018: p2018.value
			});
			if (!parsed.success) {
				const issue = parsed.error.issues[0];
				pop.ledger.rejectRow(
					row.line,
					String(issue?.path[0] ?? 'code'),
					code,
					`QPV invalide : ${issue?.message}`
				);
				continue;
			}
			if (!regions.has(departement)) {
				pop.ledger.rejectRow(
					row.line,
					'code',
					code,
					`département ${departement} absent du COG 2022`
				);
				continue;
			}
			out.push(parsed.data);
			pop.ledger.loaded(qpvTable.name);
		}
		ctx.report.qpv = { total: out.length, sans_nom: unnamed.sort() };
		await ctx.db.create(qpvTable);
		await ctx.db.insert(qpvTable, out);
	}
};
