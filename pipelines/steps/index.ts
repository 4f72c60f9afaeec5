// The build's steps, in dependency order: territories first, then what refers to them.
import type { Step } from '../lib/step';
import { indicatorsStep } from './indicators';
import { observationsStep } from './observations';
import { referenceTerritoriesStep } from './reference-territories';
import { communesStep } from './communes';
import { contratsStep } from './contrats';
import { departementsStep } from './departements';
import { epciStep } from './epci';
import { qpvStep } from './qpv';
import { qpvBoundariesStep } from './qpv-boundaries';
import { qpvCommunesStep } from './qpv-communes';
import { qpvContratStep } from './qpv-contrat';
import { regionsStep } from './regions';
import { barometreIndicatorsStep } from './barometre-indicators';
import { barometreValuesStep } from './barometre-values';
import { barometreDocumentationStep } from './barometre-documentation';
import { departementShapesStep } from './departement-shapes';
import { citeCommunesStep } from './cite-communes';
import { citesStep } from './cites';
import { dispositifPostsStep } from './dispositif-posts';
import { fundedProjectTotalsStep } from './funded-project-totals';
import { fundedProjectsStep } from './funded-projects';
import { postContratsStep } from './post-contrats';
import { onpvFiguresStep } from './onpv-figures';
import { faitsAttestesStep } from './faits-attestes';
import { mesureIndicateursStep } from './mesure-indicateurs';
import { mesuresStep } from './mesures';
import { pacteDijonDomainesStep } from './pacte-dijon-domaines';
import { pacteDijonIndicateursStep } from './pacte-dijon-indicateurs';
import { paqteAxesStep } from './paqte-axes';
import { programmesStep } from './programmes';
import { evaluationSteps } from './evaluation';
import { contratPillarProjectsStep } from './contrat-pillar-projects';
import { pageModelSteps } from './page-models';
import { contratEvaluationPageStep } from './contrat-evaluation-page';
import { qpvPageRowsStep } from './qpv-page-rows';

export const steps: Step[] = [
	// territories (régions … qpv_contrat)
	regionsStep,
	departementsStep,
	epciStep,
	communesStep,
	qpvStep,
	qpvCommunesStep,
	contratsStep,
	qpvContratStep,
	qpvBoundariesStep,
	// observations (indicators, observations, reference_territories)
	indicatorsStep,
	observationsStep,
	referenceTerritoriesStep,
	// dispositifs and baromètre
	dispositifPostsStep,
	postContratsStep,
	fundedProjectTotalsStep,
	fundedProjectsStep,
	citesStep,
	citeCommunesStep,
	barometreIndicatorsStep,
	barometreValuesStep,
	barometreDocumentationStep,
	departementShapesStep,
	onpvFiguresStep,
	// referentials (feuille de route, Pacte de Dijon, PaQte)
	programmesStep,
	mesuresStep,
	pacteDijonDomainesStep,
	paqteAxesStep,
	faitsAttestesStep,
	mesureIndicateursStep,
	pacteDijonIndicateursStep,
	// evaluation core (data years, canonical series, gaps, synthesis): see ./evaluation.ts
	...evaluationSteps,
	// page models of the contrat pages (read funded_projects, post_contrats, qpv_contrat)
	contratPillarProjectsStep,
	// page models of the contrat and QPV pages read at each uncached render (see ./page-models.ts)
	...pageModelSteps,
	// the QPV page's reads in one table (reads the page models above, qpv_references,
	// canonical_series and qpv_ranks)
	qpvPageRowsStep,
	// the contrat page's synthesis and evolutions as JSON (reads contrat_synthesis, contrat_qpv)
	contratEvaluationPageStep
];
