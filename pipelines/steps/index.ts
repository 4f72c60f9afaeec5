// The build's steps, in dependency order: territories first, then what refers to them.
import type { Step } from '../lib/step';

export const steps: Step[] = [
	// territories (régions … qpv_contrat)
	// observations (indicators, observations, reference_territories)
	// dispositifs and baromètre
	// referentials (feuille de route, Pacte de Dijon, PaQte)
];
