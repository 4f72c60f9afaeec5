// The QPV of a contrat placed on a map: boundary when published (Occitanie), else the position of
// the QPV's main commune; used by the QPV fiche to show where the quartier sits in its contrat.
import { query } from '../db';

export interface QpvPlaceRow {
	code: string;
	name: string | null;
	geometry: string | null;
	longitude: number | null;
	latitude: number | null;
	commune: string | null;
}

export function getContratQpvPlaces(contratCode: string): Promise<QpvPlaceRow[]> {
	return query<QpvPlaceRow>(
		`SELECT q.code, q.name, b.geometry, m.longitude, m.latitude, m.name AS commune
		 FROM qpv_contrat qc JOIN qpv q ON q.code = qc.qpv_code
		 LEFT JOIN qpv_boundaries b ON b.qpv_code = q.code
		 LEFT JOIN communes m ON m.code = q.main_commune_code
		 WHERE qc.contrat_code = $1 ORDER BY q.code`,
		[contratCode]
	);
}
