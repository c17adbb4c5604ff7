/**
 * The tab's pages, addressed by the URL's hash so that the server serves one static page and a Teams
 * tab's content URL never has to change.
 */
export type Route =
  | { readonly page: 'live-cases' }
  | { readonly page: 'case'; readonly laCode: string; readonly caseId: string }
  | { readonly page: 'not-found' }
  | { readonly page: 'directory'; readonly laCode: string }
  | { readonly page: 'arrange'; readonly laCode: string; readonly caseId: string }
  /** The contribute stage: advice requests, the advice form, views and the gate to the meeting. */
  | { readonly page: 'contribute'; readonly laCode: string; readonly caseId: string }
  /** An LA officer's list of every live case of the LA, a page at a time. */
  | { readonly page: 'la-cases'; readonly laCode: string }
  /** When the LA warns of its dates, for its officers and admins. */
  | { readonly page: 'warning-policy'; readonly laCode: string };

const CASE = /^#\/cases\/([^/]+)\/([^/]+)$/;
const ARRANGE = /^#\/cases\/([^/]+)\/([^/]+)\/arrange$/;
const CONTRIBUTE = /^#\/cases\/([^/]+)\/([^/]+)\/contribute$/;
const DIRECTORY = /^#\/directory\/([^/]+)$/;
const LA_CASES = /^#\/las\/([^/]+)\/cases$/;
const WARNING_POLICY = /^#\/las\/([^/]+)\/warnings$/;

/** The addresses of My live cases: the tab's own URL, with or without an empty hash. */
const HOME = new Set(['', '#', '#/']);

/**
 * The page `hash` names; an address that names none is `not-found`, so a mistyped or stale link says
 * so instead of quietly showing another page.
 */
export function routeFrom(hash: string): Route {
  if (HOME.has(hash)) return { page: 'live-cases' };
  const arrange = ARRANGE.exec(hash);
  if (arrange?.[1] && arrange[2]) {
    const [laCode, caseId] = [decoded(arrange[1]), decoded(arrange[2])];
    if (laCode !== undefined && caseId !== undefined) return { page: 'arrange', laCode, caseId };
  }
  const contribute = CONTRIBUTE.exec(hash);
  if (contribute?.[1] && contribute[2]) {
    const [laCode, caseId] = [decoded(contribute[1]), decoded(contribute[2])];
    if (laCode !== undefined && caseId !== undefined) return { page: 'contribute', laCode, caseId };
  }
  const la = LA_CASES.exec(hash);
  if (la?.[1]) {
    const laCode = decoded(la[1]);
    if (laCode !== undefined) return { page: 'la-cases', laCode };
  }
  const policy = WARNING_POLICY.exec(hash);
  if (policy?.[1]) {
    const laCode = decoded(policy[1]);
    if (laCode !== undefined) return { page: 'warning-policy', laCode };
  }
  const match = CASE.exec(hash);
  if (match?.[1] && match[2]) {
    const [laCode, caseId] = [decoded(match[1]), decoded(match[2])];
    if (laCode !== undefined && caseId !== undefined) return { page: 'case', laCode, caseId };
  }
  const directory = DIRECTORY.exec(hash);
  if (directory?.[1]) {
    const laCode = decoded(directory[1]);
    if (laCode !== undefined) return { page: 'directory', laCode };
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
    case 'directory':
      return `#/directory/${encodeURIComponent(route.laCode)}`;
    case 'arrange':
      return `#/cases/${encodeURIComponent(route.laCode)}/${encodeURIComponent(route.caseId)}/arrange`;
    case 'contribute':
      return `#/cases/${encodeURIComponent(route.laCode)}/${encodeURIComponent(route.caseId)}/contribute`;
    case 'la-cases':
      return `#/las/${encodeURIComponent(route.laCode)}/cases`;
    case 'warning-policy':
      return `#/las/${encodeURIComponent(route.laCode)}/warnings`;
    default: {
      const unknown: never = route;
      throw new RangeError(`unknown route: ${JSON.stringify(unknown)}`);
    }
  }
}
