/**
 * The server's log: one line per event, `<instant> <level> <message> key=value ...`, each value JSON
 * (so a line break or a quote in a value cannot start a new line or a new field).
 *
 * @remarks Never given personal data: no names, no email addresses, no case contents, no request or
 * reply bodies. Case keys (`laCode/caseId`), counts, codes and account keys are fine (audit-log.ts
 * says the same of the audit log). A value is cut at {@link MAX_FIELD_CHARS} and a line at
 * {@link MAX_LINE_CHARS}, so no input can make a line long. Lines go to stdout (info) and stderr
 * (warn, error), which App Service collects.
 */
export interface Log {
  info(message: string, fields?: LogFields): void;
  warn(message: string, fields?: LogFields): void;
  error(message: string, fields?: LogFields): void;
}

export type LogFields = Readonly<Record<string, string | number | boolean | undefined>>;

export const MAX_FIELD_CHARS = 1000;
export const MAX_LINE_CHARS = 4096;

/** `message key="value" ...` within the limits; what both logs below write after the level. */
export function formatLine(message: string, fields: LogFields = {}): string {
  const extra = Object.entries(fields)
    .filter(([, value]) => value !== undefined)
    .map(([key, value]) => {
      const text =
        typeof value === 'string' && value.length > MAX_FIELD_CHARS
          ? `${value.slice(0, MAX_FIELD_CHARS)}…`
          : value;
      return ` ${key}=${JSON.stringify(text)}`;
    })
    .join('');
  const line = `${JSON.stringify(message).slice(1, -1)}${extra}`;
  return line.length > MAX_LINE_CHARS ? `${line.slice(0, MAX_LINE_CHARS)}…` : line;
}

export function consoleLog(
  stream: { out: NodeJS.WritableStream; err: NodeJS.WritableStream } = {
    out: process.stdout,
    err: process.stderr,
  },
): Log {
  const line = (level: string, message: string, fields?: LogFields) =>
    `${new Date().toISOString()} ${level} ${formatLine(message, fields)}\n`;
  return {
    info: (message, fields) => stream.out.write(line('info', message, fields)),
    warn: (message, fields) => stream.err.write(line('warn', message, fields)),
    error: (message, fields) => stream.err.write(line('error', message, fields)),
  };
}

/** A log that keeps its lines (`level message key=value ...`), for tests. */
export function memoryLog(): Log & { readonly lines: string[] } {
  const lines: string[] = [];
  const keep = (level: string) => (message: string, fields?: LogFields) => {
    lines.push(`${level} ${formatLine(message, fields)}`);
  };
  return { lines, info: keep('info'), warn: keep('warn'), error: keep('error') };
}

const MAX_REASON_CHARS = 300;
const MAX_FRAMES = 10;

/**
 * What an error may say in a log: its kind, a Node error code, the start of its message and where it
 * was thrown (the stack's frames, without the message line it repeats), never its problems (they
 * can name people). A caller whose error may echo input (a bot turn, a library's serializer) drops
 * `reason` too.
 */
export function describeError(error: unknown): LogFields {
  if (!(error instanceof Error)) return { error: typeof error };
  const { code } = error as { code?: unknown };
  const frames = (error.stack ?? '')
    .split('\n')
    .filter((line) => /^\s+at /.test(line))
    .slice(0, MAX_FRAMES)
    .map((line) => line.trim())
    .join(' | ');
  return {
    error: error.name,
    errno: typeof code === 'string' && /^[A-Z][A-Z0-9_]{1,40}$/.test(code) ? code : undefined,
    reason: error.message.slice(0, MAX_REASON_CHARS),
    stack: frames || undefined,
  };
}

/**
 * Sends what libraries print to the console (botbuilder prints whole errors with `console.error`,
 * including the activity it was given) to `log` instead, as one line each saying which console
 * method was called and the kind and frames of any error passed, never the text printed.
 *
 * @remarks The composition root calls it once; it returns a function that puts the console back.
 */
export function routeConsoleTo(log: Log): () => void {
  const methods = ['log', 'info', 'warn', 'error', 'debug', 'trace'] as const;
  const saved = methods.map((name) => [name, console[name]] as const);
  for (const name of methods) {
    console[name] = (...args: unknown[]) => {
      const error = args.find((arg) => arg instanceof Error);
      const { reason: _reason, ...described } = error ? describeError(error) : {};
      (name === 'error' || name === 'warn' || name === 'trace' ? log.warn : log.info)(
        'library console output',
        {
          console: name,
          kind: error ? undefined : typeof args[0],
          ...described,
        },
      );
    };
  }
  return () => {
    for (const [name, original] of saved) console[name] = original;
  };
}
