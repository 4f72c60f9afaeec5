// Méthodologie: the figures quoted by the text come from the database (QPV → contrat methods,
// vintages and reference years, provenance of every file) and from the build report.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { z } from 'zod';
import { databasePath } from '$lib/server/db';
import { availableTables, linkQuality, territoryTypeCounts } from '$lib/server/queries/overview';
import { fileVintages, rejectTotal } from '$lib/server/queries/provenance';
import { listProvenance } from '$lib/server/queries/sources';
import { linkGapsSummary } from '$lib/server/evaluation/link-gaps';
import type { PageServerLoad } from './$types';

export const csr = false;

/** The parts of data/build/report.json the page quotes; anything else is ignored. */
const reportSchema = z.object({
	details: z.object({
		qpv_contrat: z
			.object({
				qpv_without_contrat: z.array(z.object({ code: z.string(), reason: z.string() })).optional(),
				controle_spatial: z
					.object({
						commune_dans_le_perimetre: z.number(),
						hors_perimetre: z.array(z.string())
					})
					.optional(),
				controle_population: z
					.object({ contrats_egaux: z.number(), ecarts: z.array(z.unknown()) })
					.optional()
			})
			.optional()
	})
});

function readReport() {
	const path = join(dirname(databasePath()), 'report.json');
	if (!existsSync(path)) return null;
	try {
		const parsed = reportSchema.safeParse(JSON.parse(readFileSync(path, 'utf8')));
		return parsed.success ? (parsed.data.details.qpv_contrat ?? null) : null;
	} catch {
		// An unreadable report only removes the cross-checks from the page.
		return null;
	}
}

export const load: PageServerLoad = async () => {
	const tables = await availableTables();
	const withObservations = tables.has('observations');
	const [quality, provenance, rejects] = await Promise.all([
		linkQuality(),
		listProvenance(),
		rejectTotal()
	]);
	const report = readReport();
	return {
		linkGaps: await linkGapsSummary(),
		quality,
		provenance: provenance.map(({ sha256: _sha, ...p }) => p),
		rejects,
		vintages: withObservations ? await fileVintages() : [],
		territories: withObservations ? await territoryTypeCounts() : [],
		withObservations,
		crossChecks: report
			? {
					withoutContrat: report.qpv_without_contrat ?? [],
					spatialInside: report.controle_spatial?.commune_dans_le_perimetre ?? null,
					spatialOutside: report.controle_spatial?.hors_perimetre.length ?? null,
					populationEqual: report.controle_population?.contrats_egaux ?? null,
					populationGaps: report.controle_population?.ecarts.length ?? null
				}
			: null
	};
};
