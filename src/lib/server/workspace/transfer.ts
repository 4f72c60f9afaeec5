// Full export of a workspace as JSON (accounts with their password hashes, evaluations and items,
// the audit log) and import into an empty workspace: export → import → export gives the same file.
// Sessions and sign-in attempts are transient and not exported.
import { asc, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { Workspace } from './db';
import * as schema from './schema';

/** Insertion order respects the foreign keys. */
const tables = {
	accounts: schema.accounts,
	account_contrats: schema.accountContrats,
	evaluations: schema.evaluations,
	objectives: schema.objectives,
	questions: schema.questions,
	criteria: schema.criteria,
	indicator_links: schema.indicatorLinks,
	findings: schema.findings,
	contributions: schema.contributions,
	recommendations: schema.recommendations,
	feedback: schema.feedback,
	audit_log: schema.auditLog
} as const;
type TableName = keyof typeof tables;
const names = Object.keys(tables) as TableName[];

export const FORMAT = 'politique-ville-espace-evaluation';
export const FORMAT_VERSION = 1;

export const exportFile = z.object({
	format: z.literal(FORMAT, { error: `format inattendu (attendu ${FORMAT})` }),
	format_version: z.literal(FORMAT_VERSION),
	exported_at: z.string(),
	tables: z.object(
		Object.fromEntries(names.map((n) => [n, z.array(z.record(z.string(), z.unknown()))])) as Record<
			TableName,
			z.ZodArray<z.ZodRecord<z.ZodString, z.ZodUnknown>>
		>
	)
});
export type ExportFile = z.infer<typeof exportFile>;

function orderOf(name: TableName) {
	if (name === 'account_contrats') {
		return [asc(schema.accountContrats.account_id), asc(schema.accountContrats.contrat_code)];
	}
	const t = tables[name] as unknown as typeof schema.objectives;
	return [asc(t.id)];
}

export async function exportWorkspace(ws: Workspace, now = new Date()): Promise<ExportFile> {
	const out = {} as Record<TableName, Record<string, unknown>[]>;
	for (const name of names) {
		out[name] = (await ws.db
			.select()
			.from(tables[name] as typeof schema.objectives)
			.orderBy(...orderOf(name))) as Record<string, unknown>[];
	}
	return {
		format: FORMAT,
		format_version: FORMAT_VERSION,
		exported_at: now.toISOString(),
		tables: out
	};
}

export class ImportError extends Error {}

/** Imports into an empty workspace only (never merges into live data), in one transaction. */
export async function importWorkspace(
	ws: Workspace,
	raw: unknown
): Promise<Record<TableName, number>> {
	const parsed = exportFile.safeParse(raw);
	if (!parsed.success) {
		const issue = parsed.error.issues[0]!;
		throw new ImportError(`fichier d’export invalide : ${issue.message} (${issue.path.join('.')})`);
	}
	const [{ n }] = (await ws.db
		.execute(sql`SELECT (SELECT count(*) FROM accounts) + (SELECT count(*) FROM evaluations) AS n`)
		.then((r) => (r as unknown as { rows: { n: number | string }[] }).rows)) as [
		{ n: number | string }
	];
	if (Number(n) > 0)
		throw new ImportError(
			'l’espace de travail cible n’est pas vide : importez dans un espace neuf'
		);
	const counts = {} as Record<TableName, number>;
	await ws.db.transaction(async (tx) => {
		for (const name of names) {
			const rows = parsed.data.tables[name];
			counts[name] = rows.length;
			for (let i = 0; i < rows.length; i += 500) {
				await tx
					.insert(tables[name] as typeof schema.objectives)
					.values(rows.slice(i, i + 500) as never);
			}
		}
		await tx.execute(
			sql`SELECT setval(pg_get_serial_sequence('audit_log', 'id'), coalesce((SELECT max(id) FROM audit_log), 0) + 1, false)`
		);
	});
	return counts;
}
