// Adultes-relais and FONJEP posts funded by the politique de la ville, 2020–2023 (ANCT JSON files):
// one row per post and year, with its contrat de ville, amount and employer.
import { readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { z } from 'zod';
import { postsTable, type DispositifPost } from '../../src/lib/schemas/dispositifs';
import { departementCode, regionCode } from '../../src/lib/schemas/table';
import { SourceFileError } from '../lib/csv';
import type { BuildContext, Step } from '../lib/step';
import { passes } from '../lib/valid-value';

const DIR = 'contrats-de-ville';
const FILE = /^(adulte-relais|postes-fonjep)-(\d{4})\.json$/;
type Kind = DispositifPost['kind'];

/** One element of the published arrays; `annee` is a string in postes-fonjep-2023.json. */
export const rawPostSchema = z.object({
	id_poste: z.string({ error: 'identifiant de poste absent' }).trim().min(1, 'identifiant vide'),
	code_tiers: z.string({ error: 'code tiers non textuel' }).optional(),
	raison_sociale: z.string({ error: 'raison sociale non textuelle' }).optional(),
	annee: z.union([z.number().int(), z.string().regex(/^\d{4}$/)], { error: 'année illisible' }),
	montant: z
		.number({ error: 'montant non numérique' })
		.nonnegative('montant négatif')
		.nullable()
		.optional(),
	code_cv: z.string({ error: 'code contrat non textuel' }).optional(),
	insee_dep: z.string({ error: 'code département non textuel' }).optional(),
	insee_reg: z.string({ error: 'code région non textuel' }).optional()
});
export type RawPost = z.infer<typeof rawPostSchema>;

/** FONJEP files put the organisation name in `code_tiers`: only adultes-relais carry a SIRET. */
export function employerOf(
	kind: Kind,
	post: Pick<RawPost, 'code_tiers' | 'raison_sociale'>
): { siret: string | null; name: string | null; badSiret: string | null } {
	const tiers = (post.code_tiers ?? '').trim();
	const name = (post.raison_sociale ?? '').trim();
	if (kind === 'fonjep') return { siret: null, name: name || tiers || null, badSiret: null };
	const valid = /^\d{14}$/.test(tiers);
	return {
		siret: valid ? tiers : null,
		name: name || null,
		badSiret: valid || !tiers ? null : tiers
	};
}

/**
 * `CV380CV384` (Guyane) names several contrats at once: `contrat_code` (one contrat) stays empty and
 * `codes` lists them all, so that the post is shown on each contrat and counted once (documented
 * rule, see post_contrats).
 */
export function parseContratCode(raw: string | undefined): {
	code: string | null;
	codes: string[];
	problem: string | null;
} {
	const text = (raw ?? '').trim();
	if (text === '') return { code: null, codes: [], problem: null };
	if (/^CV\d{3}$/.test(text)) return { code: text, codes: [text], problem: null };
	if (/^(CV\d{3}){2,}$/.test(text)) {
		return { code: null, codes: [...new Set(text.match(/CV\d{3}/g)!)].sort(), problem: null };
	}
	return { code: null, codes: [], problem: 'code contrat invalide' };
}

export type PostOutcome =
	| {
			ok: true;
			row: DispositifPost;
			cellIssues: { column: string; value: string; reason: string }[];
	  }
	| { ok: false; column: string; value: string; reason: string };

/** `index` is the 1-based position in the JSON array: JSON arrays have no lines. */
export function toPostRow(
	kind: Kind,
	fileYear: number,
	element: unknown,
	index: number,
	sourcePath: string
): PostOutcome {
	const parsed = rawPostSchema.safeParse(element);
	if (!parsed.success) {
		const issue = parsed.error.issues[0]!;
		const column = String(issue.path[0] ?? '(élément)');
		const raw = (element as Record<string, unknown> | null)?.[column];
		return { ok: false, column, value: JSON.stringify(raw) ?? '(absent)', reason: issue.message };
	}
	const post = parsed.data;
	const cellIssues: { column: string; value: string; reason: string }[] = [];
	const year = Number(post.annee);
	if (year !== fileYear) {
		cellIssues.push({
			column: 'annee',
			value: String(post.annee),
			reason: `année différente de celle du fichier (${fileYear})`
		});
	}
	const contrat = parseContratCode(post.code_cv);
	if (contrat.problem)
		cellIssues.push({ column: 'code_cv', value: post.code_cv!, reason: contrat.problem });
	const codeOrNull = (
		value: string | undefined,
		schema: z.ZodString,
		column: string,
		reason: string
	) => {
		const text = (value ?? '').trim();
		if (text === '') return null;
		if (passes(schema, text)) return text;
		cellIssues.push({ column, value: text, reason });
		return null;
	};
	const employer = employerOf(kind, post);
	if (employer.badSiret) {
		cellIssues.push({
			column: 'code_tiers',
			value: employer.badSiret,
			reason: 'SIRET invalide (14 chiffres attendus)'
		});
	}
	const row = {
		kind,
		year,
		post_id: post.id_poste,
		contrat_code: contrat.code,
		contrat_codes: contrat.codes.length ? contrat.codes.join(',') : null,
		departement_code: codeOrNull(
			post.insee_dep,
			departementCode,
			'insee_dep',
			'code département invalide'
		),
		region_code: codeOrNull(post.insee_reg, regionCode, 'insee_reg', 'code région invalide'),
		amount_eur: post.montant ?? null,
		employer_siret: employer.siret,
		employer_name: employer.name,
		source_path: sourcePath,
		source_line: index
	};
	const checked = postsTable.schema.safeParse(row);
	if (!checked.success) {
		const issue = checked.error.issues[0]!;
		const column = String(issue.path[0]);
		return {
			ok: false,
			column,
			value: String(row[column as keyof typeof row]),
			reason: `refusé par le schéma : ${issue.message}`
		};
	}
	return { ok: true, row: checked.data, cellIssues };
}

interface FileStats {
	elements: number;
	loaded: number;
	rejected: number;
	/** Records identical to an earlier record of the file: rejected. */
	identical_duplicates: number;
	/** `id_poste` values kept more than once (records that differ). */
	duplicated_ids: number;
	distinct_posts: number;
}

export const duplicateReason = (first: number) =>
	`doublon : enregistrement identique à l’élément ${first} du même fichier (un poste compté une fois)`;

export const dispositifPostsStep: Step = {
	table: postsTable.name,
	async run(ctx: BuildContext) {
		await ctx.db.create(postsTable);
		const files = readdirSync(resolve(ctx.rawDir, DIR))
			.filter((f) => FILE.test(f))
			.sort();
		if (files.length === 0)
			throw new SourceFileError(DIR, 'aucun fichier adulte-relais-*.json ni postes-fonjep-*.json');
		const rows: DispositifPost[] = [];
		const perFile: Record<string, FileStats> = {};
		const compound: Record<string, number> = {};
		for (const file of files) {
			const [, prefix, year] = file.match(FILE)!;
			const kind: Kind = prefix === 'adulte-relais' ? 'adulte_relais' : 'fonjep';
			const relPath = `${DIR}/${file}`;
			ctx.read.add(relPath);
			const ledger = ctx.ledgers.for(relPath);
			let elements: unknown;
			try {
				elements = JSON.parse(readFileSync(resolve(ctx.rawDir, relPath), 'utf-8'));
			} catch (e) {
				throw new SourceFileError(relPath, `JSON illisible (${(e as Error).message})`);
			}
			if (!Array.isArray(elements)) throw new SourceFileError(relPath, 'tableau JSON attendu');
			const stats: FileStats = {
				elements: elements.length,
				loaded: 0,
				rejected: 0,
				identical_duplicates: 0,
				duplicated_ids: 0,
				distinct_posts: 0
			};
			const seen = new Map<string, number>();
			const firstOf = new Map<string, number>();
			elements.forEach((element, i) => {
				// A record identical to an earlier one is the same post published twice.
				const identity = JSON.stringify(element);
				const first = firstOf.get(identity);
				if (first !== undefined) {
					const id = (element as { id_poste?: unknown })?.id_poste;
					ledger.rejectRow(i + 1, 'id_poste', String(id), duplicateReason(first));
					stats.rejected++;
					stats.identical_duplicates++;
					return;
				}
				firstOf.set(identity, i + 1);
				const outcome = toPostRow(kind, Number(year), element, i + 1, relPath);
				if (!outcome.ok) {
					ledger.rejectRow(i + 1, outcome.column, outcome.value, outcome.reason);
					stats.rejected++;
					return;
				}
				for (const c of outcome.cellIssues) ledger.rejectCell(i + 1, c.column, c.value, c.reason);
				const raw = (element as { code_cv?: string }).code_cv;
				if (raw && outcome.row.contrat_codes?.includes(','))
					compound[raw] = (compound[raw] ?? 0) + 1;
				// Same id_poste in different records: kept (two funding lines, e.g. two SIRET of one
				// employer or two contrats), counted once as a post (see post_contrats).
				seen.set(outcome.row.post_id, (seen.get(outcome.row.post_id) ?? 0) + 1);
				ledger.loaded(postsTable.name);
				rows.push(outcome.row);
				stats.loaded++;
			});
			stats.duplicated_ids = [...seen.values()].filter((n) => n > 1).length;
			stats.distinct_posts = seen.size;
			perFile[relPath] = stats;
		}
		await ctx.db.insert(postsTable, rows);
		ctx.report[postsTable.name] = {
			files: perFile,
			without_contrat_code: rows.filter((r) => r.contrat_code === null).length,
			multi_contrat_codes: compound,
			contrats_not_found: await contratsNotFound(ctx, rows)
		};
	}
};

/** Contrat codes of posts missing from `contrats`, when the territory steps produced it. */
async function contratsNotFound(
	ctx: BuildContext,
	rows: DispositifPost[]
): Promise<Record<string, number> | string> {
	if (!ctx.db.tableNames().includes('contrats'))
		return 'table contrats absente : contrôle non fait';
	const known = new Set(
		(await ctx.db.query<{ code: string }>('SELECT code FROM contrats')).map((r) => r.code)
	);
	const missing: Record<string, number> = {};
	for (const r of rows) {
		if (r.contrat_code && !known.has(r.contrat_code))
			missing[r.contrat_code] = (missing[r.contrat_code] ?? 0) + 1;
	}
	return Object.fromEntries(Object.entries(missing).sort(([a], [b]) => a.localeCompare(b)));
}
