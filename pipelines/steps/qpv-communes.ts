// QPV → communes: the main commune (qpv_info_nom_commune), plus every name of SIG Ville `LIB_COM`
// matched to a commune of the QPV's département (COG 2022, 2015 communes, arrondissements).
import { qpvCommunesTable, type QpvCommune } from '../../src/lib/schemas/territories';
import { cell, requireColumns } from '../lib/csv';
import { readDecoupage, type CogCommune } from '../lib/decoupage';
import { readRawCsv, type Step } from '../lib/step';
import { readEpcicom } from './epci';
import { readSigVilleLabels } from './qpv';

/** Accent-, case- and punctuation-insensitive form of a commune name. */
export function normaliseName(name: string): string {
	return name
		.normalize('NFD')
		.replace(/[\u0300-\u036f]/g, '')
		.toLowerCase()
		.replace(/œ/g, 'oe')
		.replace(/æ/g, 'ae')
		.replace(/[^a-z0-9]+/g, ' ')
		.trim();
}

/** `LIB_COM` lists communes separated by commas or slashes, sometimes with doubled spaces. */
export function splitCommunesLabel(label: string): string[] {
	return label
		.split(/[,/]/)
		.map((part) => part.replace(/\s+/g, ' ').trim())
		.filter((part) => part !== '');
}

export interface NameEntry {
	departement: string;
	name: string;
	code: string;
	/** Whether the code existed on 1 January 2015 (preferred when a name is ambiguous). */
	in2015: boolean;
}

/** Entries by scope (a département, or '*' for all France), then by normalised name. */
export type NameIndex = Map<string, Map<string, NameEntry[]>>;

export function buildNameIndex(entries: NameEntry[]): NameIndex {
	const index: NameIndex = new Map();
	// Nested maps rather than `scope|name` keys, and each distinct name normalised once: the index
	// holds about 75,000 entries and was the step's hottest code.
	const normalised = new Map<string, string>();
	// Entries come grouped by département: its names are looked up once per group.
	let departement: string | undefined;
	let local = new Map<string, NameEntry[]>();
	let national: Map<string, NameEntry[]> | undefined;
	for (const entry of entries) {
		let name = normalised.get(entry.name);
		if (name === undefined) normalised.set(entry.name, (name = normaliseName(entry.name)));
		if (entry.departement !== departement) {
			departement = entry.departement;
			local = scopeNames(index, departement);
		}
		addName(local, name, entry);
		// Also under '*' so that a commune of a neighbouring département can be found.
		addName((national ??= scopeNames(index, '*')), name, entry);
	}
	return index;
}

function scopeNames(index: NameIndex, scope: string): Map<string, NameEntry[]> {
	let names = index.get(scope);
	if (!names) index.set(scope, (names = new Map()));
	return names;
}

function addName(names: Map<string, NameEntry[]>, name: string, entry: NameEntry): void {
	const list = names.get(name);
	if (!list) names.set(name, [entry]);
	else if (!list.some((e) => e.code === entry.code)) list.push(entry);
}

function pick(found: NameEntry[]): NameEntry | null {
	if (found.length === 1) return found[0]!;
	const of2015 = found.filter((e) => e.in2015);
	return of2015.length === 1 ? of2015[0]! : null;
}

/**
 * The commune a name designates in the QPV's département; failing that, the only commune of that
 * name in France (a QPV on a département border); else why none can be chosen.
 */
export function matchCommuneName(
	index: NameIndex,
	departement: string,
	name: string
): { code: string; otherDepartement: boolean } | { reason: string } {
	const key = normaliseName(name);
	const local = index.get(departement)?.get(key) ?? [];
	const chosen = pick(local);
	if (chosen) return { code: chosen.code, otherDepartement: false };
	if (local.length > 1)
		return { reason: `nom ambigu « ${name} » : ${local.map((e) => e.code).join(', ')}` };
	const national = index.get('*')?.get(key) ?? [];
	const elsewhere = national.length === 1 ? national[0]! : null;
	if (elsewhere) return { code: elsewhere.code, otherDepartement: true };
	return {
		reason: `aucune commune « ${name} » dans le département ${departement}${national.length ? ` (${national.length} homonymes ailleurs)` : ''}`
	};
}

