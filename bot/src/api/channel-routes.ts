import {
  type ChannelLinkingDeps,
  channelLinkView,
  linkChannel,
  unlinkChannel,
} from '../caseload/channel-linking.ts';
import { accountKey, actorOf } from '../identity/user-directory.ts';
import type { Mode } from './authenticate.ts';
import {
  ChannelLinkRecordSchema,
  ChannelLinkViewSchema,
  ChannelParamsSchema,
  LinkChannelBodySchema,
  LocalTeamsSchema,
} from './channel-schemas.ts';
import { checkBody, type SignedIn } from './command-route.ts';
import { httpError } from './http-errors.ts';
import { type ApiRequest, type ApiRoute, checkParams, type ResponseDoc } from './routes.ts';
import { ErrorBodySchema } from './schemas.ts';

/** A demo team of local mode, as the configuration page offers it in a plain browser. */
export interface LocalTeam {
  readonly teamId: string;
  readonly name: string;
  readonly tenantId: string;
  readonly channel: { readonly id: string; readonly name: string };
}

export interface ChannelRouteContext extends Pick<SignedIn, 'signIn'> {
  readonly mode: Mode;
  readonly deps: ChannelLinkingDeps;
  /** Local mode: the demo teams. */
  readonly localTeams?: readonly LocalTeam[];
}

const error = (description: string): ResponseDoc => ({ description, schema: ErrorBodySchema });
const ERRORS = {
  400: error('INVALID_INPUT: a parameter or field is not valid; each problem names it. Nothing changed.'),
  401: error('UNKNOWN_USER.'),
  503: error('AUDIT_UNAVAILABLE: done, but not yet audited. Send it again.'),
} as const;
const FORBIDDEN = error(
  'CHANNEL_LINK_NOT_ALLOWED: a link the user may not make (only a setting’s SENCo to its SEND team, an LA officer to the LA’s), or a channel linked to cases the user may not link. Nothing changed.',
);

/** Where a channel's link is read and changed: the channel tab's configuration page. */
export const CHANNEL_LINK_PATH = '/api/channels/{channelId}/link';

/**
 * The channel tab's configuration page's routes (issue 13): what a channel is linked to and what the
 * user may link it to, linking and unlinking; and, in local mode, the demo team it configures.
 *
 * @remarks Who may link what is the domain's rule (permissions.ts `mayLinkChannel`); the audit entries
 * are recorded by caseload/channel-linking.ts.
 */
export function channelRoutes(context: ChannelRouteContext): ApiRoute[] {
  const { deps } = context;
  const linkerOf = async (request: ApiRequest) => {
    const user = await context.signIn(request);
    return { actor: actorOf(user), accountKey: accountKey(user.identity) };
  };
  return [
    {
      method: 'get',
      path: CHANNEL_LINK_PATH,
      operationId: 'getChannelLink',
      summary: 'What a channel is linked to (when the user may change it) and what the user may link it to',
      signedIn: true,
      params: ChannelParamsSchema,
      responses: {
        200: { description: 'The channel’s link as the user sees it.', schema: ChannelLinkViewSchema },
        400: ERRORS[400],
        401: ERRORS[401],
      },
      async handle(request) {
        const linker = await linkerOf(request);
        const { channelId } = checkParams(ChannelParamsSchema, request.params);
        return { status: 200, body: await channelLinkView(linker, channelId, deps) };
      },
    },
    {
      method: 'put',
      path: CHANNEL_LINK_PATH,
      operationId: 'linkChannel',
      summary:
        'Links a channel to a setting’s or an LA’s SEND team: its cases go into the channel’s daily digest',
      description:
        'Replaces the channel’s link. The person linking must confirm that only people working on these reviews are in the channel. The same link again changes nothing. Audited.',
      signedIn: true,
      params: ChannelParamsSchema,
      body: { description: 'The team, the link and the confirmation.', schema: LinkChannelBodySchema },
      responses: {
        200: { description: 'Linked.', schema: ChannelLinkRecordSchema },
        ...ERRORS,
        400: error(
          'INVALID_INPUT: a field is not valid; CHANNEL_NOT_CONFIRMED: the confirmation is not given. Each problem names the field. Nothing changed.',
        ),
        403: FORBIDDEN,
      },
      async handle(request) {
        const linker = await linkerOf(request);
        const { channelId } = checkParams(ChannelParamsSchema, request.params);
        const body = checkBody(LinkChannelBodySchema, request.body);
        const { linkedBy: _by, ...record } = await linkChannel(linker, { channelId, ...body }, deps);
        return { status: 200, body: record };
      },
    },
    {
      method: 'delete',
      path: CHANNEL_LINK_PATH,
      operationId: 'unlinkChannel',
      summary: 'Unlinks a channel: it gets no more digests. Unlinking one not linked changes nothing',
      signedIn: true,
      params: ChannelParamsSchema,
      responses: { 204: { description: 'Not linked (any more).' }, ...ERRORS, 403: FORBIDDEN },
      async handle(request) {
        const linker = await linkerOf(request);
        const { channelId } = checkParams(ChannelParamsSchema, request.params);
        await unlinkChannel(linker, channelId, deps);
        return { status: 204, body: undefined };
      },
    },
    {
      method: 'get',
      path: '/api/local/teams',
      operationId: 'listLocalTeams',
      summary: 'The demo teams of local mode',
      description:
        'For the channel configuration page in a plain browser, where no Teams context names the channel; 404 in azure mode. Needs no sign-in.',
      signedIn: false,
      responses: {
        200: { description: 'The fictional demo teams.', schema: LocalTeamsSchema },
        404: error('ROUTE_NOT_FOUND: the server is not in local mode.'),
      },
      async handle() {
        if (context.mode !== 'local' || !context.localTeams) return httpError('ROUTE_NOT_FOUND');
        return { status: 200, body: { teams: context.localTeams } };
      },
    },
  ];
}
