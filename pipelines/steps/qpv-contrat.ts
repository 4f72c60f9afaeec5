// QPV → contrat de ville, derived (no source gives it): overrides, then QPV → commune(s) → EPCI of
// 1 January 2015 → contrat, or the commune's own contrat. Reports its quality and two cross-checks:
// commune centres inside the contrat perimeter, and QPV populations against ANCT's published `pop`.
import { resolve } from 'node:path';
import type { Geometry } from 'geojson';
import { qpvContratTable, type QpvContrat } from '../../src/lib/schemas/territories';
import { cell, malformedReason, readCsv, requireColumns } from '../lib/csv';
import { pointInGeometry } from '../lib/geo';
import {
	assignContrats,
	resolveByPublishedPopulation,
	type RuleCommune,
	type RuleContrat
} from '../lib/qpv-contrat-rule';
import type { BuildContext, Step } from '../lib/step';

export const OVERRIDES = 'reference/qpv-contrat-overrides.csv';

function readOverrides(ctx: BuildContext, qpvs: Set<string>, contrats: Set<string>) {
	ctx.read.add(OVERRIDES);
	const ledger = ctx.ledgers.for(OVERRIDES);
	const csv = readCsv(resolve(ctx.referenceDir, OVERRIDES.slice('reference/'.length)), OVERRIDES, {
		delimiter: ','
	});
	const index = requireColumns(csv, ['qpv_code', 'contrat_code', 'reason']);
	const overrides = new Map<string, { contrat: string; reason: string }[]>();
	for (const m of csv.malformed) ledger.rejectRow(m.line, '', m.start, malformedReason(m));
	for (const row of csv.rows) {
		const qpv = cell(row, index, 'qpv_code');
		const contrat = cell(row, index, 'contrat_code');
		const reason = cell(row, index, 'reason');
		if (!qpvs.has(qpv)) ledger.rejectRow(row.line, 'qpv_code', qpv, 'QPV inconnu');
		else if (!contrats.has(contrat))
			ledger.rejectRow(row.line, 'contrat_code', contrat, 'contrat inconnu');
		else if (reason === '')
			ledger.rejectRow(row.line, 'reason', reason, 'correction sans justification');
		else {
			overrides.set(qpv, [...(overrides.get(qpv) ?? []), { contrat, reason }]);
			ledger.loaded(qpvContratTable.name);
		}
	}
	return overrides;
}

