// Producer, vintage and licence of each raw file, as PROVENANCE.md documents them.
const LO2 = 'Licence Ouverte / Open Licence 2.0 (Etalab)';

interface SourceRule {
	pattern: RegExp;
	producer: string;
	vintage: (match: RegExpMatchArray) => string;
	licence?: string;
}

const rules: SourceRule[] = [
	{
		pattern: /^sig-ville\/(DEMO|REVN|IPRO)_(\d{4})\.csv$/,
		producer: 'ANCT – SIG Ville / INSEE',
		vintage: (m) => m[2]!
	},
	{
		pattern: /^filosofi-qpv\/data_filo(\d{2})_qp_revdis\.csv$/,
		producer: 'INSEE – Filosofi',
		vintage: (m) => `20${m[1]}`
	},
	{
		pattern: /^filosofi-references\/FILO(\d{4})_DISP_\w+\.csv$/,
		producer: 'INSEE – Filosofi',
		vintage: (m) => m[1]!
	},
	{
		pattern: /^qpv-2015\/qpv_evolution_population\.csv$/,
		producer: 'INSEE',
		vintage: () => '2013, 2018'
	},
	{
		pattern: /^qpv-2015\/qpv_info_nom_commune\.csv$/,
		producer: 'INSEE / ANCT',
		vintage: () => '2015'
	},
	{
		pattern: /^qpv-2015\/qpv2015_outremer_supplement_978_987\.csv$/,
		producer: 'ANCT',
		vintage: () => '2015'
	},
	{
		pattern: /^qpv-2015\/panel_qpv_complet_v2\.csv$/,
		producer: 'INSEE – Filosofi (panel dérivé)',
		vintage: () => '2012–2021'
	},
	{ pattern: /^qpv-2015\/rpls_qpv\.csv$/, producer: 'SDES – RPLS via ANCT', vintage: () => '2022' },
	{ pattern: /^geographie-2015\/epcicom2015\.csv$/, producer: 'DGCL', vintage: () => '2015' },
	{
		pattern: /^communes-coordonnees\/laposte_hexasmal\.csv$/,
		producer: 'La Poste',
		vintage: () => '2022'
	},
	{
		pattern: /^communes-coordonnees\/codesinseecommunesgeolocalisees\.csv$/,
		producer: 'data.gouv.fr',
		vintage: () => 'non daté'
	},
	{ pattern: /^contrats-de-ville\/cv\.topojson$/, producer: 'CGET / ANCT', vintage: () => '2018' },
	{
		pattern: /^contrats-de-ville\/geom_cv_ctr\.json$/,
		producer: 'ANCT',
		vintage: () => 'non daté'
	},
	{
		pattern: /^contrats-de-ville\/adulte-relais-(\d{4})\.json$/,
		producer: 'ANCT',
		vintage: (m) => m[1]!
	},
	{
		pattern: /^contrats-de-ville\/postes-fonjep-(\d{4})\.json$/,
		producer: 'ANCT / FONJEP',
		vintage: (m) => m[1]!
	},
	{
		pattern: /^qpv-occitanie-hackaviz\//,
		producer: 'INSEE, ANCT (Hackaviz 2021)',
		vintage: () => '2021'
	},
	{ pattern: /^dispositifs\//, producer: 'ANCT', vintage: () => 'non daté' },
	{ pattern: /^barometre-etalab\//, producer: 'DITP / Etalab', vintage: () => '2017–2022' },
	{ pattern: /^barometre-ditp\//, producer: 'DITP', vintage: () => '2021–2024' },
	{ pattern: /^onpv\//, producer: 'ONPV / DEPP', vintage: () => '2018' },
	{
		pattern: /^npm\/@etalab\/decoupage-administratif@2\.3\.1\/data\/\w+\.json$/,
		producer: 'INSEE COG 2022 via @etalab/decoupage-administratif 2.3.1',
		vintage: () => '2022'
	},
	{
		pattern: /^npm\/cog-(\d{4})@[\d.]+\/data\/epci\.json$/,
		producer: 'INSEE COG (EPCI) via @etalab/decoupage-administratif',
		vintage: (m) => m[1]!
	},
	{
		pattern: /^referentiels\//,
		producer: 'Notes sur sources publiques',
		vintage: () => '2018–2021',
		licence: 'citations de sources publiques'
	}
];

export interface SourceMeta {
	producer: string;
	vintage: string;
	licence: string;
}

export function sourceMeta(relPath: string): SourceMeta {
	for (const rule of rules) {
		const match = relPath.match(rule.pattern);
		if (match)
			return {
				producer: rule.producer,
				vintage: rule.vintage(match),
				licence: rule.licence ?? LO2
			};
	}
	if (relPath.startsWith('reference/')) {
		return {
			producer: 'Projet (fichier de référence versionné)',
			vintage: 'courant',
			licence: LO2
		};
	}
	throw new Error(`source sans provenance déclarée : ${relPath}`);
}
