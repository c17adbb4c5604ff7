import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { build } from 'vite';

const TAB = join(import.meta.dirname, '../../tab');
/** The domain, which the tab's bundle includes too (DESIGN.md section 4). */
const DOMAIN = join(import.meta.dirname, '../../bot/src/review');
const DIST = join(TAB, 'dist');

/**
 * Builds the tab when `tab/dist` is missing or older than a source file of the tab or of the domain it
 * imports, so an end-to-end test sees today's tab.
 */
export async function buildTabIfStale(): Promise<void> {
  const built = join(DIST, 'index.html');
  const newest = Math.max(newestSource(TAB), newestSource(DOMAIN));
  if (existsSync(built) && statSync(built).mtimeMs >= newest) return;
  await build({ configFile: join(TAB, 'vite.config.ts'), logLevel: 'warn' });
}

function newestSource(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === 'dist' || entry.name === 'node_modules') continue;
    const path = join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestSource(path) : statSync(path).mtimeMs);
  }
  return newest;
}
