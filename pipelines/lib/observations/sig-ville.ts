// SIG Ville files by QPV (DEMO, REVN, IPRO, vintages 2017–2022): which columns they must have and
// which year each column describes (Filosofi columns lag the file by four years, RP population by more).
import type { SourceFamily } from './catalogue';
import { qpvTerritory, type WideSpec } from './wide';

export type SigVilleTheme = 'DEMO' | 'REVN' | 'IPRO';

export const sigVilleFiles: { theme: SigVilleTheme; vintage: number }[] = [
	...[2017, 2018, 2019, 2020, 2021, 2022].map((vintage) => ({ theme: 'DEMO' as const, vintage })),
	...[2017, 2018, 2019, 2021, 2022].map((vintage) => ({ theme: 'REVN' as const, vintage })),
	...[2017, 2018, 2019, 2020, 2021, 2022].map((vintage) => ({ theme: 'IPRO' as const, vintage }))
];

export function sigVillePath(theme: SigVilleTheme, vintage: number): string {
	return `sig-ville/${theme}_${vintage}.csv`;
}

/** Columns present in every vintage of a theme: any of them missing means the file changed. */
const REQUIRED: Record<SigVilleTheme, string[]> = {
	DEMO: ['POP_MUN', 'POP_COM', 'TX_F', 'TX_TOT_ET', 'IND_JEUNE', 'A', 'PERCOU', 'ENF', 'NOTE_CNAF'],
	REVN: ['DISP_Q2', 'DISP_Q1', 'DISP_Q3', 'TP60', 'DECUC_Q2', 'PACT', 'A', 'AAAH', 'NOTE_CNAF'],
	IPRO: ['TX_TOT_EMPL', 'CA', 'ABCDE', 'ABC', 'A', 'ABC_25', 'NOTE_PE']
};

/** Population columns of the RP: RP 2013 up to the 2020 file, RP 2018 after (checked on POP_MUN). */
const RP_POPULATION = new Set(['POP_MUN', 'POP_COM', 'POP_COM_QP']);
/** Filosofi columns of REVN: reference year = vintage − 4 (REVN_2017 DISP_Q2 = Filosofi 2013). */
const FILOSOFI = /^(DISP_|DECUC_)|^(TP60|PACT|PPEN|PPSOC|PIMPOT|PPAT|PMIMP|PART_CHOMPRINC)$/;

export function sigVilleReferenceYear(
	theme: SigVilleTheme,
	vintage: number,
	column: string
): number | null {
	const name = column.toUpperCase();
	if (theme === 'DEMO' && RP_POPULATION.has(name)) return vintage <= 2020 ? 2013 : 2018;
	if (theme === 'REVN' && FILOSOFI.test(name)) return vintage - 4;
	// CNAF, CNAM, Pôle emploi, ASP counts and the DEMO/IPRO rates: the files do not say.
	return null;
}

export function sigVilleSpec(
	theme: SigVilleTheme,
	vintage: number,
	knownQpv?: Set<string>
): WideSpec {
	return {
		family: `sig-ville/${theme}` as SourceFamily,
		vintage,
		codeColumn: 'CODGEO',
		required: REQUIRED[theme],
		descriptive: /^(LIBGEO|LIB_COM)$/i,
		notes: /^NOTE_/i,
		territory: qpvTerritory(knownQpv),
		referenceYear: (column) => sigVilleReferenceYear(theme, vintage, column),
		blanks: 'store'
	};
}
