/**
 * The tab's pages, addressed by the URL's hash so that the server serves one static page and a Teams
 * tab's content URL never has to change.
 */
export type Route =
  | { readonly page: 'live-cases' }
  | { readonly page: 'case'; readonly laCode: string; readonly caseId: string }
  | { readonly page: 'directory'; readonly laCode: string };

const CASE = /^#\/cases\/([^/]+)\/([^/]+)$/;
const DIRECTORY = /^#\/directory\/([^/]+)$/;

export function routeFrom(hash: string): Route {
  const match = CASE.exec(hash);
  if (match?.[1] && match[2]) {
    return { page: 'case', laCode: decodeURIComponent(match[1]), caseId: decodeURIComponent(match[2]) };
  }
  const directory = DIRECTORY.exec(hash);
  if (directory?.[1]) return { page: 'directory', laCode: decodeURIComponent(directory[1]) };
  return { page: 'live-cases' };
}

export function hrefFor(route: Route): string {
  switch (route.page) {
    case 'live-cases':
      return '#/';
    case 'case':
      return `#/cases/${encodeURIComponent(route.laCode)}/${encodeURIComponent(route.caseId)}`;
    case 'directory':
      return `#/directory/${encodeURIComponent(route.laCode)}`;
    default: {
      const unknown: never = route;
      throw new RangeError(`unknown route: ${JSON.stringify(unknown)}`);
    }
  }
}
