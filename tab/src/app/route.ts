/**
 * The tab's pages, addressed by the URL's hash so that the server serves one static page and a Teams
 * tab's content URL never has to change.
 */
export type Route =
  | { readonly page: 'live-cases' }
  | { readonly page: 'case'; readonly laCode: string; readonly caseId: string }
  | { readonly page: 'not-found' };

const CASE = /^#\/cases\/([^/]+)\/([^/]+)$/;

/** The addresses of My live cases: the tab's own URL, with or without an empty hash. */
const HOME = new Set(['', '#', '#/']);

/**
 * The page `hash` names; an address that names none is `not-found`, so a mistyped or stale link says
 * so instead of quietly showing another page.
 */
export function routeFrom(hash: string): Route {
  if (HOME.has(hash)) return { page: 'live-cases' };
  const match = CASE.exec(hash);
  if (match?.[1] && match[2]) {
    const [laCode, caseId] = [decoded(match[1]), decoded(match[2])];
    if (laCode !== undefined && caseId !== undefined) return { page: 'case', laCode, caseId };
  }
  return { page: 'not-found' };
}

/** A path segment as written, or undefined when it is not valid percent-encoding. */
function decoded(segment: string): string | undefined {
  try {
    return decodeURIComponent(segment);
  } catch {
    return undefined;
  }
}

export function hrefFor(route: Route): string {
  switch (route.page) {
    case 'live-cases':
      return '#/';
    case 'case':
      return `#/cases/${encodeURIComponent(route.laCode)}/${encodeURIComponent(route.caseId)}`;
    case 'not-found':
      return '#/not-found';
    default: {
      const unknown: never = route;
      throw new RangeError(`unknown route: ${JSON.stringify(unknown)}`);
    }
  }
}
