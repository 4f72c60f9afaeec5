// Communes: the COG 2022 (decoupage-administratif) plus the 2015 communes of epcicom2015 merged
// since ('ancienne', linked to their 2022 commune), with their EPCI at 1 January 2015 and coordinates
// (mean of La Poste's rows per INSEE code, else the older radian list, which still has merged communes).
import { communesTable, type Commune } from '../../src/lib/schemas/territories';
import { cell, requireColumns } from '../lib/csv';
import { readDecoupage, type CogCommune } from '../lib/decoupage';
import { parseFrenchNumber } from '../lib/french-number';
import { scanRawCsv, type BuildContext, type Step } from '../lib/step';
import { readEpcicom } from './epci';

const LAPOSTE = 'communes-coordonnees/laposte_hexasmal.csv';
const RADIANS = 'communes-coordonnees/codesinseecommunesgeolocalisees.csv';

/** Plain decimal, or scientific notation near the Greenwich meridian (`3.39E-05`). */
function parseDecimal(raw: string): number | null {
	return /^[-+]?\d+(\.\d+)?(E[-+]?\d+)?$/i.test(raw.trim()) ? Number(raw.trim()) : null;
}

/** The older list wrote codes as numbers (`1001`) and coordinates in radians. */
export function parseRadianRow(code: string, lon: string, lat: string) {
	const x = parseDecimal(lon);
	const y = parseDecimal(lat);
	if (x === null || y === null || !/^\d{1,5}$|^2[AB]\d{3}$/.test(code)) return null;
	return {
		code: code.padStart(5, '0'),
		longitude: (x * 180) / Math.PI,
		latitude: (y * 180) / Math.PI
	};
}

/** 2022 commune of a 2015 code: déléguée/associée chef-lieu first, else the `anciensCodes` lists. */
export function currentCodeIndex(cog: CogCommune[]): Map<string, string> {
	const index = new Map<string, string>();
	for (const c of cog) {
		if (c.type === 'commune-actuelle') {
			for (const old of c.anciensCodes ?? []) if (!index.has(old)) index.set(old, c.code);
		}
	}
	for (const c of cog) {
		if ((c.type === 'commune-deleguee' || c.type === 'commune-associee') && c.chefLieu) {
			index.set(c.code, c.chefLieu);
		}
	}
	return index;
}

type Point = { longitude: number; latitude: number };

function laPostePoints(ctx: BuildContext, known: Map<string, string>): Map<string, Point> {
	const sums = new Map<string, { lon: number; lat: number; n: number }>();
	// Row by row: the file's rows are never held at once (their garbage dies young).
	scanRawCsv(ctx, LAPOSTE, { delimiter: ';' }, (header, ledger) => {
		const index = requireColumns(header, ['Code_commune_INSEE', 'latitude', 'longitude']);
		return (row) => {
			const raw = cell(row, index, 'Code_commune_INSEE');
			const code = known.get(raw);
			const lat = parseFrenchNumber(cell(row, index, 'latitude'));
			const lon = parseFrenchNumber(cell(row, index, 'longitude'));
			if (!code) {
				ledger.rejectRow(
					row.line,
					'Code_commune_INSEE',
					raw,
					'code commune inconnu du COG 2022 et de 2015'
				);
			} else if (lat.kind !== 'number' || lon.kind !== 'number') {
				ledger.rejectRow(
					row.line,
					'latitude',
					cell(row, index, 'latitude'),
					'coordonnées illisibles'
				);
			} else {
				let s = sums.get(code);
				if (!s) sums.set(code, (s = { lon: 0, lat: 0, n: 0 }));
				s.lon += lon.value;
				s.lat += lat.value;
				s.n++;
				ledger.loaded(communesTable.name);
			}
		};
	});
	const round = (v: number) => Math.round(v * 1e6) / 1e6;
	return new Map(
		[...sums].map(([code, s]) => [
			code,
			{ longitude: round(s.lon / s.n), latitude: round(s.lat / s.n) }
		])
	);
}

/** Rows of the older list count as loaded when they match a commune, even where La Poste wins. */
function radianPoints(ctx: BuildContext, known: Map<string, string>): Map<string, Point> {
	const points = new Map<string, Point>();
	const round = (v: number) => Math.round(v * 1e6) / 1e6;
	scanRawCsv(ctx, RADIANS, { delimiter: ',' }, (header, ledger) => {
		const index = requireColumns(header, ['Insee', 'longitude_radian', 'latitude_radian']);
		return (row) => {
			const raw = cell(row, index, 'Insee');
			const p = parseRadianRow(
				raw,
				cell(row, index, 'longitude_radian'),
				cell(row, index, 'latitude_radian')
			);
			if (!p) {
				const value = `${raw};${cell(row, index, 'longitude_radian')};${cell(row, index, 'latitude_radian')}`;
				ledger.rejectRow(row.line, 'Insee', value, 'code ou coordonnées illisibles');
			} else if (!known.has(p.code)) {
				ledger.rejectRow(row.line, 'Insee', raw, `code ${p.code} inconnu du COG 2022 et de 2015`);
			} else {
				points.set(p.code, { longitude: round(p.longitude), latitude: round(p.latitude) });
				ledger.loaded(communesTable.name);
			}
		};
	});
	return points;
}

