// Contrats de ville 2015–2020: perimeters of cv.topojson (431) and centroids of geom_cv_ctr.json
// (434 features, 433 codes: CV043 has one per département), joined on the contrat code.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { feature } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';
import type { Geometry, Position } from 'geojson';
import { contratsTable, type Contrat } from '../../src/lib/schemas/territories';
import { SourceFileError } from '../lib/csv';
import type { BuildContext, Step } from '../lib/step';

const TOPOJSON = 'contrats-de-ville/cv.topojson';
const CENTROIDS = 'contrats-de-ville/geom_cv_ctr.json';

interface TopoProps {
	id: string;
	lib: string | null;
	perimetre: string;
	nbcom: number | null;
	info2: number | string | null;
}

interface CentroidProps {
	code_cv: string;
	lib_cv: string;
	insee_dep: string;
	codgeo: string;
	pop: number | null;
}

function readJson<T>(ctx: BuildContext, path: string): T {
	ctx.read.add(path);
	try {
		return JSON.parse(readFileSync(resolve(ctx.rawDir, path), 'utf-8')) as T;
	} catch (e) {
		throw new SourceFileError(path, `JSON illisible (${(e as Error).message})`);
	}
}

/** "01 - CC de la Plaine de l'Ain" → "CC de la Plaine de l'Ain". */
export function stripDepartementPrefix(label: string): string {
	return label.replace(/^\s*(\d{2,3}|2[AB])\s+-\s+/, '').trim();
}

/** Rounds a geometry's coordinates and drops the points that rounding made consecutive duplicates. */
export function roundGeometry(geometry: Geometry, decimals: number): Geometry {
	const f = 10 ** decimals;
	const point = (p: Position): Position => [Math.round(p[0]! * f) / f, Math.round(p[1]! * f) / f];
	const ring = (r: Position[]): Position[] => {
		const out: Position[] = [];
		for (const p of r.map(point)) {
			const last = out[out.length - 1];
			if (!last || last[0] !== p[0] || last[1] !== p[1]) out.push(p);
		}
		// A ring needs 4 positions; keep the unrounded-shape ring if rounding collapsed it.
		return out.length >= 4 ? out : r.map(point);
	};
	switch (geometry.type) {
		case 'Polygon':
			return { type: 'Polygon', coordinates: geometry.coordinates.map(ring) };
		case 'MultiPolygon':
			return { type: 'MultiPolygon', coordinates: geometry.coordinates.map((p) => p.map(ring)) };
		default:
			return geometry;
	}
}

/** A 5-character `codgeo` is a commune (contrat signed by a commune), 9 digits an EPCI SIREN. */
export function perimeterOf(codgeo: string | undefined, topoPerimeter: string | undefined) {
	if (codgeo && /^(\d{5}|2[AB]\d{3})$/.test(codgeo)) return 'commune' as const;
	if (codgeo && /^\d{9}$/.test(codgeo)) return 'epci' as const;
	return topoPerimeter === 'commune' ? ('commune' as const) : ('epci' as const);
}

