// Test helper: the link target ids read straight from the raw files (the built database may not
// exist during a test run): Baromètre Etalab slugs, DITP ids that have a series file, dispositifs,
// and the indicator catalogue (data/reference/indicators.csv) for 'indicateur' links.
import { existsSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { cell, readCsv, requireColumns } from '../../../pipelines/lib/csv';

const raw = resolve('data/raw');

export function rawBarometreIds(): Set<string> {
	const ids = new Set<string>();
	const etalab = readCsv(
		join(raw, 'barometre-etalab/barometre-resultats-detail-national.csv'),
		'etalab'
	);
	const etalabIndex = requireColumns(etalab, ['id_indicateur']);
	for (const row of etalab.rows) ids.add(cell(row, etalabIndex, 'id_indicateur'));
	const ditp = readCsv(join(raw, 'barometre-ditp/meta_indicateurs.csv'), 'ditp');
	const ditpIndex = requireColumns(ditp, ['indic_id']);
	for (const row of ditp.rows) {
		const id = cell(row, ditpIndex, 'indic_id');
		if (existsSync(join(raw, `barometre-ditp/${id.toLowerCase()}.csv`))) ids.add(id);
	}
	return ids;
}

/** A dispositif kind exists when its raw files are present. */
export function rawDispositifKinds(): Set<string> {
	const kinds = new Set<string>();
	const cv = readdirSync(join(raw, 'contrats-de-ville'));
	if (cv.some((f) => /^adulte-relais-\d{4}\.json$/.test(f))) kinds.add('adulte_relais');
	if (cv.some((f) => /^postes-fonjep-\d{4}\.json$/.test(f))) kinds.add('fonjep');
	if (existsSync(join(raw, 'dispositifs/citeduc_geom.geojson'))) kinds.add('cite_educative');
	if (existsSync(join(raw, 'dispositifs/cde_geom.geojson'))) kinds.add('cite_emploi');
	return kinds;
}

/** Ids of the indicator catalogue, empty when the catalogue is not there yet. */
export function catalogueIndicatorIds(): Set<string> {
	const path = resolve('data/reference/indicators.csv');
	if (!existsSync(path)) return new Set();
	const csv = readCsv(path, 'reference/indicators.csv');
	const index = requireColumns(csv, ['id']);
	return new Set(csv.rows.map((row) => cell(row, index, 'id')));
}

/** Whether a link target exists in the raw files or the indicator catalogue. */
export function rawTargetExists(link: { target_kind: string; target_id: string }): boolean {
	targets ??= {
		barometre: rawBarometreIds(),
		indicateur: catalogueIndicatorIds(),
		dispositif: rawDispositifKinds()
	};
	return targets[link.target_kind]?.has(link.target_id) ?? false;
}

let targets: Record<string, Set<string>> | undefined;
