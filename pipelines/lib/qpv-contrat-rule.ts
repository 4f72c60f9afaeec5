// The QPV → contrat de ville rule, pure so it can be tested: QPV → commune(s) → EPCI of 1 January
// 2015 → contrat signed on that EPCI, or the contrat signed by the commune itself; overrides first.
import type { qpvContratMethods } from '../../src/lib/schemas/territories';

export type QpvContratMethod = (typeof qpvContratMethods)[number];

export interface RuleCommune {
	code: string;
	/** EPCI of 1 January 2015 (null: the commune belonged to none, or did not exist in 2015). */
	epci2015: string | null;
	/** For a 2015 commune merged since: its COG 2022 commune. */
	currentCode: string | null;
}

export interface RuleContrat {
	code: string;
	perimeter: 'epci' | 'commune';
	epci2015: string | null;
	commune: string | null;
	departement: string | null;
}

export interface RuleInput {
	qpvs: { code: string; departement: string }[];
	/** Communes of each QPV (2015 or 2022 codes). */
	qpvCommunes: Map<string, string[]>;
	communes: Map<string, RuleCommune>;
	contrats: RuleContrat[];
	overrides: Map<string, { contrat: string; reason: string }[]>;
}

export interface Assignment {
	qpv: string;
	contrat: string;
	method: QpvContratMethod;
	note: string | null;
}

export interface Unassigned {
	qpv: string;
	reason: string;
}

/** Codes that designate the same place: the code, its 2022 commune, and its 2015 predecessors. */
function equivalentCodes(
	code: string,
	communes: Map<string, RuleCommune>,
	predecessors: Map<string, string[]>
) {
	const current = communes.get(code)?.currentCode ?? code;
	return new Set([code, current, ...(predecessors.get(current) ?? [])]);
}

export function assignContrats(input: RuleInput): {
	assignments: Assignment[];
	unassigned: Unassigned[];
} {
	const predecessors = new Map<string, string[]>();
	for (const c of input.communes.values()) {
		if (c.currentCode)
			predecessors.set(c.currentCode, [...(predecessors.get(c.currentCode) ?? []), c.code]);
	}
	const byCommune = new Map<string, RuleContrat[]>();
	const byEpci = new Map<string, RuleContrat[]>();
	const byDepartement = new Map<string, RuleContrat[]>();
	for (const c of input.contrats) {
		const index = c.perimeter === 'commune' ? byCommune : byEpci;
		const key = c.perimeter === 'commune' ? c.commune : c.epci2015;
		if (key) index.set(key, [...(index.get(key) ?? []), c]);
		if (c.departement)
			byDepartement.set(c.departement, [...(byDepartement.get(c.departement) ?? []), c]);
	}

	const assignments: Assignment[] = [];
	const unassigned: Unassigned[] = [];
	for (const qpv of input.qpvs) {
		const overrides = input.overrides.get(qpv.code);
		if (overrides?.length) {
			for (const o of overrides)
				assignments.push({ qpv: qpv.code, contrat: o.contrat, method: 'override', note: o.reason });
			continue;
		}
		const communes = input.qpvCommunes.get(qpv.code) ?? [];
		if (communes.length === 0) {
			const only = byDepartement.get(qpv.departement) ?? [];
			if (only.length === 1) {
				const note = `aucune commune connue ; seul contrat du département ${qpv.departement}`;
				assignments.push({
					qpv: qpv.code,
					contrat: only[0]!.code,
					method: 'departement_contrat_unique',
					note
				});
			} else {
				unassigned.push({
					qpv: qpv.code,
					reason: `aucune commune connue (${only.length} contrats dans le département)`
				});
			}
			continue;
		}
		// contrat code → how each commune led to it
		const found = new Map<string, { method: QpvContratMethod; paths: string[] }>();
		const misses: string[] = [];
		for (const commune of communes) {
			const codes = equivalentCodes(commune, input.communes, predecessors);
			const direct = [...codes].flatMap((c) => byCommune.get(c) ?? []);
			if (direct.length) {
				for (const c of direct) {
					const entry = found.get(c.code) ?? { method: 'commune_contrat', paths: [] };
					entry.paths.push(`commune ${commune} → contrat communal`);
					found.set(c.code, entry);
				}
				continue;
			}
			// A code that existed in 2015 has its own EPCI; a new 2022 code takes its predecessors'.
			const own = input.communes.get(commune)?.epci2015;
			const sirens = new Set(
				own
					? [own]
					: [...codes].map((c) => input.communes.get(c)?.epci2015).filter((s): s is string => !!s)
			);
			const viaEpci = [...sirens].flatMap((s) => (byEpci.get(s) ?? []).map((c) => ({ c, s })));
			for (const { c, s } of viaEpci) {
				const entry = found.get(c.code) ?? { method: 'commune_epci2015', paths: [] };
				entry.paths.push(`commune ${commune} → EPCI 2015 ${s}`);
				found.set(c.code, entry);
			}
			if (!viaEpci.length) {
				misses.push(
					sirens.size
						? `commune ${commune} : EPCI 2015 ${[...sirens].join(', ')} sans contrat`
						: `commune ${commune} : hors EPCI en 2015 et sans contrat communal`
				);
			}
		}
		if (found.size === 0) {
			unassigned.push({ qpv: qpv.code, reason: misses.join(' ; ') });
			continue;
		}
		for (const [contrat, { method, paths }] of found) {
			const note = [...paths, ...misses].join(' ; ');
			assignments.push({
				qpv: qpv.code,
				contrat,
				method: found.size > 1 ? 'commune_epci2015_multi' : method,
				note
			});
		}
	}
	return { assignments, unassigned };
}