export const communesStep: Step = {
	table: communesTable.name,
	async run(ctx) {
		const { items: cog, ledger: cogLedger } = readDecoupage<CogCommune>(ctx, 'communes');
		const { rows: epcicom, ledger: epcicomLedger } = readEpcicom(ctx);
		epcicomLedger.tables.add(communesTable.name);
		const regions = new Set(
			(await ctx.db.query<{ code: string }>('SELECT code FROM regions')).map((r) => r.code)
		);
		const depRegion = new Map(
			(
				await ctx.db.query<{ code: string; region_code: string | null }>(
					'SELECT code, region_code FROM departements'
				)
			).map((d) => [d.code, d.region_code])
		);
		const epci2015 = new Map(epcicom.map((r) => [r.communeCode, r]));
		const current = currentCodeIndex(cog);

		const candidates: { line: number; ledgerLine: 'cog' | 'epcicom'; row: Commune }[] = [];
		cog.forEach((c, i) => {
			// Délégués, associées and arrondissements are not communes: they only link codes.
			if (c.type !== 'commune-actuelle') return cogLedger.aggregate();
			const row: Commune = {
				code: c.code,
				name: c.nom,
				departement_code: c.departement,
				region_code: regions.has(c.region) ? c.region : null,
				kind: 'actuelle',
				current_code: null,
				epci2015_siren: epci2015.get(c.code)?.siren ?? null,
				population: c.population ?? null,
				longitude: null,
				latitude: null
			};
			candidates.push({ line: i + 1, ledgerLine: 'cog', row });
		});
		const actuelles = new Set(candidates.map((c) => c.row.code));
		const unresolved: string[] = [];
		for (const r of epcicom) {
			if (actuelles.has(r.communeCode)) continue;
			const currentCode = current.get(r.communeCode) ?? null;
			if (!currentCode) unresolved.push(r.communeCode);
			candidates.push({
				line: r.line,
				ledgerLine: 'epcicom',
				row: {
					code: r.communeCode,
					name: r.communeName,
					departement_code: r.communeDepartement,
					region_code: depRegion.get(r.communeDepartement) ?? null,
					kind: 'ancienne',
					current_code: currentCode,
					epci2015_siren: r.siren,
					// No population of the same vintage as the COG 2022 one for a merged commune.
					population: null,
					longitude: null,
					latitude: null
				}
			});
		}

		// Arrondissements' postal rows locate their commune (Paris, Lyon, Marseille have no own rows).
		const known = new Map(candidates.map((c) => [c.row.code, c.row.code]));
		for (const c of cog)
			if (c.type === 'arrondissement-municipal' && c.commune) known.set(c.code, c.commune);
		const laPoste = laPostePoints(ctx, known);
		const radians = radianPoints(ctx, new Map(candidates.map((c) => [c.row.code, c.row.code])));

		const out: Commune[] = [];
		for (const { line, ledgerLine, row } of candidates) {
			const point = laPoste.get(row.code) ?? radians.get(row.code);
			const parsed = communesTable.schema.safeParse({ ...row, ...point });
			const ledger = ledgerLine === 'cog' ? cogLedger : epcicomLedger;
			if (!parsed.success) {
				const issue = parsed.error.issues[0];
				const column = String(issue?.path[0] ?? 'code');
				const value = String((row as Record<string, unknown>)[column] ?? '');
				const reason = `commune ${row.code} invalide : ${issue?.message} (« ${value} »)`;
				// epcicom rows are counted by the epci step: only the cell is rejected here.
				if (ledgerLine === 'cog') ledger.rejectRow(line, column, value, reason);
				else ledger.rejectCell(line, column, value, reason);
				continue;
			}
			out.push(parsed.data);
			if (ledgerLine === 'cog') ledger.loaded(communesTable.name);
		}
		ctx.report.communes = {
			actuelles: out.filter((c) => c.kind === 'actuelle').length,
			anciennes: out.filter((c) => c.kind === 'ancienne').length,
			anciennes_sans_commune_2022: unresolved.sort(),
			sans_coordonnees: out.filter((c) => c.latitude === null).map((c) => c.code)
		};
		await ctx.db.create(communesTable);
		await ctx.db.insert(communesTable, out);
	}
};
