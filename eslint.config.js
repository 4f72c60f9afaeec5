// ESLint flat config: typescript-eslint + svelte, formatting left to Prettier.
import js from '@eslint/js';
import prettier from 'eslint-config-prettier';
import svelte from 'eslint-plugin-svelte';
import globals from 'globals';
import ts from 'typescript-eslint';
import svelteConfig from './svelte.config.js';

export default ts.config(
	js.configs.recommended,
	...ts.configs.recommended,
	...svelte.configs.recommended,
	prettier,
	...svelte.configs.prettier,
	{ languageOptions: { globals: { ...globals.browser, ...globals.node } } },
	{
		files: ['**/*.svelte', '**/*.svelte.ts'],
		languageOptions: {
			parserOptions: {
				projectService: true,
				extraFileExtensions: ['.svelte'],
				parser: ts.parser,
				svelteConfig
			}
		}
	},
	{
		rules: {
			'@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
			'svelte/no-navigation-without-resolve': 'off',
			// {@html} only receives SVG rendered on the server by Observable Plot from database values
			// (text escaped by linkedom), never user input.
			'svelte/no-at-html-tags': 'off'
		}
	},
	{
		ignores: [
			'build/',
			'.svelte-kit/',
			'data/',
			'node_modules/',
			'test-results/',
			'playwright-report/'
		]
	}
);
