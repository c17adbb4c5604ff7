import type { Problem } from '../../../bot/src/review/errors.ts';
import type { WarningPolicy } from '../../../bot/src/review/warning-policy.ts';
import type { SignInSettings } from '../auth/sign-in-settings.ts';
import type { MemberChange } from '../directory/member-form.ts';
import type {
  ArrangementResponse,
  CaseDetail,
  CaseMute,
  ChannelLinkView,
  CommandAnswer,
  ContributeAnswer,
  ContributionResponse,
  DeadlineCheckReport,
  Directory,
  ErrorBody,
  InvitationsResponse,
  LaCasesPage,
  LinkChannelBody,
  LiveCasesResponse,
  LocalTeam,
  LocalUsers,
  Me,
  Member,
  WarningPolicyView,
} from './types.ts';

/**
 * How the tab proves who the user is to the API.
 *
 * @remarks The one place sign-in reaches a request. In local mode the chosen demo user travels in the
 * `X-Ehc-User` header; in azure mode a token, `Authorization: Bearer <token>`, from Teams SSO or MSAL
 * (auth/azure-sign-in.ts), asked for on every request so that a renewed token is always the one sent.
 */
export type Credentials =
  | { readonly kind: 'anonymous' }
  | { readonly kind: 'demo-user'; readonly userId: string }
  | { readonly kind: 'bearer'; readonly token: () => Promise<string> };

export const ANONYMOUS: Credentials = { kind: 'anonymous' };

async function headersFor(credentials: Credentials): Promise<Record<string, string>> {
  switch (credentials.kind) {
    case 'anonymous':
      return {};
    case 'demo-user':
      return { 'X-Ehc-User': credentials.userId };
    case 'bearer':
      return { Authorization: `Bearer ${await credentials.token()}` };
    default: {
      const unknown: never = credentials;
      throw new TypeError(`unknown credentials: ${JSON.stringify(unknown)}`);
    }
  }
}

/** An answer the API gave instead of what was asked, with its stable code and a message a user can act on. */
export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly problems: readonly Problem[];

  constructor(status: number, code: string, message: string, problems: readonly Problem[] = []) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.code = code;
    this.problems = problems;
  }
}

/** Codes the tab makes itself when there is no API answer to read. */
export const NETWORK_ERROR = 'NETWORK_ERROR';
export const BAD_RESPONSE = 'BAD_RESPONSE';

export interface ApiClient {
  signInSettings(): Promise<SignInSettings>;
  me(): Promise<Me>;
  localUsers(): Promise<LocalUsers>;
  liveCases(): Promise<LiveCasesResponse>;
  caseDetail(laCode: string, caseId: string): Promise<CaseDetail>;
  directory(laCode: string): Promise<Directory>;
  putMember(laCode: string, change: MemberChange): Promise<{ member: Member }>;
  removeMember(laCode: string, memberId: string): Promise<void>;
  arrangement(laCode: string, caseId: string): Promise<ArrangementResponse>;
  invitations(laCode: string, caseId: string): Promise<InvitationsResponse>;
  /**
   * A command of the arrange stage: POST `body` (with its `commandId`) to `.../review/<action>`.
   * `action` is `start`, `meeting`, `invitees`, `invitees/<id>/remove`, `invitations` or `abandon`.
   */
  command(laCode: string, caseId: string, action: string, body: object): Promise<CommandAnswer>;
  contribution(laCode: string, caseId: string): Promise<ContributionResponse>;
  /**
   * A command of the contribute stage: POST `body` (with its `commandId`) to `.../review/<action>`:
   * `advice/draft`, `advice/submit`, `attachments`, `views`, `progress-to-meeting`,
   * `requests/<id>/close`, `invitees/<id>/request-advice`.
   */
  contribute(laCode: string, caseId: string, action: string, body: object): Promise<ContributeAnswer>;
  /** A supporting document's bytes, for the user to save. */
  attachment(laCode: string, caseId: string, attachmentId: string): Promise<Blob>;
  /** One page of 50 of an LA's live cases; `continuation` from the previous page for the next. */
  laCasesPage(laCode: string, continuation?: string): Promise<LaCasesPage>;
  /** What a channel is linked to, and what the user may link it to. */
  channelLink(channelId: string): Promise<ChannelLinkView>;
  linkChannel(channelId: string, body: LinkChannelBody): Promise<unknown>;
  unlinkChannel(channelId: string): Promise<void>;
  /** Local mode's demo teams. */
  localTeams(): Promise<{ readonly teams: readonly LocalTeam[] }>;
  caseMute(laCode: string, caseId: string): Promise<CaseMute>;
  setCaseMute(laCode: string, caseId: string, muted: boolean): Promise<CaseMute>;
  runDeadlineCheck(): Promise<DeadlineCheckReport>;
  warningPolicy(laCode: string): Promise<WarningPolicyView>;
  setWarningPolicy(laCode: string, policy: WarningPolicy): Promise<WarningPolicyView>;
}

