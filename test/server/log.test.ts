import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import {
  consoleLog,
  describeError,
  MAX_LINE_CHARS,
  memoryLog,
  routeConsoleTo,
} from '../../bot/src/server/log.ts';

function captured(): { log: ReturnType<typeof consoleLog>; text: () => string } {
  const out = new PassThrough();
  const err = new PassThrough();
  const chunks: string[] = [];
  for (const stream of [out, err]) stream.on('data', (chunk: Buffer) => chunks.push(chunk.toString('utf8')));
  return { log: consoleLog({ out, err }), text: () => chunks.join('') };
}

describe('the server’s log', () => {
  it('writes one line per event, however many line breaks or quotes a value holds', () => {
    const { log, text } = captured();
    log.error('something failed', { where: 'a\nb\r\nc "quoted"', count: 3 });
    const lines = text().split('\n').filter(Boolean);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(
      /^\d{4}-\d\d-\d\dT\S+Z error something failed where="a\\nb\\r\\nc \\"quoted\\"" count=3$/,
    );
  });

  it('keeps every line under a few KB, whatever it is given', () => {
    const log = memoryLog();
    log.error('huge', {
      a: 'x'.repeat(200_000),
      b: 'y'.repeat(200_000),
      c: 'z'.repeat(5000),
      d: 'w'.repeat(5000),
    });
    expect(log.lines[0]?.length).toBeLessThanOrEqual(MAX_LINE_CHARS + 10);
  });

  it('describes an error by its kind, code and frames, the message cut short, never its problems', () => {
    const error = Object.assign(new Error(`${'echo '.repeat(1000)}`), {
      code: 'ECONNRESET',
      problems: ['Amelia'],
    });
    const described = describeError(error);
    expect(described).toMatchObject({ error: 'Error', errno: 'ECONNRESET' });
    expect(String(described.reason).length).toBeLessThanOrEqual(300);
    expect(String(described.stack)).toMatch(/^at /);
    expect(String(described.stack)).not.toContain('echo');
    expect(JSON.stringify(described)).not.toContain('Amelia');
  });

  it('routes what libraries print to the console into one line each, without the text printed', () => {
    const log = memoryLog();
    const restore = routeConsoleTo(log);
    try {
      console.error(new TypeError('Activity from Amelia Rowe: {"text":"private"}'));
      console.warn('BadRequest: Missing activity or activity type.', { text: 'Amelia Rowe' });
    } finally {
      restore();
    }
    expect(log.lines).toHaveLength(2);
    expect(log.lines[0]).toMatch(/^warn library console output console="error" error="TypeError"/);
    expect(log.lines[1]).toMatch(/^warn library console output console="warn" kind="string"/);
    expect(log.lines.join('\n')).not.toContain('Amelia');
  });
});
