import { parseArgs } from 'node:util';

/** What a command-line tool accepts: its name, how it is typed, and its on/off flags (`--help` comes with every one). */
export interface CliSpec {
  /** Prefix of error lines: `ask`, `explain`. */
  name: string;
  /** The synopsis after "Usage: ", e.g. `npm run -s ask -- [--json] ["question"]`. */
  synopsis: string;
  /** What the tool does, a few lines shown by --help. */
  about: string;
  flags: Record<string, { short?: string; description: string }>;
}

/** Stop at once: print `text` (the usage, or an error and the usage line) and exit with `exitCode`. */
export interface CliExit {
  kind: 'exit';
  exitCode: 0 | 2;
  stream: 'stdout' | 'stderr';
  text: string;
}

/** Run: the flags that were given, and the words that are not flags. */
export type CliArgs = { kind: 'run'; flags: ReadonlySet<string>; words: string[] } | CliExit;

const HELP = { short: 'h', description: 'show this help and exit' };

/**
 * Reads argv with node:util's parseArgs, leniently so that the error can name the unknown flag in plain words
 * (parseArgs' own strict error is a paragraph about positionals). `--` ends the flags: `-- "-5 degrees?"`.
 */
export function parseCliArgs(spec: CliSpec, argv: readonly string[]): CliArgs {
  const flags = { ...spec.flags, help: HELP };
  const options = Object.fromEntries(
    Object.entries(flags).map(([name, flag]) => [name, { type: 'boolean' as const, ...(flag.short ? { short: flag.short } : {}) }]),
  );
  const { tokens } = parseArgs({ args: [...argv], options, strict: false, allowPositionals: true, tokens: true });
  const given = new Set<string>();
  const words: string[] = [];
  for (const token of tokens) {
    if (token.kind === 'positional') words.push(token.value);
    if (token.kind !== 'option') continue;
    if (!(token.name in flags)) return usageError(spec, `unknown option ${token.rawName}`);
    if (token.value !== undefined) return usageError(spec, `${token.rawName} takes no value`);
    given.add(token.name);
  }
  if (given.has('help')) return { kind: 'exit', exitCode: 0, stream: 'stdout', text: usage(spec) };
  return { kind: 'run', flags: given, words };
}

/** The whole help text: synopsis, what the tool does, and its flags. */
export function usage(spec: CliSpec): string {
  const rows = Object.entries({ ...spec.flags, help: HELP }).map(([name, flag]) => [flag.short ? `-${flag.short}, --${name}` : `--${name}`, flag.description]);
  const width = Math.max(...rows.map(([left]) => left!.length));
  return [`Usage: ${spec.synopsis}`, '', spec.about, '', 'Options:', ...rows.map(([left, right]) => `  ${left!.padEnd(width)}  ${right}`)].join('\n') + '\n';
}

/** A mistake on the command line: one line saying what, one line saying how to use it (exit 2, as shells expect). */
export function usageError(spec: CliSpec, problem: string): CliExit {
  return { kind: 'exit', exitCode: 2, stream: 'stderr', text: `${spec.name}: ${problem}\nUsage: ${spec.synopsis}  (--help for more)\n` };
}

/** Prints what a CliExit says to print, where it says; returns its exit code. */
export function writeExit(exit: CliExit, io: { stdout: NodeJS.WritableStream; stderr: NodeJS.WritableStream }): number {
  (exit.stream === 'stdout' ? io.stdout : io.stderr).write(exit.text);
  return exit.exitCode;
}

/** For a script's entry point: the parsed arguments, or, for --help or a mistake, print and exit (0 or 2). */
export function argsOrExit(spec: CliSpec, argv: readonly string[] = process.argv.slice(2)): { flags: ReadonlySet<string>; words: string[] } {
  const args = parseCliArgs(spec, argv);
  if (args.kind === 'exit') process.exit(writeExit(args, process));
  return args;
}
