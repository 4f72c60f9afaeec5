// EPCI at 1 January 2015 (DGCL epcicom2015): the perimeters the contrats de ville were signed on.
// One source row per member commune; this step owns the file's row counts (the communes step
// reads the same rows for `epci2015_siren` without counting them again).
import { epciTable, type Epci } from '../../src/lib/schemas/territories';
import { cell, requireColumns, type CsvTable } from '../lib/csv';
import { parseFrenchNumber } from '../lib/french-number';
import type { SourceLedger } from '../lib/ledger';
import { readOnce } from '../lib/read-once';
import { readRawCsv, type BuildContext, type Step } from '../lib/step';

export const EPCICOM_PATH = 'geographie-2015/epcicom2015.csv';

export interface EpcicomRow {
	line: number;
	siren: string;
	name: string;
	legalForm: string;
	epciDepartement: string;
	epciCommuneCount: string;
	epciPopulation: string;
	communeCode: string;
	communeName: string;
	communeDepartement: string;
}

const COLUMNS = ['siren_epci', 'nom_complet', 'nj_epci2015', 'dep_epci', 'nb_com_epci_2015'];
const MORE = ['pmun_epci_2015', 'insee', 'nom_com', 'dep_com'];

export function parseEpcicom(csv: CsvTable): EpcicomRow[] {
	const index = requireColumns(csv, [...COLUMNS, ...MORE]);
	return csv.rows.map((row) => ({
		line: row.line,
		siren: cell(row, index, 'siren_epci'),
		name: cell(row, index, 'nom_complet'),
		legalForm: cell(row, index, 'nj_epci2015'),
		epciDepartement: cell(row, index, 'dep_epci'),
		epciCommuneCount: cell(row, index, 'nb_com_epci_2015'),
		epciPopulation: cell(row, index, 'pmun_epci_2015'),
		communeCode: cell(row, index, 'insee'),
		communeName: cell(row, index, 'nom_com'),
		communeDepartement: cell(row, index, 'dep_com')
	}));
}

/**
 * The file's rows, parsed once for the epci, communes and qpv_communes steps (its malformed rows
 * are counted once, by the first reader); `last` for the last of them.
 */
export function readEpcicom(
	ctx: BuildContext,
	last = false
): { rows: EpcicomRow[]; ledger: SourceLedger } {
	return readOnce(
		ctx,
		EPCICOM_PATH,
		() => {
			const { csv, ledger } = readRawCsv(ctx, EPCICOM_PATH, { delimiter: ';', encoding: 'latin1' });
			return { rows: parseEpcicom(csv), ledger };
		},
		last
	);
}

function toInteger(raw: string): number | null {
	const parsed = parseFrenchNumber(raw);
	return parsed.kind === 'number' && Number.isInteger(parsed.value) ? parsed.value : null;
}

export const epciStep: Step = {
	table: epciTable.name,
	async run(ctx) {
		const { rows, ledger } = readEpcicom(ctx);
		const bySiren = new Map<string, EpcicomRow[]>();
		for (const row of rows) {
			const members = bySiren.get(row.siren) ?? [];
			members.push(row);
			bySiren.set(row.siren, members);
		}
		const out: Epci[] = [];
		for (const [siren, members] of bySiren) {
			const first = members[0]!;
			const declared = toInteger(first.epciCommuneCount);
			const parsed = epciTable.schema.safeParse({
				siren,
				name: first.name,
				legal_form: first.legalForm,
				departement_code: first.epciDepartement,
				// The declared count; checked below against the member rows actually listed.
				commune_count: declared ?? members.length,
				population: toInteger(first.epciPopulation)
			});
			if (!parsed.success) {
				const issue = parsed.error.issues[0];
				const column = String(issue?.path[0] ?? 'siren_epci');
				for (const m of members) {
					ledger.rejectRow(
						m.line,
						column,
						siren,
						`EPCI invalide : ${issue?.message} (« ${siren} »)`
					);
				}
				continue;
			}
			if (declared !== members.length) {
				ledger.rejectCell(
					first.line,
					'nb_com_epci_2015',
					first.epciCommuneCount,
					`nombre de communes déclaré différent des ${members.length} lignes de l'EPCI`
				);
			}
			if (first.epciPopulation !== '' && parsed.data.population === null) {
				ledger.rejectCell(
					first.line,
					'pmun_epci_2015',
					first.epciPopulation,
					'population illisible'
				);
			}
			out.push(parsed.data);
			ledger.loaded(epciTable.name, members.length);
		}
		await ctx.db.create(epciTable);
		await ctx.db.insert(epciTable, out);
	}
};
