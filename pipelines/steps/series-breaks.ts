// series_breaks: comparability breaks declared in data/reference/series-breaks.csv, each with the
// figures that support it measured on the files (identical values, the all-QPV row around it).
import { z } from 'zod';
import { periodKinds, seriesBreaksTable, type SeriesBreak } from '../../src/lib/schemas/evaluation';
import { defineTable } from '../../src/lib/schemas/table';
import { SourceFileError } from '../lib/csv';
import { readReferenceCsv, requireKnown, tableIds } from '../lib/reference-csv';
import type { BuildContext, Step } from '../lib/step';

const declarations = defineTable({
	name: 'series_break_declarations',
	schema: z.object({
		indicator_id: z.string().min(1),
		period: z.number().int(),
		period_kind: z.enum(periodKinds),
		kind: z.enum(['base', 'definition', 'source']),
		reason: z.string().min(1)
	}),
	columns: {
		indicator_id: 'VARCHAR',
		period: 'INTEGER',
		period_kind: 'VARCHAR',
		kind: 'VARCHAR',
		reason: 'VARCHAR'
	},
	orderBy: ['indicator_id', 'period']
});

const fr = (n: number) => n.toLocaleString('fr-FR');

interface Stats {
	before: number | null;
	prior: number | null;
	n: number;
	same: number;
	ensemble_before: number | null;
	ensemble_after: number | null;
}

/**
 * Evidence for a break at `period`: how many QPV carry identical values in the last two files
 * before it (the same data republished), and the all-QPV value on both sides.
 */
async function evidence(ctx: BuildContext, b: Omit<SeriesBreak, 'evidence'>): Promise<string> {
	const year = b.period_kind === 'millesime' ? 'vintage' : 'coalesce(reference_year, vintage)';
	const id = b.indicator_id.replaceAll("'", "''");
	const [s] = await ctx.db.query<Stats>(`
		WITH o AS (SELECT *, ${year} AS p FROM observations WHERE indicator_id = '${id}' AND status = 'ok'),
		files AS (SELECT DISTINCT vintage FROM o WHERE p < ${b.period} AND territory_type = 'qpv'),
		last2 AS (SELECT max(vintage) AS v1, (SELECT max(vintage) FROM files WHERE vintage < (SELECT max(vintage) FROM files)) AS v0 FROM files),
		pairs AS (
			SELECT a.value = b.value AS same FROM o a JOIN o b USING (territory_type, territory_code)
			WHERE a.territory_type = 'qpv' AND a.vintage = (SELECT v0 FROM last2) AND b.vintage = (SELECT v1 FROM last2))
		SELECT (SELECT v1 FROM last2) AS before, (SELECT v0 FROM last2) AS prior,
			(SELECT count(*) FROM pairs)::INTEGER AS n, (SELECT count(*) FILTER (WHERE same) FROM pairs)::INTEGER AS same,
			(SELECT value FROM o WHERE territory_type = 'ensemble_qpv' AND p < ${b.period} ORDER BY p DESC, vintage DESC LIMIT 1) AS ensemble_before,
			(SELECT value FROM o WHERE territory_type = 'ensemble_qpv' AND p >= ${b.period} ORDER BY p, vintage LIMIT 1) AS ensemble_after`);
	const parts: string[] = [];
	if (s && s.n > 0 && s.prior !== null) {
		parts.push(
			`fichiers de ${s.prior} et ${s.before} : valeurs identiques pour ${fr(s.same)} QPV sur ${fr(s.n)}`
		);
	}
	if (s?.ensemble_before != null && s.ensemble_after != null) {
		parts.push(
			`ensemble des QPV : ${fr(s.ensemble_before)} avant ${b.period}, ${fr(s.ensemble_after)} à partir de ${b.period}`
		);
	}
	if (parts.length === 0) {
		throw new SourceFileError(
			'reference/series-breaks.csv',
			`rupture ${b.indicator_id} ${b.period} : aucune valeur pour l'étayer dans les fichiers`
		);
	}
	return `Mesuré à la construction : ${parts.join(' ; ')}.`;
}

export const seriesBreaksStep: Step = {
	table: seriesBreaksTable.name,
	async run(ctx) {
		const { relPath, rows } = readReferenceCsv(ctx, 'series-breaks.csv', declarations);
		requireKnown(
			relPath,
			rows,
			'indicator_id',
			await tableIds(ctx, 'indicators'),
			'indicateur inconnu'
		);
		const out: SeriesBreak[] = [];
		for (const { row } of rows) out.push({ ...row, evidence: await evidence(ctx, row) });
		await ctx.db.create(seriesBreaksTable);
		await ctx.db.insert(seriesBreaksTable, out);
		ctx.ledgers.for(relPath).loaded(seriesBreaksTable.name, out.length);
	}
};
