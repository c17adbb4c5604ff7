import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const TAB_SRC = join(import.meta.dirname, '../../tab/src');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? sourceFiles(join(dir, entry.name)) : [join(dir, entry.name)],
  );
}

/** Every `import ... from '...bot/...'` statement, whole (it may span lines). */
function botImports(source: string): string[] {
  return [...source.matchAll(/^import[\s\S]*?from\s+'([^']+)';/gm)]
    .filter((match) => match[1]?.includes('/bot/'))
    .map((match) => match[0]);
}

describe('the dependency rule (DESIGN.md section 4)', () => {
  it("lets the tab import the domain's types, never its code or any adapter", () => {
    const broken = sourceFiles(TAB_SRC).flatMap((file) =>
      botImports(readFileSync(file, 'utf8'))
        .filter((statement) => !/^import type /.test(statement) || !statement.includes('/bot/src/review/'))
        .map((statement) => `${relative(TAB_SRC, file)}: ${statement.replace(/\s+/g, ' ')}`),
    );
    expect(broken).toEqual([]);
  });
});