export function createApiClient(
  credentials: Credentials,
  fetchImpl: typeof fetch = (input, init) => fetch(input, init),
): ApiClient {
  async function get<T>(path: string): Promise<T> {
    return send<T>('GET', path);
  }
  async function send<T>(
    method: 'GET' | 'PUT' | 'POST' | 'DELETE',
    path: string,
    json?: unknown,
  ): Promise<T> {
    const headers: Record<string, string> = {
      Accept: 'application/json',
      ...(await headersFor(credentials)),
    };
    if (json !== undefined) headers['Content-Type'] = 'application/json';
    let response: Response;
    try {
      response = await fetchImpl(
        path,
        method === 'GET'
          ? { headers }
          : { method, headers, ...(json === undefined ? {} : { body: JSON.stringify(json) }) },
      );
    } catch {
      throw new ApiError(
        0,
        NETWORK_ERROR,
        'The EHC Review Hub server could not be reached. Check your connection and try again.',
      );
    }
    if (response.status === 204) return undefined as T;
    const body: unknown = await response.json().catch(() => undefined);
    if (response.ok && body !== undefined) return body as T;
    throw errorFrom(response.status, body);
  }
  const segment = encodeURIComponent;
  const channelPath = (channelId: string) => `/api/channels/${segment(channelId)}/link`;
  const mutePath = (laCode: string, caseId: string) =>
    `/api/cases/${segment(laCode)}/${segment(caseId)}/warnings/mute`;
  return {
    signInSettings: () => get<SignInSettings>('/api/sign-in'),
    me: () => get<Me>('/api/me'),
    localUsers: () => get<LocalUsers>('/api/local/users'),
    liveCases: () => get<LiveCasesResponse>('/api/cases'),
    caseDetail: (laCode, caseId) => get<CaseDetail>(`/api/cases/${segment(laCode)}/${segment(caseId)}`),
    directory: (laCode) => get<Directory>(`/api/directory/${segment(laCode)}`),
    putMember: (laCode, change) => send('PUT', `/api/directory/${segment(laCode)}/members`, change),
    removeMember: (laCode, memberId) =>
      send('DELETE', `/api/directory/${segment(laCode)}/members/${segment(memberId)}`),
    arrangement: (laCode, caseId) =>
      get<ArrangementResponse>(`/api/cases/${segment(laCode)}/${segment(caseId)}/review`),
    invitations: (laCode, caseId) =>
      get<InvitationsResponse>(`/api/cases/${segment(laCode)}/${segment(caseId)}/review/invitations`),
    command: (laCode, caseId, action, body) =>
      send<CommandAnswer>('POST', `/api/cases/${segment(laCode)}/${segment(caseId)}/review/${action}`, body),
    contribution: (laCode, caseId) =>
      get<ContributionResponse>(`/api/cases/${segment(laCode)}/${segment(caseId)}/review/contribution`),
    contribute: (laCode, caseId, action, body) =>
      send<ContributeAnswer>(
        'POST',
        `/api/cases/${segment(laCode)}/${segment(caseId)}/review/${action}`,
        body,
      ),
    async attachment(laCode, caseId, attachmentId) {
      const path = `/api/cases/${segment(laCode)}/${segment(caseId)}/review/attachments/${segment(attachmentId)}`;
      let response: Response;
      try {
        response = await fetchImpl(path, { headers: await headersFor(credentials) });
      } catch {
        throw new ApiError(0, NETWORK_ERROR, 'The EHC Review Hub server could not be reached. Try again.');
      }
      if (response.ok) return response.blob();
      throw errorFrom(response.status, await response.json().catch(() => undefined));
    },
    laCasesPage: (laCode, continuation) =>
      get<LaCasesPage>(
        `/api/las/${segment(laCode)}/cases${continuation ? `?continuation=${segment(continuation)}` : ''}`,
      ),
    channelLink: (channelId) => get<ChannelLinkView>(channelPath(channelId)),
    linkChannel: (channelId, body) => send('PUT', channelPath(channelId), body),
    unlinkChannel: (channelId) => send('DELETE', channelPath(channelId)),
    localTeams: () => get('/api/local/teams'),
    caseMute: (laCode, caseId) => get<CaseMute>(mutePath(laCode, caseId)),
    setCaseMute: (laCode, caseId, muted) =>
      send<CaseMute>(muted ? 'PUT' : 'DELETE', mutePath(laCode, caseId)),
    runDeadlineCheck: () => send<DeadlineCheckReport>('POST', '/api/deadline-check'),
    warningPolicy: (laCode) => get<WarningPolicyView>(`/api/las/${segment(laCode)}/warning-policy`),
    setWarningPolicy: (laCode, policy) =>
      send<WarningPolicyView>('PUT', `/api/las/${segment(laCode)}/warning-policy`, policy),
  };
}

/** Reads the API's error body; anything else (a proxy's HTML page, an empty body) becomes BAD_RESPONSE. */
export function errorFrom(status: number, body: unknown): ApiError {
  if (isErrorBody(body)) {
    const { code, message, problems } = body.error;
    return new ApiError(status, code, message, Array.isArray(problems) ? problems : []);
  }
  return new ApiError(
    status,
    BAD_RESPONSE,
    `The server gave an answer the tab could not read (HTTP ${status}).`,
  );
}

function isErrorBody(body: unknown): body is ErrorBody {
  if (typeof body !== 'object' || body === null || !('error' in body)) return false;
  const error = (body as { error: unknown }).error;
  return (
    typeof error === 'object' &&
    error !== null &&
    typeof (error as { code?: unknown }).code === 'string' &&
    typeof (error as { message?: unknown }).message === 'string'
  );
}
