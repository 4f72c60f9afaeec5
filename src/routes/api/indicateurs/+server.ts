// JSON catalogue of the indicators (same content as /indicateurs), optionally for one pillar:
// `?pilier=cohesion_sociale`. A bad value answers 400 with `{ "erreur": "…" }`.
import { json } from '@sveltejs/kit';
import { catalogueFilters, getCatalogue } from '$lib/server/queries/indicators';
import { availableTables } from '$lib/server/queries/overview';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = async ({ url }) => {
	const raw = url.searchParams.get('pilier');
	const parsed = catalogueFilters.safeParse({
		pilier: raw === null || raw === '' ? undefined : raw
	});
	if (!parsed.success) {
		return json(
			{ erreur: `Filtre invalide : ${parsed.error.issues[0]!.message}.` },
			{ status: 400 }
		);
	}
	const tables = await availableTables();
	if (!tables.has('indicators')) {
		return json(
			{ erreur: 'Le catalogue des indicateurs n’est pas encore construit.' },
			{ status: 503 }
		);
	}
	const entries = await getCatalogue(parsed.data, tables.has('observations'));
	return json({
		pilier: parsed.data.pilier ?? null,
		nombre: entries.length,
		indicateurs: entries.map((e) => ({
			id: e.id,
			libelle: e.label,
			unite: e.unit,
			theme: e.theme,
			pilier: e.pillar,
			pilier_libelle: e.pillar_label,
			sens: e.direction,
			sens_libelle: e.direction_text,
			definition: e.definition,
			source: e.source,
			colonnes_source: e.source_columns.split('|'),
			agregation: e.aggregation,
			agregation_libelle: e.aggregation_text,
			numerateur: e.numerator_id,
			denominateur: e.denominator_id,
			note_comparabilite: e.comparability_note,
			millesimes: e.vintages.map((v) => ({
				millesime: v.vintage,
				annees_reference: v.reference_years,
				fichiers: v.source_paths,
				qpv_publies: v.qpv_ok,
				qpv_secret: v.qpv_secret
			})),
			sources: e.sources
		}))
	});
};
