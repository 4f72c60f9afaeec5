import { describe, expect, it } from 'vitest';
import type { Provenance } from '../../../../../src/lib/schemas/provenance';
import { sourceLine, sourcesOfTables } from '../../../../../src/lib/server/queries/sources';

const prov = (path: string, producer: string, vintage: string): [string, Provenance] => [
	path,
	{
		path,
		sha256: '0'.repeat(64),
		producer,
		vintage,
		licence: 'Licence Ouverte / Open Licence 2.0 (Etalab)',
		rows_read: 1,
		rows_loaded: 1,
		rows_rejected: 0,
		rows_aggregate: 0,
		tables: 'observations'
	}
];

const provenance = new Map([
	prov('sig-ville/DEMO_2017.csv', 'ANCT – SIG Ville / INSEE', '2017'),
	prov('sig-ville/DEMO_2022.csv', 'ANCT – SIG Ville / INSEE', '2022'),
	prov('qpv-2015/rpls_qpv.csv', 'SDES – RPLS via ANCT', '2022')
]);

describe('sourceLine', () => {
	it('groups the vintages of one file series and keeps single files by name', () => {
		expect(
			sourceLine(
				['sig-ville/DEMO_2022.csv', 'sig-ville/DEMO_2017.csv', 'qpv-2015/rpls_qpv.csv'],
				provenance
			)
		).toBe(
			'Sources : SDES – RPLS via ANCT, qpv-2015/rpls_qpv.csv (millésime 2022) ; ANCT – SIG Ville / INSEE, sig-ville/DEMO_2017.csv, sig-ville/DEMO_2022.csv (millésimes 2017, 2022). Licence Ouverte / Open Licence 2.0 (Etalab).'
		);
	});

	it('names a file missing from the provenance table instead of dropping it', () => {
		expect(sourceLine(['inconnu/x.csv'], provenance)).toContain('inconnu/x.csv');
	});
});

describe('sourcesOfTables', () => {
	it('matches table names exactly, not as substrings', () => {
		const map = new Map([
			prov('a.csv', 'X', '2015'),
			['b.csv', { ...prov('b.csv', 'Y', '2015')[1], tables: 'qpv_contrat' }] as [
				string,
				Provenance
			],
			['c.csv', { ...prov('c.csv', 'Z', '2015')[1], tables: 'communes, qpv' }] as [
				string,
				Provenance
			]
		]);
		expect(sourcesOfTables(map, ['qpv']).map((p) => p.path)).toEqual(['c.csv']);
		expect(sourcesOfTables(map, ['observations']).map((p) => p.path)).toEqual(['a.csv']);
	});
});
