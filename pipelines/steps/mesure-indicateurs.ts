// Links from attested measures to the series that plainly measure them (Baromètre, dispositifs,
// indicators), checked against the tables built by earlier steps; reports uncovered measures.
import { mesureIndicateursTable } from '../../src/lib/schemas/referentiels';
import {
	loadReferenceRows,
	readReferenceCsv,
	referenceError,
	requireKnown,
	requireUnique,
	type ReferenceIssue,
	type ReferenceRow
} from '../lib/reference-csv';
import type { BuildContext, Step } from '../lib/step';

interface Link {
	target_kind: string;
	target_id: string;
}

/** The built table and column holding a link's target. */
export function targetLocation(link: Link): { table: string; column: string } {
	if (link.target_kind === 'barometre') return { table: 'barometre_indicators', column: 'id' };
	if (link.target_kind === 'indicateur') return { table: 'indicators', column: 'id' };
	const posts = link.target_id === 'adulte_relais' || link.target_id === 'fonjep';
	return { table: posts ? 'dispositif_posts' : 'cites', column: 'kind' };
}

/**
 * Fails naming each link whose target is missing from a table built in this run. Returns the
 * tables that could not be checked because the build does not hold them (e.g. a partial build).
 */
export async function checkLinkTargets<T extends Link>(
	ctx: BuildContext,
	relPath: string,
	rows: ReferenceRow<T>[]
): Promise<string[]> {
	const built = new Set(ctx.db.tableNames());
	const known = new Map<string, Set<string>>();
	const unchecked = new Set<string>();
	const issues: ReferenceIssue[] = [];
	for (const { line, row } of rows) {
		const { table, column } = targetLocation(row);
		if (!built.has(table)) {
			unchecked.add(table);
			continue;
		}
		const key = `${table}.${column}`;
		let ids = known.get(key);
		if (!ids) {
			const found = await ctx.db.query<{ id: string }>(
				`SELECT DISTINCT "${column}" AS id FROM "${table}"`
			);
			ids = new Set(found.map((r) => r.id));
			known.set(key, ids);
		}
		if (!ids.has(row.target_id)) {
			issues.push({
				line,
				column: 'target_id',
				value: row.target_id,
				reason: `cible absente de ${table}`
			});
		}
	}
	if (issues.length > 0) throw referenceError(relPath, issues);
	return [...unchecked].sort();
}

export const mesureIndicateursStep: Step = {
	table: mesureIndicateursTable.name,
	async run(ctx) {
		const { relPath, rows } = readReferenceCsv(
			ctx,
			'mesure-indicateurs.csv',
			mesureIndicateursTable
		);
		requireUnique(relPath, rows, ['measure_id', 'target_kind', 'target_id']);
		const measures = await ctx.db.query<{ id: string; status: string }>(
			'SELECT id, status FROM mesures'
		);
		const attested = measures
			.filter((m) => m.status === 'atteste')
			.map((m) => m.id)
			.sort();
		// Only an attested measure can be said to be measured by a series.
		requireKnown(relPath, rows, 'measure_id', new Set(attested), 'mesure inconnue ou non attestée');
		const unchecked = await checkLinkTargets(ctx, relPath, rows);
		await loadReferenceRows(ctx, relPath, mesureIndicateursTable, rows);
		const linked = new Set(rows.map((r) => r.row.measure_id));
		ctx.report.referentiels = {
			...(ctx.report.referentiels as Record<string, unknown> | undefined),
			measures: measures.length,
			attested: attested.length,
			non_documented: measures.length - attested.length,
			measure_links: rows.length,
			measures_with_indicator: attested.filter((id) => linked.has(id)),
			measures_without_indicator: attested.filter((id) => !linked.has(id)),
			measure_link_tables_unchecked: unchecked,
			linked_series_national_only: await nationalOnlyTargets(
				ctx,
				rows.map((r) => r.row)
			)
		};
	}
};

/**
 * Coverage check: linked series that have no value below the national level (no territory a
 * contrat could be compared with). Dispositifs are always per contrat or commune.
 */
async function nationalOnlyTargets(
	ctx: Parameters<Step['run']>[0],
	links: { target_kind: string; target_id: string }[]
): Promise<string[]> {
	const tables = new Set(ctx.db.tableNames());
	const out: string[] = [];
	for (const link of links) {
		const id = link.target_id.replace(/'/g, "''");
		let sql: string | null = null;
		if (link.target_kind === 'barometre' && tables.has('barometre_values')) {
			sql = `SELECT count(*)::INTEGER AS n FROM barometre_values WHERE indicator_id = '${id}' AND level <> 'national'`;
		} else if (link.target_kind === 'indicateur' && tables.has('observations')) {
			sql = `SELECT count(*)::INTEGER AS n FROM observations WHERE indicator_id = '${id}' AND territory_type = 'qpv'`;
		}
		if (!sql) continue;
		const [row] = await ctx.db.query<{ n: number }>(sql);
		if ((row?.n ?? 0) === 0) out.push(`${link.target_kind}:${link.target_id}`);
	}
	return [...new Set(out)].sort();
}
