// Checks, on the raw files, the rule qpv_references relies on: the Filosofi EPCI file of data year
// N lists the EPCI of the N+1 geography (COG of 1 January N+1), and which QPV have no EPCI value
// (the EPCI of Guadeloupe, Guyane and Mayotte are absent from every Filosofi EPCI file).
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const require = createRequire(import.meta.url);

interface CogEpci {
	code: string;
	membres: { code: string }[];
}

function cogEpci(pkg: string): CogEpci[] {
	return JSON.parse(readFileSync(require.resolve(`${pkg}/data/epci.json`), 'utf-8')) as CogEpci[];
}

function filosofiEpci(year: number): Set<string> {
	const path = resolve(`data/raw/filosofi-references/FILO${year}_DISP_EPCI.csv`);
	const lines = readFileSync(path, 'utf-8')
		.replace(/^\uFEFF/, '')
		.split(/\r?\n/);
	return new Set(
		lines
			.slice(1)
			.filter((l) => l.trim() !== '')
			.map((l) => l.split(';')[0]!)
	);
}

/** Départements of the EPCI of a COG that a Filosofi file does not list. */
function absentDepartements(cog: CogEpci[], file: Set<string>): Map<string, number> {
	const out = new Map<string, number>();
	for (const e of cog.filter((e) => !file.has(e.code))) {
		const dep = e.membres[0]!.code.startsWith('97')
			? e.membres[0]!.code.slice(0, 3)
			: e.membres[0]!.code.slice(0, 2);
		out.set(dep, (out.get(dep) ?? 0) + 1);
	}
	return new Map([...out].sort(([a], [b]) => a.localeCompare(b)));
}

describe('Filosofi EPCI files and the administrative geography of each year', () => {
	const cog2019 = cogEpci('cog-2019');
	const cog2020 = cogEpci('cog-2020');
	const codes = (cog: CogEpci[]) => new Set(cog.map((e) => e.code));

	it('FILO2018 lists exactly the EPCI of the COG 2019 outside Guadeloupe, Guyane and Mayotte', () => {
		const file = filosofiEpci(2018);
		expect(file.size).toBe(1244);
		expect([...file].filter((c) => !codes(cog2019).has(c))).toEqual([]);
		// 6 EPCI in Guadeloupe (971), 4 in Guyane (973), 5 in Mayotte (976): 15 absent.
		expect(Object.fromEntries(absentDepartements(cog2019, file))).toEqual({
			'971': 6,
			'973': 4,
			'976': 5
		});
	});

	it('FILO2019 lists the EPCI of the COG 2020, not of the COG 2019', () => {
		const file = filosofiEpci(2019);
		expect(file.size).toBe(1240);
		expect([...file].filter((c) => !codes(cog2020).has(c))).toEqual([]);
		expect(Object.fromEntries(absentDepartements(cog2020, file))).toEqual({
			'971': 6,
			'973': 4,
			'976': 5
		});
		// Read on its own year's geography, 8 of its EPCI would not exist.
		expect([...file].filter((c) => !codes(cog2019).has(c))).toHaveLength(8);
	});

	it('FILO2016 and FILO2017 are on earlier geographies that no installed COG describes', () => {
		// 2017 and 2018 geographies: 14 and 9 of their EPCI no longer exist in the COG 2019, so
		// qpv_references reads the COG 2019 for them and their gap is missing for those EPCI.
		expect([...filosofiEpci(2016)].filter((c) => !codes(cog2019).has(c))).toHaveLength(14);
		expect([...filosofiEpci(2017)].filter((c) => !codes(cog2019).has(c))).toHaveLength(9);
	});
});
