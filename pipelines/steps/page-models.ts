// The page-model steps of issue #12 (every page fast the first time), in the order they run: after
// the evaluation core, since they read qpv_references, canonical_series and the dispositifs.
import type { Step } from '../lib/step';
import { contratCitesStep } from './contrat-cites';
import { contratPostRatesStep } from './contrat-post-rates';
import { contratPostsStep } from './contrat-posts';
import { contratQpvStep } from './contrat-qpv';
import { contratSharedPostsStep } from './contrat-shared-posts';
import { qpvCommuneListStep } from './qpv-commune-list';
import { qpvIdentityStep } from './qpv-identity';

export const pageModelSteps: Step[] = [
	contratQpvStep,
	contratCitesStep,
	contratPostsStep,
	// reads contrat_posts
	contratPostRatesStep,
	contratSharedPostsStep,
	qpvIdentityStep,
	qpvCommuneListStep
];
