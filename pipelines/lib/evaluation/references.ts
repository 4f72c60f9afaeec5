// Which territories a QPV is compared with in each data year: each of its communes (or the commune
// nouvelle that absorbed it), the EPCI that contained its main commune in that year's geography,
// its département, and France métropolitaine only for a metropolitan QPV.
import type { QpvReference } from '../../../src/lib/schemas/evaluation';

export interface QpvInput {
	code: string;
	departement_code: string | null;
	main_commune_code: string | null;
	communes: string[];
}

/** EPCI membership of one geography year: commune code → EPCI SIREN. */
export interface Membership {
	year: number;
	label: string;
	epciOf: Map<string, string>;
}

export interface ReferenceInputs {
	/** Territory codes with Filosofi values, per data year and territory type. */
	published: Map<number, { commune: Set<string>; epci: Set<string>; departement: Set<string> }>;
	/** Old commune code → the commune nouvelle that absorbed it. */
	currentCode: Map<string, string>;
	memberships: Membership[];
}

export function isOverseas(departement: string | null): boolean {
	return departement !== null && departement.startsWith('97');
}

/**
 * Geographies closest to the year after the data year first (Filosofi AAAA is published on the
 * geography of 1 January AAAA+1: FILO2014_DISP_EPCI lists the EPCI of 2015), later first on ties.
 */
export function membershipsFor(year: number, memberships: Membership[]): Membership[] {
	const target = year + 1;
	return [...memberships].sort(
		(a, b) => Math.abs(a.year - target) - Math.abs(b.year - target) || b.year - a.year
	);
}

export function resolveReferences(
	qpv: QpvInput,
	years: number[],
	inputs: ReferenceInputs
): QpvReference[] {
	const out: QpvReference[] = [];
	const communes = [...new Set(qpv.communes)].sort();
	const main = qpv.main_commune_code ?? communes[0] ?? null;
	for (const year of years) {
		const pub = inputs.published.get(year);
		if (!pub) continue;
		const row = (kind: QpvReference['reference_kind'], code: string, method: string) =>
			out.push({
				qpv_code: qpv.code,
				data_year: year,
				reference_kind: kind,
				territory_type: kind,
				territory_code: code,
				method
			});
		for (const c of communes) {
			const current = inputs.currentCode.get(c);
			if (pub.commune.has(c)) row('commune', c, 'commune du QPV');
			else if (current && pub.commune.has(current))
				row('commune', current, `commune nouvelle ${current} qui a absorbé ${c}`);
		}
		const epci = findEpci(main, communes, year, inputs);
		if (epci) row('epci', epci.code, epci.method);
		if (qpv.departement_code && pub.departement.has(qpv.departement_code))
			row('departement', qpv.departement_code, 'département du QPV');
		if (!isOverseas(qpv.departement_code)) {
			out.push({
				qpv_code: qpv.code,
				data_year: year,
				reference_kind: 'france_metropolitaine',
				territory_type: 'france_metropolitaine',
				territory_code: 'FRM',
				method: 'QPV métropolitain'
			});
		}
	}
	return out;
}

/** The first EPCI, by closeness of geography, that contains the commune and has that year's figures. */
function findEpci(
	main: string | null,
	communes: string[],
	year: number,
	inputs: ReferenceInputs
): { code: string; method: string } | null {
	const pub = inputs.published.get(year)!;
	const order = main ? [main, ...communes.filter((c) => c !== main)] : communes;
	for (const m of membershipsFor(year, inputs.memberships)) {
		for (const c of order) {
			const code = m.epciOf.get(c) ?? m.epciOf.get(inputs.currentCode.get(c) ?? '');
			if (code && pub.epci.has(code)) {
				return { code, method: `EPCI de la commune ${c} dans ${m.label}` };
			}
		}
	}
	return null;
}
