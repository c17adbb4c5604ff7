/**
 * The tab's pages, addressed by the URL's hash so that the server serves one static page and a Teams
 * tab's content URL never has to change.
 */
export type Route =
  | { readonly page: 'live-cases' }
  | { readonly page: 'case'; readonly laCode: string; readonly caseId: string }
  | { readonly page: 'arrange'; readonly laCode: string; readonly caseId: string };

const CASE = /^#\/cases\/([^/]+)\/([^/]+)$/;
const ARRANGE = /^#\/cases\/([^/]+)\/([^/]+)\/arrange$/;

export function routeFrom(hash: string): Route {
  const arrange = ARRANGE.exec(hash);
  if (arrange?.[1] && arrange[2]) {
    return {
      page: 'arrange',
      laCode: decodeURIComponent(arrange[1]),
      caseId: decodeURIComponent(arrange[2]),
    };
  }
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
    case 'arrange':
      return `#/cases/${encodeURIComponent(route.laCode)}/${encodeURIComponent(route.caseId)}/arrange`;
    default: {
      const unknown: never = route;
      throw new RangeError(`unknown route: ${JSON.stringify(unknown)}`);
    }
  }
}
