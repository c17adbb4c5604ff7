/**
 * The server's log: one line per event, `level message key=value ...`.
 *
 * @remarks Never given personal data: no names, no email addresses, no case contents. Case keys
 * (`laCode/caseId`), counts, codes and account keys are fine (audit-log.ts says the same of the audit
 * log). Lines go to stdout (info) and stderr (warn, error), which App Service collects.
 */
export interface Log {
  info(message: string, fields?: LogFields): void;
  warn(message: string, fields?: LogFields): void;
  error(message: string, fields?: LogFields): void;
}

export type LogFields = Readonly<Record<string, string | number | boolean | undefined>>;

export function consoleLog(
  stream: { out: NodeJS.WritableStream; err: NodeJS.WritableStream } = {
    out: process.stdout,
    err: process.stderr,
  },
): Log {
  const line = (level: string, message: string, fields: LogFields = {}) => {
    const extra = Object.entries(fields)
      .filter(([, value]) => value !== undefined)
      .map(([key, value]) => ` ${key}=${JSON.stringify(value)}`)
      .join('');
    return `${new Date().toISOString()} ${level} ${message}${extra}\n`;
  };
  return {
    info: (message, fields) => stream.out.write(line('info', message, fields)),
    warn: (message, fields) => stream.err.write(line('warn', message, fields)),
    error: (message, fields) => stream.err.write(line('error', message, fields)),
  };
}

/** A log that keeps its lines, for tests. */
export function memoryLog(): Log & { readonly lines: string[] } {
  const lines: string[] = [];
  const keep =
    (level: string) =>
    (message: string, fields: LogFields = {}) => {
      lines.push(`${level} ${message} ${JSON.stringify(fields)}`);
    };
  return { lines, info: keep('info'), warn: keep('warn'), error: keep('error') };
}

/** What an error may say in a log: its kind and stack, never its problems (they can name people). */
export function describeError(error: unknown): LogFields {
  if (error instanceof Error) return { error: error.name, reason: error.message, stack: error.stack };
  return { error: String(error) };
}
