import { readFileSync } from 'node:fs';
import { parse as parseYaml } from 'yaml';
import { fillPlaceholders as fill } from '../../manifest/package.ts';

/** The repository's files the Agents Toolkit reads, and small readers for them. */
const ROOT = new URL('../../', import.meta.url);

export function readText(path: string): string {
  return readFileSync(new URL(path, ROOT), 'utf8');
}

export function readBytes(path: string): Buffer {
  return readFileSync(new URL(path, ROOT));
}

export function readJson<T = unknown>(path: string): T {
  return JSON.parse(readText(path)) as T;
}

export { placeholdersIn } from '../../manifest/package.ts';

/** What the toolkit does before it uses a file: every placeholder replaced by its value. */
export function fillPlaceholders(text: string, values: Readonly<Record<string, string>>): string {
  const filled = fill(text, values);
  if ('missing' in filled)
    throw new Error(`no value for ${filled.missing.map((name) => `\${{${name}}}`).join(', ')}`);
  return filled.text;
}

/** The variable names an env file (`NAME=value` lines) defines. */
export function envFileNames(text: string): Set<string> {
  return new Set(
    text
      .split('\n')
      .map((line) => line.trim())
      .filter((line) => line !== '' && !line.startsWith('#'))
      .map((line) => line.slice(0, line.indexOf('='))),
  );
}

/** One action of a teamsapp.yml lifecycle (provision, deploy, publish). */
export interface Action {
  readonly uses: string;
  readonly name?: string;
  readonly with?: Record<string, unknown>;
  readonly writeToEnvironmentFile?: Record<string, string>;
}

export interface TeamsAppYml {
  readonly version: string;
  readonly environmentFolderPath: string;
  readonly provision: readonly Action[];
  readonly deploy: readonly Action[];
  readonly publish: readonly Action[];
}

export function teamsAppYml(): TeamsAppYml {
  return parseYaml(readText('teamsapp.yml')) as TeamsAppYml;
}

/** A Bicep file's `param` declarations: name, whether it has a default, its decorators. */
export interface BicepParam {
  readonly name: string;
  readonly hasDefault: boolean;
  readonly decorators: readonly string[];
}

export function bicepParams(text: string): BicepParam[] {
  const params: BicepParam[] = [];
  let decorators: string[] = [];
  let inDecorator = 0;
  for (const line of text.split('\n')) {
    const trimmed = line.trim();
    if (trimmed.startsWith('@')) {
      decorators.push(trimmed);
      inDecorator = depth(trimmed);
      continue;
    }
    if (inDecorator > 0) {
      inDecorator += depth(trimmed);
      continue;
    }
    const param = /^param\s+([A-Za-z_]\w*)\s+[A-Za-z]+(\s*=)?/.exec(trimmed);
    if (param?.[1]) params.push({ name: param[1], hasDefault: Boolean(param[2]), decorators });
    if (!trimmed.startsWith('//')) decorators = [];
  }
  return params;
}

/** Opening minus closing brackets: a decorator whose argument spans several lines. */
function depth(text: string): number {
  return (text.match(/[([]/g) ?? []).length - (text.match(/[)\]]/g) ?? []).length;
}

/** The names of a Bicep file's `output` declarations. */
export function bicepOutputs(text: string): Set<string> {
  return new Set([...text.matchAll(/^output\s+([A-Za-z_]\w*)\s/gm)].map((match) => match[1] ?? ''));
}
