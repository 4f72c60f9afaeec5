// Reads the INSEE COG 2022 shipped by the npm package @etalab/decoupage-administratif (pinned 2.3.1),
// recording each file as a source under a stable `npm/…` path so provenance can hash it.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { SourceLedger } from './ledger';
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
	const items = readOnce(
		ctx,
		path,
		() => JSON.parse(readFileSync(join(dir, 'data', `${file}.json`), 'utf-8')) as T[],
		last
	);
	return { items, ledger: ctx.ledgers.for(path), path };
}
