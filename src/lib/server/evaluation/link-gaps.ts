// The QPV → contrat link's known gaps, computed from the data: contrats whose linked QPV population
// differs from ANCT's published one (and the QPV that explain it), links chosen by the published
// population, and QPV left without contrat.
import { explainPopulationGaps, type PopulationGap } from '$lib/domain/population-gaps';
import { memo, query } from '../db';

interface LinkRow {
	contrat_code: string;
	departement_code: string | null;
	published: number | null;
	qpv_code: string | null;
	population: number | null;
}

/** Every contrat's gap, computed once: the database never changes while the server runs. */
export const populationGaps = memo(async (): Promise<PopulationGap[]> => {
	const rows = await query<LinkRow>(
		`SELECT c.code AS contrat_code, c.departement_code, c.population_qpv_published AS published,
		        qc.qpv_code, q.population_2018 AS population
		 FROM contrats c LEFT JOIN qpv_contrat qc ON qc.contrat_code = c.code
		 LEFT JOIN qpv q ON q.code = qc.qpv_code ORDER BY c.code, qc.qpv_code`
	);
	const byContrat = new Map<string, Parameters<typeof explainPopulationGaps>[0][number]>();
	for (const r of rows) {
		const c = byContrat.get(r.contrat_code) ?? {
			code: r.contrat_code,
			departement: r.departement_code,
			published: r.published,
			qpv: []
		};
		if (r.qpv_code) c.qpv.push({ code: r.qpv_code, population: r.population });
		byContrat.set(r.contrat_code, c);
	}
	return explainPopulationGaps([...byContrat.values()]);
});

export interface PublishedChoice {
	qpv_code: string;
	qpv_name: string | null;
	contrat_code: string;
	note: string | null;
}

const publishedChoices = memo(() =>
	query<PublishedChoice>(
		`SELECT qc.qpv_code, q.name AS qpv_name, qc.contrat_code, qc.note
		 FROM qpv_contrat qc LEFT JOIN qpv q ON q.code = qc.qpv_code
		 WHERE qc.method = 'population_publiee' ORDER BY qc.contrat_code, qc.qpv_code`
	)
);

export interface QpvWithoutContrat {
	code: string;
	name: string | null;
	commune_code: string | null;
	commune: string | null;
	epci_siren: string | null;
	epci: string | null;
}

/** QPV no link reaches, with the commune and EPCI of 2015 that have no contrat in the files. */
export const qpvWithoutContrat = memo(() =>
	query<QpvWithoutContrat>(
		`SELECT q.code, q.name, m.code AS commune_code, m.name AS commune,
		        m.epci2015_siren AS epci_siren, e.name AS epci
		 FROM qpv q LEFT JOIN communes m ON m.code = q.main_commune_code
		 LEFT JOIN epci e ON e.siren = m.epci2015_siren
		 WHERE q.code NOT IN (SELECT qpv_code FROM qpv_contrat) ORDER BY q.code`
	)
);

export interface ContratLinkNotes {
	gap: PopulationGap | null;
	publishedChoices: PublishedChoice[];
}

export async function contratLinkNotes(code: string): Promise<ContratLinkNotes> {
	const [gaps, choices] = await Promise.all([populationGaps(), publishedChoices()]);
	return {
		gap: gaps.find((g) => g.code === code) ?? null,
		publishedChoices: choices.filter((c) => c.contrat_code === code)
	};
}

export interface QpvLinkNotes {
	publishedChoice: PublishedChoice | null;
	/** Gaps this QPV explains, on the side of each contrat. */
	gaps: {
		contrat: string;
		published: number;
		linked: number;
		side: 'here' | 'elsewhere';
		otherContrat: string | null;
	}[];
	withoutContrat: QpvWithoutContrat | null;
}

export async function qpvLinkNotes(code: string): Promise<QpvLinkNotes> {
	const [gaps, choices, orphans] = await Promise.all([
		populationGaps(),
		publishedChoices(),
		qpvWithoutContrat()
	]);
	return {
		publishedChoice: choices.find((c) => c.qpv_code === code) ?? null,
		gaps: gaps.flatMap((g) =>
			g.explainedBy
				.filter((q) => q.code === code)
				.map((q) => ({
					contrat: g.code,
					published: g.published,
					linked: g.linked,
					side: q.side,
					otherContrat: q.otherContrat
				}))
		),
		withoutContrat: orphans.find((o) => o.code === code) ?? null
	};
}

export async function linkGapsSummary() {
	const [gaps, choices, orphans] = await Promise.all([
		populationGaps(),
		publishedChoices(),
		qpvWithoutContrat()
	]);
	return { gaps, publishedChoices: choices.length, withoutContrat: orphans };
}
