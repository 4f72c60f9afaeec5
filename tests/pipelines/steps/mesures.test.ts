import { describe, expect, it } from 'vitest';
import { SourceFileError } from '../../../pipelines/lib/csv';
import { mesuresStep } from '../../../pipelines/steps/mesures';
import { programmesStep } from '../../../pipelines/steps/programmes';
import { referenceContext, runSteps } from './referentiels-context';

async function run(fixture?: string) {
	const ctx = await referenceContext(fixture ? { 'mesures.csv': fixture } : {});
	await runSteps(ctx, [programmesStep, mesuresStep]);
	return ctx;
}

describe('mesuresStep', () => {
	it('loads the 40 slots with the 17 attested measures first when the real file is read', async () => {
		const ctx = await run();
		const rows = await ctx.db.query<{ id: string; status: string; title: string | null }>(
			'SELECT id, status, title FROM mesures ORDER BY id'
		);
		expect(rows).toHaveLength(40);
		expect(rows.filter((r) => r.status === 'atteste').map((r) => r.id)).toEqual(
			Array.from({ length: 17 }, (_, i) => `M${String(i + 1).padStart(2, '0')}`)
		);
		expect(rows.filter((r) => r.status === 'non_documente').every((r) => r.title === null)).toBe(
			true
		);
		expect(rows.find((r) => r.id === 'M03')?.title).toBe(
			'Dédoublement des classes de CP et CE1 en REP/REP+'
		);
		const ledger = ctx.ledgers.for('reference/mesures.csv');
		expect([ledger.rowsRead, ledger.rowsLoaded, ledger.balanced]).toEqual([40, 40, true]);
		expect(ctx.read.has('reference/mesures.csv')).toBe(true);
	});

	it('fails naming the file, line, column and value when a line is invalid', async () => {
		const error = await run('mesures-ligne-invalide.csv').catch((e) => e);
		expect(error).toBeInstanceOf(SourceFileError);
		expect(error.message).toContain('reference/mesures.csv');
		expect(error.message).toContain('ligne 6, colonne « id » : « M5 »');
		expect(error.message).toContain('ligne 6, colonne « status » : « attesté »');
	});

	it('fails on a duplicate id with both lines', async () => {
		await expect(run('mesures-doublon.csv')).rejects.toThrow(
			/ligne 5, colonne « id » : « M03 » — doublon \(déjà en ligne 4\)/
		);
	});

	it('fails on a programme the programmes table does not hold', async () => {
		await expect(run('mesures-programme-inconnu.csv')).rejects.toThrow(
			/ligne 2, colonne « programme_id » : « urbanisme » — programme inconnu/
		);
	});

	it('fails when the file does not hold exactly 40 measures', async () => {
		await expect(run('mesures-39.csv')).rejects.toThrow(
			/39 mesures au lieu de 40 \(manquantes : M40\)/
		);
	});
});