export const qpvCommunesStep: Step = {
	table: qpvCommunesTable.name,
	async run(ctx) {
		const info = readRawCsv(ctx, 'qpv-2015/qpv_info_nom_commune.csv', { delimiter: ',' });
		const infoIndex = requireColumns(info.csv, ['code', 'insee_com']);
		// Rows are counted by the qpv step; this step only adds its table to the file's provenance.
		info.ledger.tables.add(qpvCommunesTable.name);
		const labels = readSigVilleLabels(ctx, true);
		const { items: cog } = readDecoupage<CogCommune>(ctx, 'communes', true);
		const communes = await ctx.db.query<{
			code: string;
			name: string;
			departement_code: string;
			epci: string | null;
			kind: string;
		}>('SELECT code, name, departement_code, epci2015_siren AS epci, kind FROM communes');
		const known = new Set(communes.map((c) => c.code));
		const entries: NameEntry[] = communes.map((c) => ({
			departement: c.departement_code,
			name: c.name,
			code: c.code,
			in2015: c.epci !== null || c.kind === 'ancienne'
		}));
		// 2015 names too: communes renamed since (Saint-Ouen → Saint-Ouen-sur-Seine) or merged under
		// the same code (Évry → Évry-Courcouronnes) are written with their old name in LIB_COM.
		// Its rows are counted by the epci step (here it is the last of the file's three readers).
		const { rows: epcicom } = readEpcicom(ctx, true);
		for (const r of epcicom) {
			if (known.has(r.communeCode)) {
				entries.push({
					departement: r.communeDepartement,
					name: r.communeName,
					code: r.communeCode,
					in2015: true
				});
			}
		}
		for (const c of cog) {
			// Arrondissements stand for their commune; délégués/associées for themselves if 2015 communes.
			const code =
				c.type === 'arrondissement-municipal' ? c.commune : known.has(c.code) ? c.code : c.chefLieu;
			if (c.type !== 'commune-actuelle' && code && known.has(code)) {
				entries.push({ departement: c.departement, name: c.nom, code, in2015: true });
			}
		}
		const index = buildNameIndex(entries);
		const byDepartement = new Map<string, string[]>();
		for (const c of communes) {
			if (c.kind !== 'actuelle') continue;
			const list = byDepartement.get(c.departement_code);
			if (list) list.push(c.code);
			else byDepartement.set(c.departement_code, [c.code]);
		}

		const qpvs = await ctx.db.query<{ code: string; departement_code: string }>(
			'SELECT code, departement_code FROM qpv ORDER BY code'
		);
		const mainByCode = new Map(
			info.csv.rows.map((r) => [
				cell(r, infoIndex, 'code'),
				{ line: r.line, code: cell(r, infoIndex, 'insee_com') }
			])
		);
		const rows = new Map<string, QpvCommune>();
		const unmatched: { qpv_code: string; source: string; name: string; reason: string }[] = [];
		const add = (row: QpvCommune, source: string) => {
			const parsed = qpvCommunesTable.schema.safeParse(row);
			if (!parsed.success) {
				const reason = `lien invalide : ${parsed.error.issues[0]?.message}`;
				unmatched.push({ qpv_code: row.qpv_code, source, name: row.commune_code, reason });
				return;
			}
			const key = `${row.qpv_code}|${row.commune_code}`;
			if (!rows.has(key)) rows.set(key, parsed.data);
		};
		for (const qpv of qpvs) {
			const main = mainByCode.get(qpv.code);
			if (main) {
				if (known.has(main.code)) {
					add(
						{ qpv_code: qpv.code, commune_code: main.code, method: 'qpv_info_nom_commune' },
						info.csv.path
					);
				} else {
					info.ledger.rejectCell(
						main.line,
						'insee_com',
						main.code,
						'commune absente du COG 2022 et de 2015'
					);
				}
			}
			for (const label of labels.get(qpv.code) ?? []) {
				for (const name of splitCommunesLabel(label.communes)) {
					const match = matchCommuneName(index, qpv.departement_code, name);
					if ('code' in match) {
						const method = match.otherDepartement ? 'lib_com_autre_departement' : 'lib_com';
						add({ qpv_code: qpv.code, commune_code: match.code, method }, label.path);
					} else
						unmatched.push({ qpv_code: qpv.code, source: label.path, name, reason: match.reason });
				}
			}
			const only = byDepartement.get(qpv.departement_code) ?? [];
			if (!main && !(labels.get(qpv.code) ?? []).length && only.length === 1) {
				// Saint-Martin (978) is a single commune: its QPV can only lie there.
				add(
					{ qpv_code: qpv.code, commune_code: only[0]!, method: 'commune_unique_du_departement' },
					'COG 2022'
				);
			}
		}
		const out = [...rows.values()];
		const perQpv = new Map<string, number>();
		for (const r of out) perQpv.set(r.qpv_code, (perQpv.get(r.qpv_code) ?? 0) + 1);
		ctx.report.qpv_communes = {
			rows: out.length,
			qpv_multi_communes: [...perQpv.values()].filter((n) => n > 1).length,
			qpv_sans_commune: qpvs.filter((q) => !perQpv.has(q.code)).map((q) => q.code),
			unmatched
		};
		await ctx.db.create(qpvCommunesTable);
		await ctx.db.insert(qpvCommunesTable, out);
	}
};
