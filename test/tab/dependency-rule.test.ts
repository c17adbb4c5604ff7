import { readdirSync, readFileSync } from 'node:fs';
import { dirname, isAbsolute, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '../..');
const TAB_SRC = join(ROOT, 'tab/src');
const BOT = join(ROOT, 'bot');
/** The domain: pure (no I/O, no SDKs), so the tab may import anything of it, types and values. */
const DOMAIN = join(BOT, 'src/review');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? sourceFiles(join(dir, entry.name)) : [join(dir, entry.name)],
  );
}

/** What may stand between `import`/`export` and `from`: names, `type`, `as`, braces, commas, `*`. */
const STATIC = /^\s*(?:import|export)\s[\w\s{},*$]*?\bfrom\s*(['"])([^'"\n]+)\1/gm;
const BARE = /^\s*import\s*(['"])([^'"\n]+)\1/gm;
const DYNAMIC = /\bimport\s*\(\s*(['"])([^'"\n]+)\1\s*\)/g;

/**
 * Every module a source text names: `import ... from` and `export ... from` (either may span lines),
 * `import '...'` for its side effects, and `import('...')`, in the order they appear.
 */
function specifiers(source: string): string[] {
  return [STATIC, BARE, DYNAMIC]
    .flatMap((pattern) => [...source.matchAll(pattern)])
    .sort((a, b) => a.index - b.index)
    .flatMap((match) => (match[2] ? [match[2]] : []));
}

function isInside(dir: string, path: string): boolean {
  const rel = relative(dir, path);
  return rel === '' || (!rel.startsWith('..') && !isAbsolute(rel));
}

/** A relative path resolved from `file`, so that `bot/src/review/../store/...` is not the domain. */
function isInDomain(file: string, specifier: string): boolean {
  return specifier.startsWith('.') && isInside(DOMAIN, resolve(dirname(file), specifier));
}

function isInBot(file: string, specifier: string): boolean {
  return specifier.startsWith('.')
    ? isInside(BOT, resolve(dirname(file), specifier))
    : specifier.includes('/bot/');
}

/** Whether `file` may import `specifier` by the dependency rule (DESIGN.md section 4): nothing of bot/ but the domain. */
function allowed(file: string, specifier: string): boolean {
  return !isInBot(file, specifier) || isInDomain(file, specifier);
}

/** "file: specifier" for every import of `files` the rule forbids. */
function broken(files: readonly string[], read: (file: string) => string = (f) => readFileSync(f, 'utf8')) {
  return files.flatMap((file) =>
    specifiers(read(file))
      .filter((specifier) => !allowed(file, specifier))
      .map((specifier) => `${relative(ROOT, file)}: ${specifier}`),
  );
}

describe('the dependency rule (DESIGN.md section 4)', () => {
  it('lets the tab import the domain (bot/src/review/), types and values, and nothing else of bot/', () => {
    const files = sourceFiles(TAB_SRC);
    expect(broken(files)).toEqual([]);
    // Not vacuous: the scan sees the tab's imports of the domain, values among them.
    const named = files.flatMap((file) => specifiers(readFileSync(file, 'utf8')));
    expect(named).toEqual(expect.arrayContaining(['../../../bot/src/review/clock.ts', '../api/types.ts']));
  });

  it('keeps the domain pure: it imports only itself, so what the tab imports from it brings no server code', () => {
    const outside = sourceFiles(DOMAIN).flatMap((file) =>
      specifiers(readFileSync(file, 'utf8'))
        .filter((specifier) => !isInDomain(file, specifier))
        .map((specifier) => `${relative(ROOT, file)}: ${specifier}`),
    );
    expect(outside).toEqual([]);
  });
});

describe('the dependency rule’s matcher', () => {
  const file = join(TAB_SRC, 'cases/StatutoryDates.tsx');

  it('allows the domain and anything outside bot/', () => {
    for (const specifier of [
      '../../../bot/src/review/clock.ts',
      '../../../bot/src/review/rules.ts',
      '../api/types.ts',
      '@fluentui/react-components',
    ]) {
      expect(allowed(file, specifier), specifier).toBe(true);
    }
  });

  it('forbids the adapters, the composition root and a path that only passes through the domain', () => {
    for (const specifier of [
      '../../../bot/src/api/schemas.ts',
      '../../../bot/src/store/case-store.ts',
      '../../../bot/src/caseload/caseload.ts',
      '../../../bot/src/main.ts',
      '../../../bot/src/review/../store/case-store.ts',
      '../../../bot/package.json',
      'ehc/bot/src/review/clock.ts',
    ]) {
      expect(allowed(file, specifier), specifier).toBe(false);
    }
  });

  it('finds every way of naming a module: type and value imports over lines, re-exports, bare and dynamic imports', () => {
    const source = [
      "import type { Clock } from '../../../bot/src/review/clock.ts';",
      'import {',
      '  apiRoutes,',
      "} from '../../../bot/src/api/routes.ts';",
      "export { RULES } from '../../../bot/src/review/rules.ts';",
      "export * from '../../../bot/src/store/case-store.ts';",
      "import '../../../bot/src/main.ts';",
      "const later = await import('../../../bot/src/caseload/caseload.ts');",
      "  readonly from?: 'import' | 'review'; // taken from 'the import', not a module",
    ].join('\n');
    expect(specifiers(source)).toEqual([
      '../../../bot/src/review/clock.ts',
      '../../../bot/src/api/routes.ts',
      '../../../bot/src/review/rules.ts',
      '../../../bot/src/store/case-store.ts',
      '../../../bot/src/main.ts',
      '../../../bot/src/caseload/caseload.ts',
    ]);
    expect(broken([file], () => source)).toEqual([
      'tab/src/cases/StatutoryDates.tsx: ../../../bot/src/api/routes.ts',
      'tab/src/cases/StatutoryDates.tsx: ../../../bot/src/store/case-store.ts',
      'tab/src/cases/StatutoryDates.tsx: ../../../bot/src/main.ts',
      'tab/src/cases/StatutoryDates.tsx: ../../../bot/src/caseload/caseload.ts',
    ]);
  });
});
