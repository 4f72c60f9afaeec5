// The evaluation steps, in dependency order (they read observations, territories and qpv_contrat).
import type { Step } from '../lib/step';
import { canonicalSeriesStep } from './canonical-series';
import { contratSynthesisStep } from './contrat-synthesis';
import { dataYearsStep } from './data-years';
import { qpvEvolutionsStep } from './qpv-evolutions';
import { qpvGapsStep } from './qpv-gaps';
import { qpvPeersStep } from './qpv-peers';
import { qpvRanksStep } from './qpv-ranks';
import { qpvReferencesStep } from './qpv-references';
import { seriesBreaksStep } from './series-breaks';

export const evaluationSteps: Step[] = [
	dataYearsStep,
	seriesBreaksStep,
	// before canonical_series: it keeps the communes QPV are compared with
	qpvReferencesStep,
	canonicalSeriesStep,
	// ranks by data year read the canonical series
	qpvRanksStep,
	qpvGapsStep,
	qpvEvolutionsStep,
	qpvPeersStep,
	contratSynthesisStep
];
