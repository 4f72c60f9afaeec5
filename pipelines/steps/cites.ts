// Cités éducatives and cités de l'emploi (ANCT GeoJSON): one row per published feature, placed at
// the mean of its points. The files carry no labelling year, so none is stored.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { z } from 'zod';
import { citesTable, type Cite } from '../../src/lib/schemas/dispositifs';
import { SourceFileError } from '../lib/csv';
import type { BuildContext, Step } from '../lib/step';

export type CiteKind = Cite['kind'];

export const CITE_FILES: { kind: CiteKind; path: string }[] = [
	{ kind: 'cite_educative', path: 'dispositifs/citeduc_geom.geojson' },
	{ kind: 'cite_emploi', path: 'dispositifs/cde_geom.geojson' }
];

const propertiesSchema = z.object({
	id_territoire: z.string({ error: 'identifiant absent' }).trim().min(1, 'identifiant vide'),
	lib_territoire: z.string({ error: 'nom absent' }).trim().min(1, 'nom vide'),
	liste_geo: z.string({ error: 'liste des communes absente' })
});

export interface CiteFeature {
	/** 1-based position in the `features` array (GeoJSON has no lines). */
	index: number;
	properties: unknown;
	geometry: unknown;
}

/** Reads a GeoJSON FeatureCollection and marks it as read. */
export function readFeatures(ctx: BuildContext, relPath: string): CiteFeature[] {
	ctx.read.add(relPath);
	let data: { features?: unknown };
	try {
		data = JSON.parse(readFileSync(resolve(ctx.rawDir, relPath), 'utf-8'));
	} catch (e) {
		throw new SourceFileError(relPath, `GeoJSON illisible (${(e as Error).message})`);
	}
	if (!Array.isArray(data?.features))
		throw new SourceFileError(relPath, 'FeatureCollection attendue');
	return data.features.map((f: { properties?: unknown; geometry?: unknown }, i: number) => ({
		index: i + 1,
		properties: f?.properties,
		geometry: f?.geometry
	}));
}

export function parseCiteProperties(properties: unknown) {
	return propertiesSchema.safeParse(properties);
}

/** Mean longitude/latitude of a Point or MultiPoint; null for an empty or other geometry. */
export function meanLonLat(geometry: unknown): { longitude: number; latitude: number } | null {
	const g = geometry as { type?: string; coordinates?: unknown } | null;
	let points: unknown[] = [];
	if (g?.type === 'Point') points = [g.coordinates];
	else if (g?.type === 'MultiPoint' && Array.isArray(g.coordinates)) points = g.coordinates;
	const valid = points.filter(
		(p): p is number[] =>
			Array.isArray(p) && p.length >= 2 && Number.isFinite(p[0]) && Number.isFinite(p[1])
	);
	if (valid.length === 0 || valid.length !== points.length) return null;
	const mean = (k: 0 | 1) => valid.reduce((s, p) => s + p[k]!, 0) / valid.length;
	return { longitude: mean(0), latitude: mean(1) };
}

export const citesStep: Step = {
	table: citesTable.name,
	async run(ctx: BuildContext) {
		await ctx.db.create(citesTable);
		const rows: Cite[] = [];
		const report: Record<string, { features: number; labels: number; without_point: number }> = {};
		for (const { kind, path } of CITE_FILES) {
			const ledger = ctx.ledgers.for(path);
			const labels = new Set<string>();
			const ids = new Set<string>();
			let withoutPoint = 0;
			for (const feature of readFeatures(ctx, path)) {
				const parsed = parseCiteProperties(feature.properties);
				if (!parsed.success) {
					const issue = parsed.error.issues[0]!;
					const column = String(issue.path[0] ?? 'properties');
					const value = (feature.properties as Record<string, unknown> | null)?.[column];
					ledger.rejectRow(
						feature.index,
						column,
						JSON.stringify(value) ?? '(absent)',
						issue.message
					);
					continue;
				}
				const point = meanLonLat(feature.geometry);
				if (!point) {
					withoutPoint++;
					const type = (feature.geometry as { type?: string } | null)?.type ?? 'absente';
					ledger.rejectCell(
						feature.index,
						'geometry',
						type,
						'géométrie sans point : coordonnées absentes'
					);
				}
				const row = {
					kind,
					id: parsed.data.id_territoire,
					name: parsed.data.lib_territoire,
					communes_label: parsed.data.liste_geo.trim(),
					longitude: point?.longitude ?? null,
					latitude: point?.latitude ?? null,
					source_path: path
				};
				const checked = citesTable.schema.safeParse(row);
				if (!checked.success) {
					const issue = checked.error.issues[0]!;
					ledger.rejectRow(
						feature.index,
						String(issue.path[0]),
						JSON.stringify(row),
						`refusé par le schéma : ${issue.message}`
					);
					continue;
				}
				if (ids.has(row.id)) {
					ledger.rejectRow(
						feature.index,
						'id_territoire',
						row.id,
						'identifiant en double dans le fichier'
					);
					continue;
				}
				ids.add(row.id);
				// One feature may hold several labels sharing a point ('cite-002 ; cite-127').
				for (const id of row.id.split(';')) labels.add(id.trim());
				ledger.loaded(citesTable.name);
				rows.push(checked.data);
			}
			report[path] = {
				features: rows.filter((r) => r.kind === kind).length,
				labels: labels.size,
				without_point: withoutPoint
			};
		}
		await ctx.db.insert(citesTable, rows);
		ctx.report[citesTable.name] = report;
	}
};
