// The headline indicators of each pillar for scorecards and charts (ids of the catalogue).
import type { Pillar } from '$lib/schemas/indicators';
import { KEY_INDICATORS_BY_PILLAR } from '$lib/domain/synthesis';
import { QPV_CHART_INDICATORS } from '$lib/schemas/page-models';

export const keyIndicatorsByPillar: Record<Pillar, readonly string[]> = KEY_INDICATORS_BY_PILLAR;

/** Charted on the QPV page: the series against its references, and its place among all QPV. */
export const qpvChartIndicators = QPV_CHART_INDICATORS;
