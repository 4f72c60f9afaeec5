// Loads the indicator catalogue (data/reference/indicators.csv) after validating every row, and checks
// the Hackaviz definitions against the producer's own data dictionary (meta_qp.csv).
import { resolve } from 'node:path';
import { indicatorsTable } from '../../src/lib/schemas/indicators';
import { readCsv, SourceFileError } from '../lib/csv';
import { parseCatalogue, splitList } from '../lib/observations/catalogue';
import {
	hackavizContoursMetaPath,
	hackavizMetaPath,
	readHackavizMeta
} from '../lib/observations/hackaviz';
import { readRawCsv, type Step } from '../lib/step';

export const CATALOGUE_PATH = 'reference/indicators.csv';

export const indicatorsStep: Step = {
	table: indicatorsTable.name,
	async run(ctx) {
		ctx.read.add(CATALOGUE_PATH);
		const csv = readCsv(resolve(ctx.referenceDir, 'indicators.csv'), CATALOGUE_PATH);
		const indicators = parseCatalogue(csv, ctx.ledgers.for(CATALOGUE_PATH));

		const hackaviz = indicators.filter((i) =>
			splitList(i.source).includes('qpv-occitanie-hackaviz')
		);
		const columns = new Set(
			hackaviz.flatMap((i) => splitList(i.source_columns).map((c) => c.toLowerCase()))
		);
		const meta = readRawCsv(ctx, hackavizMetaPath);
		const descriptions = readHackavizMeta(meta.csv, meta.ledger, columns);
		for (const indicator of hackaviz) {
			// Whitespace compared loosely: the dictionary has no-break spaces inside sentences.
			const expected = descriptions
				.get(indicator.source_columns.toLowerCase())
				?.replace(/\s+/g, ' ');
			if (indicator.definition.replace(/\s+/g, ' ') !== expected) {
				throw new SourceFileError(
					CATALOGUE_PATH,
					`définition de ${indicator.id} différente du dictionnaire meta_qp.csv (« ${expected} »)`
				);
			}
		}
		// meta_contours_qp.csv documents qp.geojson (loaded by the territories step): its rows are
		// notes, counted as such so the file is accounted for.
		const contours = readRawCsv(ctx, hackavizContoursMetaPath);
		contours.ledger.aggregate(contours.csv.rows.length);

		await ctx.db.create(indicatorsTable);
		await ctx.db.insert(indicatorsTable, indicators);
	}
};
