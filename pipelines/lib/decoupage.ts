// Reads the INSEE COG 2022 shipped by the npm package @etalab/decoupage-administratif (pinned 2.3.1),
// recording each file as a source under a stable `npm/…` path so provenance can hash it.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { SourceLedger } from './ledger';
import { cachedParse } from './parse-cache';
import { readOnce } from './read-once';
import type { BuildContext } from './step';

export const DECOUPAGE_PACKAGE = '@etalab/decoupage-administratif';
export const DECOUPAGE_VERSION = '2.3.1';

export interface CogRegion {
	code: string;
	nom: string;
	zone?: string;
}

export interface CogDepartement {
	code: string;
	nom: string;
	region: string;
	zone?: string;
}

export interface CogCommune {
	code: string;
	nom: string;
	type: 'commune-actuelle' | 'commune-deleguee' | 'commune-associee' | 'arrondissement-municipal';
	departement: string;
	region: string;
	population?: number;
	chefLieu?: string;
	/** For an arrondissement municipal: the commune it belongs to. */
	commune?: string;
	anciensCodes?: string[];
}

export type DecoupageFile = 'regions' | 'departements' | 'communes' | 'arrondissements';

/** Ledger path of one data file of the package, e.g. `npm/@etalab/…@2.3.1/data/communes.json`. */
export function decoupagePath(file: DecoupageFile): string {
	return `npm/${DECOUPAGE_PACKAGE}@${DECOUPAGE_VERSION}/data/${file}.json`;
}

function packageDir(): string {
	const require = createRequire(import.meta.url);
	return dirname(require.resolve(`${DECOUPAGE_PACKAGE}/package.json`));
}

/**
 * Loads a data file, checking the installed version is the pinned one (the provenance says so).
 * Parsed once per build for all its readers (`last`: the last of them; see ./read-once.ts).
 */
export function readDecoupage<T>(
	ctx: BuildContext,
	file: DecoupageFile,
	last = false
): { items: T[]; ledger: SourceLedger; path: string } {
	const dir = packageDir();
	const version = (
		JSON.parse(readFileSync(join(dir, 'package.json'), 'utf-8')) as { version: string }
	).version;
	if (version !== DECOUPAGE_VERSION) {
		throw new Error(
			`${DECOUPAGE_PACKAGE} installé en ${version}, attendu ${DECOUPAGE_VERSION} (COG 2022)`
		);
	}
	const path = decoupagePath(file);
	ctx.read.add(path);
	const items = readOnce(ctx, path, () => parseFile(join(dir, 'data', `${file}.json`), file), last);
	return { items: items as T[], ledger: ctx.ledgers.for(path), path };
}

function parseFile(absPath: string, file: DecoupageFile): unknown[] {
	if (file !== 'communes') return JSON.parse(readFileSync(absPath, 'utf-8')) as unknown[];
	// 8.6 MB, of which the steps read a third: decoding and parsing it all took 0.2–0.5 s of CPU.
	return cachedParse('decoupage-communes', readFileSync(absPath), communeFields);
}

/** The fields of CogCommune only (postal codes, SIREN, zone… dropped), absent ones left absent. */
function communeFields(bytes: Buffer): CogCommune[] {
	const all = JSON.parse(bytes.toString('utf-8')) as CogCommune[];
	return all.map((c) => {
		const kept: Partial<CogCommune> = {};
		for (const key of [
			'code',
			'nom',
			'type',
			'departement',
			'region',
			'population',
			'chefLieu',
			'commune',
			'anciensCodes'
		] as const) {
			if (c[key] !== undefined) (kept as Record<string, unknown>)[key] = c[key];
		}
		return kept as CogCommune;
	});
}
