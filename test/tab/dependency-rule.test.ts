import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const TAB_SRC = join(import.meta.dirname, '../../tab/src');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? sourceFiles(join(dir, entry.name)) : [join(dir, entry.name)],
  );
}

/** Every `import ... from '...bot/...'` (or re-export) statement, whole (it may span lines). */
function botImports(source: string): string[] {
  return [...source.matchAll(/^(?:import|export)[\s\S]*?from\s+'([^']+)';/gm)]
    .filter((match) => match[1]?.includes('/bot/'))
    .map((match) => match[0]);
}

describe('the dependency rule (DESIGN.md section 4)', () => {
  it("lets the tab import the domain's types and its words, never its other code or any adapter", () => {
    const allowed = (statement: string) =>
      (/^import type /.test(statement) && statement.includes('/bot/src/review/')) ||
      statement.includes("/bot/src/review/words.ts'");
    const broken = sourceFiles(TAB_SRC).flatMap((file) =>
      botImports(readFileSync(file, 'utf8'))
        .filter((statement) => !allowed(statement))
        .map((statement) => `${relative(TAB_SRC, file)}: ${statement.replace(/\s+/g, ' ')}`),
    );
    expect(broken).toEqual([]);
  });
});
