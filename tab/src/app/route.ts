/**
 * The tab's pages, addressed by the URL's hash so that the server serves one static page and a Teams
 * tab's content URL never has to change.
 */
export type Route =
  | { readonly page: 'live-cases' }
  | { readonly page: 'case'; readonly laCode: string; readonly caseId: string }
  /** An LA officer's list of every live case of the LA, a page at a time. */
  | { readonly page: 'la-cases'; readonly laCode: string };

const CASE = /^#\/cases\/([^/]+)\/([^/]+)$/;
const LA_CASES = /^#\/las\/([^/]+)\/cases$/;

export function routeFrom(hash: string): Route {
  const la = LA_CASES.exec(hash);
  if (la?.[1]) return { page: 'la-cases', laCode: decodeURIComponent(la[1]) };
  const match = CASE.exec(hash);
  if (match?.[1] && match[2]) {
    return { page: 'case', laCode: decodeURIComponent(match[1]), caseId: decodeURIComponent(match[2]) };
  }
  return { page: 'live-cases' };
}

export function hrefFor(route: Route): string {
  switch (route.page) {
    case 'live-cases':
      return '#/';
    case 'case':
      return `#/cases/${encodeURIComponent(route.laCode)}/${encodeURIComponent(route.caseId)}`;
    case 'la-cases':
      return `#/las/${encodeURIComponent(route.laCode)}/cases`;
    default: {
      const unknown: never = route;
      throw new RangeError(`unknown route: ${JSON.stringify(unknown)}`);
    }
  }
}