export const qpvContratStep: Step = {
	table: qpvContratTable.name,
	async run(ctx) {
		const qpvs = await ctx.db.query<{
			code: string;
			departement: string;
			main: string | null;
			pop: number | null;
		}>(
			'SELECT code, departement_code AS departement, main_commune_code AS main, population_2018 AS pop FROM qpv ORDER BY code'
		);
		const links = await ctx.db.query<{ qpv: string; commune: string }>(
			'SELECT qpv_code AS qpv, commune_code AS commune FROM qpv_communes ORDER BY qpv_code, commune_code'
		);
		const communeRows = await ctx.db.query<
			RuleCommune & { lon: number | null; lat: number | null }
		>(
			'SELECT code, epci2015_siren AS epci2015, current_code AS "currentCode", longitude AS lon, latitude AS lat FROM communes'
		);
		const contratRows = await ctx.db.query<
			RuleContrat & { geometry: string | null; published: number | null }
		>(
			`SELECT code, perimeter, epci2015_siren AS epci2015, commune_code AS commune, departement_code AS departement,
			 geometry, population_qpv_published AS published FROM contrats`
		);
		const overrides = readOverrides(
			ctx,
			new Set(qpvs.map((q) => q.code)),
			new Set(contratRows.map((c) => c.code))
		);
		const qpvCommunes = new Map<string, string[]>();
		for (const l of links) qpvCommunes.set(l.qpv, [...(qpvCommunes.get(l.qpv) ?? []), l.commune]);
		const communes = new Map(communeRows.map((c) => [c.code, c]));

		const derived = assignContrats({
			qpvs,
			qpvCommunes,
			communes,
			contrats: contratRows,
			overrides
		});
		const { unassigned } = derived;
		const popOf = new Map(qpvs.map((q) => [q.code, q.pop ?? 0]));
		const published = new Map(
			contratRows.filter((c) => c.published !== null).map((c) => [c.code, c.published!])
		);
		const assignments = resolveByPublishedPopulation(derived.assignments, popOf, published);
		const out: QpvContrat[] = [];
		const invalid: { qpv: string; reason: string }[] = [];
		for (const a of assignments) {
			const parsed = qpvContratTable.schema.safeParse({
				qpv_code: a.qpv,
				contrat_code: a.contrat,
				method: a.method,
				note: a.note
			});
			if (parsed.success) out.push(parsed.data);
			else
				invalid.push({ qpv: a.qpv, reason: `lien invalide : ${parsed.error.issues[0]?.message}` });
		}

		const perQpv = new Map<string, number>();
		for (const r of out) perQpv.set(r.qpv_code, (perQpv.get(r.qpv_code) ?? 0) + 1);
		const withQpv = new Set(out.map((r) => r.contrat_code));

		// Cross-check 1: the main commune's centre lies inside the contrat perimeter (metropole only).
		const shapes = new Map(
			contratRows
				.filter((c) => c.geometry)
				.map((c) => [c.code, JSON.parse(c.geometry!) as Geometry])
		);
		const mainOf = new Map(qpvs.map((q) => [q.code, q.main]));
		let inside = 0;
		const outside: string[] = [];
		for (const r of out) {
			const commune = communes.get(mainOf.get(r.qpv_code) ?? '');
			const shape = shapes.get(r.contrat_code);
			if (!commune || commune.lon === null || commune.lat === null || !shape) continue;
			if (pointInGeometry(commune.lon, commune.lat, shape)) inside++;
			else outside.push(`${r.qpv_code}→${r.contrat_code}`);
		}
		const spatialCandidates = (qpv: string) => {
			const commune = communes.get(mainOf.get(qpv) ?? '');
			if (!commune || commune.lon === null || commune.lat === null) return [];
			return [...shapes]
				.filter(([, g]) => pointInGeometry(commune.lon!, commune.lat!, g))
				.map(([code]) => code);
		};

		// Cross-check 2: ANCT's `pop` of a contrat is the population of its QPV (2018 vintage).
		const sums = new Map<string, number>();
		for (const r of out)
			if (perQpv.get(r.qpv_code) === 1)
				sums.set(r.contrat_code, (sums.get(r.contrat_code) ?? 0) + popOf.get(r.qpv_code)!);
		const popMismatch = contratRows
			.filter(
				(c) =>
					c.published !== null &&
					withQpv.has(c.code) &&
					Math.round(sums.get(c.code) ?? 0) !== Math.round(c.published)
			)
			.map((c) => ({
				contrat: c.code,
				publie: c.published,
				somme_qpv_2018: sums.get(c.code) ?? 0
			}));

		ctx.report.qpv_contrat = {
			qpv_total: qpvs.length,
			exactly_one: [...perQpv.values()].filter((n) => n === 1).length,
			none: qpvs.filter((q) => !perQpv.has(q.code)).length,
			several: [...perQpv.values()].filter((n) => n > 1).length,
			several_qpv: [...perQpv].filter(([, n]) => n > 1).map(([q]) => q),
			methods: Object.fromEntries(
				[...new Set(out.map((r) => r.method))]
					.sort()
					.map((m) => [m, out.filter((r) => r.method === m).length])
			),
			contrats_without_qpv: contratRows
				.filter((c) => !withQpv.has(c.code))
				.map((c) => c.code)
				.sort(),
			qpv_without_contrat: [...unassigned, ...invalid].map((u) => ({
				code: u.qpv,
				reason: u.reason,
				contrats_contenant_la_commune: spatialCandidates(u.qpv)
			})),
			controle_spatial: { commune_dans_le_perimetre: inside, hors_perimetre: outside },
			controle_population: {
				contrats_egaux: contratRows.filter((c) => withQpv.has(c.code)).length - popMismatch.length,
				ecarts: popMismatch
			}
		};
		await ctx.db.create(qpvContratTable);
		await ctx.db.insert(qpvContratTable, out);
	}
};