export const contratsStep: Step = {
	table: contratsTable.name,
	async run(ctx) {
		const topology = readJson<Topology<{ zonage: GeometryCollection<TopoProps> }>>(ctx, TOPOJSON);
		const centroids = readJson<{
			features: { properties: CentroidProps; geometry: { coordinates: number[] } }[];
		}>(ctx, CENTROIDS);
		const topoLedger = ctx.ledgers.for(TOPOJSON);
		const ctrLedger = ctx.ledgers.for(CENTROIDS);
		if (!topology.objects?.zonage) throw new SourceFileError(TOPOJSON, 'objet « zonage » absent');

		const shapes = new Map<string, { line: number; props: TopoProps; geometry: Geometry }>();
		const collection = feature(topology, topology.objects.zonage);
		collection.features.forEach((f, i) => {
			shapes.set(f.properties.id, { line: i + 1, props: f.properties, geometry: f.geometry });
		});
		const points = new Map<
			string,
			{ line: number; props: CentroidProps; coordinates: number[] }[]
		>();
		centroids.features.forEach((f, i) => {
			const list = points.get(f.properties.code_cv) ?? [];
			list.push({ line: i + 1, props: f.properties, coordinates: f.geometry.coordinates });
			points.set(f.properties.code_cv, list);
		});

		const out: Contrat[] = [];
		const domGeometry: string[] = [];
		const multiDepartement: { code: string; departements: string[]; pop: (number | null)[] }[] = [];
		for (const code of [...new Set([...shapes.keys(), ...points.keys()])].sort()) {
			const shape = shapes.get(code);
			const pts = points.get(code) ?? [];
			const first = pts[0]?.props;
			if (pts.length > 1) {
				multiDepartement.push({
					code,
					departements: pts.map((p) => p.props.insee_dep),
					pop: pts.map((p) => p.props.pop)
				});
			}
			const perimeter = perimeterOf(first?.codgeo, shape?.props.perimetre);
			const info2 =
				shape?.props.info2 != null && shape.props.info2 !== 'NA' ? String(shape.props.info2) : null;
			const siren = perimeter === 'epci' ? (first?.codgeo ?? info2) : null;
			if (perimeter === 'epci' && first && info2 && info2 !== first.codgeo) {
				topoLedger.rejectCell(
					shape!.line,
					'info2',
					info2,
					`SIREN différent de codgeo ${first.codgeo} (geom_cv_ctr.json retenu)`
				);
			}
			const departement = first?.insee_dep ?? null;
			// cv.topojson draws the outre-mer contrats as insets moved next to metropolitan France.
			const outreMer = departement !== null && /^9[78]/.test(departement);
			if (shape && outreMer) {
				domGeometry.push(code);
				topoLedger.rejectCell(
					shape.line,
					'geometry',
					code,
					'géométrie outre-mer déplacée en encart (coordonnées non WGS84) : écartée'
				);
			}
			const pops = pts.map((p) => p.props.pop).filter((p): p is number => typeof p === 'number');
			const parsed = contratsTable.schema.safeParse({
				code,
				name: shape?.props.lib?.trim() || (first ? stripDepartementPrefix(first.lib_cv) : ''),
				perimeter,
				commune_count: shape?.props.nbcom ?? null,
				epci2015_siren: siren,
				commune_code: perimeter === 'commune' ? (first?.codgeo ?? null) : null,
				departement_code: departement,
				population_qpv_published: pops.length ? pops.reduce((a, b) => a + b, 0) : null,
				longitude: pts[0]?.coordinates[0] ?? null,
				latitude: pts[0]?.coordinates[1] ?? null,
				geometry: shape && !outreMer ? JSON.stringify(roundGeometry(shape.geometry, 4)) : null
			});
			if (!parsed.success) {
				const issue = parsed.error.issues[0];
				const reason = `contrat ${code} invalide : ${issue?.message} (${String(issue?.path[0])})`;
				if (shape) topoLedger.rejectRow(shape.line, String(issue?.path[0] ?? 'id'), code, reason);
				for (const p of pts)
					ctrLedger.rejectRow(p.line, String(issue?.path[0] ?? 'code_cv'), code, reason);
				continue;
			}
			out.push(parsed.data);
			if (shape) topoLedger.loaded(contratsTable.name);
			if (pts.length) ctrLedger.loaded(contratsTable.name, pts.length);
		}
		ctx.report.contrats = {
			total: out.length,
			perimetre_commune: out.filter((c) => c.perimeter === 'commune').length,
			sans_perimetre: [...points.keys()].filter((c) => !shapes.has(c)).sort(),
			sans_centroide: [...shapes.keys()].filter((c) => !points.has(c)).sort(),
			multi_departement: multiDepartement,
			geometrie_outre_mer_ecartee: domGeometry
		};
		await ctx.db.create(contratsTable);
		await ctx.db.insert(contratsTable, out);
	}
};