/**
 * Settles QPV linked to several contrats with ANCT's published QPV population per contrat: within
 * each group of contrats sharing such QPV, keeps the one choice (one contrat per QPV) under which
 * every contrat's QPV population equals the published figure. No unique exact choice: unchanged.
 */
export function resolveByPublishedPopulation(
	assignments: Assignment[],
	qpvPopulation: Map<string, number>,
	published: Map<string, number>,
	maxCombinations = 4096
): Assignment[] {
	const byQpv = new Map<string, Assignment[]>();
	for (const a of assignments) byQpv.set(a.qpv, [...(byQpv.get(a.qpv) ?? []), a]);
	const base = new Map<string, number>();
	const several: string[] = [];
	for (const [qpv, list] of byQpv) {
		if (list.length > 1) {
			if (list.every((a) => a.method === 'commune_epci2015_multi')) several.push(qpv);
		} else
			base.set(list[0]!.contrat, (base.get(list[0]!.contrat) ?? 0) + (qpvPopulation.get(qpv) ?? 0));
	}
	// Groups: QPV connected through shared candidate contrats.
	const groups: string[][] = [];
	const seen = new Set<string>();
	for (const start of several) {
		if (seen.has(start)) continue;
		const group: string[] = [];
		const queue = [start];
		seen.add(start);
		while (queue.length) {
			const qpv = queue.pop()!;
			group.push(qpv);
			const contrats = new Set(byQpv.get(qpv)!.map((a) => a.contrat));
			for (const other of several) {
				if (!seen.has(other) && byQpv.get(other)!.some((a) => contrats.has(a.contrat))) {
					seen.add(other);
					queue.push(other);
				}
			}
		}
		groups.push(group.sort());
	}
	const resolved = new Map<string, Assignment>();
	for (const group of groups) {
		const options = group.map((q) => byQpv.get(q)!);
		const combinations = options.reduce((n, o) => n * o.length, 1);
		const contrats = [...new Set(options.flat().map((a) => a.contrat))];
		if (combinations > maxCombinations || contrats.some((c) => !published.has(c))) continue;
		const solutions: Assignment[][] = [];
		for (let k = 0; k < combinations; k++) {
			let rest = k;
			const pick = options.map((o) => {
				const a = o[rest % o.length]!;
				rest = Math.floor(rest / o.length);
				return a;
			});
			const sums = new Map(contrats.map((c) => [c, base.get(c) ?? 0]));
			for (const a of pick)
				sums.set(a.contrat, sums.get(a.contrat)! + (qpvPopulation.get(a.qpv) ?? 0));
			if (contrats.every((c) => Math.round(sums.get(c)!) === Math.round(published.get(c)!)))
				solutions.push(pick);
		}
		if (solutions.length !== 1) continue;
		for (const a of solutions[0]!) {
			const note = `${a.note} ; rattaché au seul contrat dont la population QPV publiée (geom_cv_ctr.json « pop ») est alors exacte`;
			resolved.set(a.qpv, { ...a, method: 'population_publiee', note });
		}
	}
	return assignments.flatMap((a) => {
		const r = resolved.get(a.qpv);
		if (!r) return [a];
		return r.contrat === a.contrat ? [r] : [];
	});
}
