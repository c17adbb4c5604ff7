import { parseArgs } from 'node:util';
import { type PlainDate, parsePlainDate } from '../review/plain-date.ts';

/** What both commands take: the LA's export file and the date to count from. */
export interface FileArgs {
  readonly file: string;
  readonly today: PlainDate;
}

export type ParsedArgs =
  | { readonly kind: 'run'; readonly args: FileArgs }
  | { readonly kind: 'help' }
  | { readonly kind: 'usage-error'; readonly message: string };

/**
 * `FILE [--today YYYY-MM-DD]`.
 *
 * @remarks `today` defaults to the caller's `defaultToday`, which the command takes from the system
 * clock: the one place an instant is read (plain-date.ts, `londonDate`).
 */
export function parseFileArgs(argv: readonly string[], defaultToday: () => PlainDate): ParsedArgs {
  let parsed: ReturnType<typeof parseOptions>;
  try {
    parsed = parseOptions(argv);
  } catch (error) {
    return { kind: 'usage-error', message: error instanceof Error ? error.message : String(error) };
  }
  if (parsed.values.help) return { kind: 'help' };
  const [file, ...extra] = parsed.positionals;
  if (file === undefined) return { kind: 'usage-error', message: 'FILE is missing' };
  if (extra.length > 0) return { kind: 'usage-error', message: `only one FILE, not also ${extra.join(' ')}` };
  const todayText = parsed.values.today;
  if (todayText === undefined) return { kind: 'run', args: { file, today: defaultToday() } };
  const today = parsePlainDate(todayText);
  if (!today)
    return {
      kind: 'usage-error',
      message: `--today is not a calendar date (expected YYYY-MM-DD): "${todayText}"`,
    };
  return { kind: 'run', args: { file, today } };
}

function parseOptions(argv: readonly string[]) {
  return parseArgs({
    args: [...argv],
    allowPositionals: true,
    strict: true,
    options: { today: { type: 'string' }, help: { type: 'boolean', short: 'h' } },
  });
}

/** Exit codes: 1 for a file that cannot be used (or a failed import), 2 for a command line that is wrong. */
export const EXIT = { ok: 0, failed: 1, usage: 2 } as const;

/**
 * The command's arguments, or the exit code once `--help` or a usage error has been answered
 * (help on stdout; the error and the usage on stderr).
 */
export function fileArgsOrExit(
  argv: readonly string[],
  usage: string,
  defaultToday: () => PlainDate,
): FileArgs | number {
  const parsed = parseFileArgs(argv, defaultToday);
  if (parsed.kind === 'help') {
    process.stdout.write(usage);
    return EXIT.ok;
  }
  if (parsed.kind === 'usage-error') {
    process.stderr.write(`${parsed.message}\n\n${usage}`);
    return EXIT.usage;
  }
  return parsed.args;
}
