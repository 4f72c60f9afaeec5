// The evaluation steps, in dependency order (they read observations, territories and qpv_contrat).
import type { Step } from '../lib/step';
import { canonicalSeriesStep } from './canonical-series';
import { contratSynthesisStep } from './contrat-synthesis';
import { dataYearsStep } from './data-years';
import { qpvEvolutionsStep } from './qpv-evolutions';
import { qpvGapsStep } from './qpv-gaps';
import { qpvPeersStep } from './qpv-peers';
import { qpvReferencesStep } from './qpv-references';
import { seriesBreaksStep } from './series-breaks';

export const evaluationSteps: Step[] = [
	dataYearsStep,
	seriesBreaksStep,
	canonicalSeriesStep,
	qpvReferencesStep,
	qpvGapsStep,
	qpvEvolutionsStep,
	qpvPeersStep,
	contratSynthesisStep
];
