// Collects what must stay empty while a page is used: console errors, uncaught exceptions, failed
// or 4xx/5xx sub-requests and Content-Security-Policy violations (console and DOM event).
import type { Page } from '@playwright/test';

export interface PageProblems {
	consoleErrors: string[];
	pageErrors: string[];
	failedRequests: string[];
	cspViolations: string[];
}

declare global {
	interface Window {
		__cspViolations?: string[];
	}
}

/** Starts watching `page`; call before the first navigation. */
export async function watchPage(page: Page): Promise<PageProblems> {
	const problems: PageProblems = {
		consoleErrors: [],
		pageErrors: [],
		failedRequests: [],
		cspViolations: []
	};
	// Init scripts are injected by the browser, not by the page, so the CSP does not block them.
	await page.addInitScript(() => {
		window.__cspViolations = [];
		document.addEventListener('securitypolicyviolation', (e) => {
			window.__cspViolations?.push(`${e.violatedDirective} ${e.blockedURI}`);
		});
	});
	page.on('console', (message) => {
		const text = message.text();
		if (/Content[- ]Security[- ]Policy/i.test(text)) problems.cspViolations.push(text);
		if (message.type() === 'error') problems.consoleErrors.push(text);
	});
	page.on('pageerror', (error) => problems.pageErrors.push(error.message));
	page.on('requestfailed', (request) => {
		problems.failedRequests.push(`${request.url()} (${request.failure()?.errorText ?? 'échec'})`);
	});
	page.on('response', (response) => {
		// The document itself may be an expected 404 (error page tests): only sub-requests count.
		if (response.status() >= 400 && response.request().resourceType() !== 'document') {
			problems.failedRequests.push(`${response.url()} → ${response.status()}`);
		}
	});
	return problems;
}

/** Adds the violations seen by the DOM event listener of the current document. */
export async function collectCspEvents(page: Page, problems: PageProblems): Promise<void> {
	const seen = await page.evaluate(() => window.__cspViolations ?? []);
	problems.cspViolations.push(...seen);
}
