// Command-line arguments of the workspace scripts: a command, then `--name value…` options.
export function parseArgs(argv: string[]): { command: string; options: Map<string, string[]> } {
	const [command = '', ...rest] = argv;
	const options = new Map<string, string[]>();
	let current: string | null = null;
	for (const arg of rest) {
		if (arg.startsWith('--')) {
			current = arg.slice(2);
			if (!options.has(current)) options.set(current, []);
		} else if (current) options.get(current)!.push(arg);
		else throw new Error(`argument inattendu : ${arg}`);
	}
	return { command, options };
}
