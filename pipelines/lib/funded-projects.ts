// Cleaning rules shared by the two funded-project GeoPackages (per contrat, per contrat × theme):
// codes with trailing CR/LF, cells with two codes, rows without a count, contrats listed twice.
import type { FundedPillar } from '../../src/lib/schemas/actions';
import type { GpkgRow } from './geopackage';
import type { SourceLedger } from './ledger';

export const FUNDED_DIR = 'actions-financees';

/** Codes of a `code_cv` cell: CR/LF and spaces around or between codes are layout, not data. */
export function parseFundedCodes(raw: unknown): { codes: string[]; invalid: boolean } {
	const parts = String(raw ?? '')
		.split(/[\s,;]+/)
		.filter(Boolean);
	const invalid = parts.length === 0 || parts.some((p) => !/^CV\d{3}$/.test(p));
	return { codes: [...new Set(parts)], invalid };
}

/** "2- Pilier développement économique et emploi" → its pillar, by the leading number. */
export function pillarOfTheme(theme: string): FundedPillar | null {
	const n = theme.trim().match(/^(\d)\s*-/)?.[1];
	const byNumber: Record<string, FundedPillar> = {
		'1': 'cohesion_sociale',
		'2': 'emploi_developpement_economique',
		'3': 'cadre_de_vie',
		'4': 'pilotage'
	};
	return n ? (byNumber[n] ?? null) : null;
}

const normalise = (s: string) =>
	s
		.normalize('NFD')
		.replace(/\p{Diacritic}/gu, '')
		.toLowerCase()
		.replace(/[^a-z0-9]+/g, ' ')
		.trim();

export interface CleanRow {
	fid: number;
	code: string;
	projects: number;
	name: string | null;
	theme: string | null;
	pillar: FundedPillar | null;
}

/** Why a row cannot be loaded, or its clean form. */
export function checkFundedRow(
	row: GpkgRow,
	withTheme: boolean
): CleanRow | { column: string; value: string; reason: string } {
	const { codes, invalid } = parseFundedCodes(row.code_cv);
	const value = String(row.code_cv ?? '');
	if (invalid) return { column: 'code_cv', value, reason: 'code contrat invalide' };
	const count = row.nb_projets;
	const theme = withTheme ? String(row.theme ?? '').trim() : null;
	if (count === null || count === undefined) {
		const what = codes.length > 1 ? `cellule à ${codes.length} codes (${codes.join(', ')}) ` : '';
		const noTheme = withTheme && !theme ? 'ni thème ni ' : '';
		return {
			column: 'nb_projets',
			value: `(vide) ; code_cv ${codes.join(' ')}`,
			reason: `${what}sans ${noTheme}nombre de projets : rien à compter`
		};
	}
	if (!Number.isInteger(count) || (count as number) < 0)
		return { column: 'nb_projets', value: String(count), reason: 'nombre de projets invalide' };
	if (codes.length > 1)
		return {
			column: 'code_cv',
			value,
			reason: `cellule à ${codes.length} codes : projets non attribuables à un contrat`
		};
	let pillar: FundedPillar | null = null;
	if (withTheme) {
		if (!theme) return { column: 'theme', value: '', reason: 'thème vide' };
		pillar = pillarOfTheme(theme);
		if (!pillar) return { column: 'theme', value: theme, reason: 'thème inconnu' };
	}
	const name = String(row.lib_cv ?? '').trim() || null;
	return { fid: Number(row.fid), code: codes[0]!, projects: count as number, name, theme, pillar };
}

/**
 * A contrat listed twice (same code, same count, another contrat's name: a join artefact of the
 * source) is kept once: the row whose name is the contrat's, else the first; the others rejected.
 */
export function dropDuplicateContrats(
	rows: CleanRow[],
	contratNames: Map<string, string> | null,
	ledger: SourceLedger
): CleanRow[] {
	const groups = new Map<string, CleanRow[]>();
	for (const r of rows) {
		const key = `${r.code}|${r.pillar ?? ''}`;
		groups.set(key, [...(groups.get(key) ?? []), r]);
	}
	const kept: CleanRow[] = [];
	for (const group of groups.values()) {
		const official = contratNames?.get(group[0]!.code);
		const keeper =
			group.find((r) => official && r.name && normalise(r.name) === normalise(official)) ??
			group[0]!;
		kept.push(keeper);
		for (const r of group) {
			if (r === keeper) continue;
			const same =
				r.projects === keeper.projects
					? 'même nombre de projets'
					: `${r.projects} projets contre ${keeper.projects}`;
			ledger.rejectRow(
				r.fid,
				'code_cv',
				r.code,
				`contrat en double (gardé : fid ${keeper.fid}) : ${same}, nom publié « ${r.name ?? ''} »${official ? ` ≠ « ${official} »` : ''} ; compté une fois`
			);
		}
	}
	return kept.sort((a, b) => a.fid - b.fid);
}

/** Cleans every row of a file into the ledger; returns the rows to load (not yet counted loaded). */
export function cleanFundedRows(
	rows: GpkgRow[],
	withTheme: boolean,
	contratNames: Map<string, string> | null,
	ledger: SourceLedger
): { kept: CleanRow[]; codesWithLayout: number; publishedSum: number } {
	const valid: CleanRow[] = [];
	let codesWithLayout = 0;
	let publishedSum = 0;
	for (const row of rows) {
		if (/[\r\n]/.test(String(row.code_cv ?? ''))) codesWithLayout++;
		if (typeof row.nb_projets === 'number') publishedSum += row.nb_projets;
		const checked = checkFundedRow(row, withTheme);
		if ('reason' in checked)
			ledger.rejectRow(Number(row.fid), checked.column, checked.value, checked.reason);
		else valid.push(checked);
	}
	return {
		kept: dropDuplicateContrats(valid, contratNames, ledger),
		codesWithLayout,
		publishedSum
	};
}

export async function contratNamesOf(ctx: {
	db: { tableNames(): string[]; query<T>(sql: string): Promise<T[]> };
}) {
	if (!ctx.db.tableNames().includes('contrats')) return null;
	const rows = await ctx.db.query<{ code: string; name: string }>(
		'SELECT code, name FROM contrats'
	);
	return new Map(rows.map((r) => [r.code, r.name]));
}
