// Browser tests (`npm run test:browser`) in the system Chromium (Debian package, no download),
// against the production build served by `node build` on a loopback port.
import { defineConfig } from '@playwright/test';

const port = Number(process.env.PORT ?? 4173);
const baseURL = `http://127.0.0.1:${port}`;

// PW_SKIP_BUILD=1 reuses an existing build/ (quick local reruns); CI always builds from scratch.
const command =
	process.env.PW_SKIP_BUILD === '1'
		? 'node build'
		: 'npm run data:ensure && npm run build && node build';

export default defineConfig({
	testDir: 'tests/browser',
	testMatch: '**/*.spec.ts',
	globalSetup: './tests/browser/global-setup.ts',
	outputDir: 'test-results/playwright',
	workers: 2,
	timeout: 30_000,
	expect: { timeout: 5_000 },
	forbidOnly: !!process.env.CI,
	retries: 0,
	reporter: [['list'], ['html', { open: 'never', outputFolder: 'playwright-report' }]],
	use: {
		baseURL,
		browserName: 'chromium',
		locale: 'fr-FR',
		viewport: { width: 1280, height: 800 },
		screenshot: 'only-on-failure',
		trace: 'retain-on-failure',
		launchOptions: {
			executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
			args: [
				'--headless',
				'--no-sandbox',
				'--disable-gpu',
				'--disable-quic',
				'--no-first-run',
				'--disable-background-networking',
				'--disable-component-update',
				'--disable-sync'
			]
		}
	},
	webServer: {
		command,
		// A static file: the server answers 200 even before any page route exists.
		url: `${baseURL}/favicon.svg`,
		timeout: 300_000,
		reuseExistingServer: process.env.PW_REUSE_SERVER === '1',
		stdout: 'pipe',
		stderr: 'pipe',
		// As the README says: PORT and HOST only (no ORIGIN, no PDF_ORIGIN).
		env: { PORT: String(port), HOST: '127.0.0.1' }
	}
});
