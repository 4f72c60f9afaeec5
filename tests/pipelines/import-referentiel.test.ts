import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { importReferentiel, referentielArgument } from '../../pipelines/import-referentiel';
import { mesuresStep } from '../../pipelines/steps/mesures';
import { programmesStep } from '../../pipelines/steps/programmes';
import {
	fixtureDir,
	referenceContext,
	referenceCopy,
	runSteps
} from './steps/referentiels-context';

describe('importReferentiel', () => {
	it('keeps the previous mesures.csv and names the line when the imported file is invalid', () => {
		const dir = referenceCopy();
		const before = readFileSync(join(dir, 'mesures.csv'));
		expect(() => importReferentiel(join(fixtureDir, 'mesures-ligne-invalide.csv'), dir)).toThrow(
			/mesures-ligne-invalide\.csv : 2 erreurs :\n {2}ligne 6, colonne « id » : « M5 »[\s\S]*mesures\.csv n'a pas été modifié/
		);
		expect(readFileSync(join(dir, 'mesures.csv')).equals(before)).toBe(true);
		expect(readdirSync(dir).filter((f) => f.includes('.tmp-'))).toEqual([]);
	});

	it('refuses a list of 39 measures or with an unknown programme', () => {
		const dir = referenceCopy();
		expect(() => importReferentiel(join(fixtureDir, 'mesures-39.csv'), dir)).toThrow(
			/39 mesures au lieu de 40/
		);
		expect(() => importReferentiel(join(fixtureDir, 'mesures-programme-inconnu.csv'), dir)).toThrow(
			/« urbanisme » — programme inconnu/
		);
	});

	it('replaces mesures.csv in canonical form when the list validates, and the build reads it', async () => {
		const ctx = await referenceContext();
		const result = importReferentiel(
			join(fixtureDir, 'mesures-import-valide.csv'),
			ctx.referenceDir
		);
		expect(result).toEqual({
			target: join(ctx.referenceDir, 'mesures.csv'),
			measures: 40,
			attested: 17
		});
		const text = readFileSync(result.target, 'utf-8');
		expect(text.startsWith('id,programme_id,title,status,source_urls,pillar,note\n')).toBe(true);
		expect(text).toContain("Liste d'essai pour le test d'import");
		expect(existsSync(`${result.target}.tmp-${process.pid}`)).toBe(false);
		await runSteps(ctx, [programmesStep, mesuresStep]);
		const notes = await ctx.db.query<{ note: string }>('SELECT DISTINCT note FROM mesures');
		expect(notes).toEqual([{ note: "Liste d'essai pour le test d'import" }]);
	});
});

describe('referentielArgument', () => {
	it('returns the path after --referentiel and fails when it is missing', () => {
		expect(referentielArgument(['node', 'build.ts'])).toBeUndefined();
		expect(referentielArgument(['node', 'build.ts', '--referentiel', 'liste.csv'])).toBe(
			'liste.csv'
		);
		expect(() => referentielArgument(['node', 'build.ts', '--referentiel'])).toThrow(/chemin/);
	});
});
