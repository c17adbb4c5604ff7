import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, sep } from 'node:path';

/** What the static handler answers: a file, or the page saying the tab is not built. */
export interface StaticAnswer {
  readonly status: number;
  readonly headers: Readonly<Record<string, string>>;
  readonly body: Buffer | string;
}

const CONTENT_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
};

/**
 * The built tab (`tab/dist`, Vite's output): a file when the path names one, otherwise `index.html`,
 * so that the tab's own routes load the app (a single-page app routes in the browser).
 *
 * @remarks Vite names every asset with a content hash, so files under `assets/` are cached for a year;
 * `index.html` is revalidated each time so that a new build is picked up. A path that leaves the
 * folder (`..`) is treated as unknown and gets `index.html`.
 */
export async function serveTab(tabDir: string, urlPath: string): Promise<StaticAnswer> {
  const root = normalize(tabDir);
  const index = join(root, 'index.html');
  if (!(await isFile(index))) return notBuilt(tabDir);
  const relative = normalize(decodePath(urlPath)).replace(/^([/\\])+/, '');
  const candidate = join(root, relative);
  const inside = candidate.startsWith(root.endsWith(sep) ? root : root + sep);
  const file = relative !== '' && inside && (await isFile(candidate)) ? candidate : index;
  const immutable = file !== index && relative.startsWith(`assets${sep}`);
  return {
    status: 200,
    headers: {
      'content-type': CONTENT_TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream',
      'cache-control': immutable ? 'public, max-age=31536000, immutable' : 'no-cache',
      'x-content-type-options': 'nosniff',
    },
    body: await readFile(file),
  };
}

function decodePath(urlPath: string): string {
  const path = urlPath.split('?')[0] ?? '';
  try {
    return decodeURIComponent(path);
  } catch {
    return path;
  }
}

async function isFile(path: string): Promise<boolean> {
  try {
    return (await stat(path)).isFile();
  } catch {
    return false;
  }
}

function notBuilt(tabDir: string): StaticAnswer {
  const message =
    'The tab has not been built: there is no index.html in ' +
    `${tabDir}. Run "npm run build" (npm start does it for you), then reload this page.`;
  return {
    status: 503,
    headers: { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' },
    body: `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>EHC Review Hub: tab not built</title></head><body><h1>The tab is not built yet</h1><p>${escapeHtml(message)}</p></body></html>`,
  };
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
