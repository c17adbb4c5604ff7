import type { Arrangement, InvitationRecord } from '../../../bot/src/review/arrange/arrangement.ts';
import type { Clock } from '../../../bot/src/review/clock.ts';
import type { CommandResult } from '../../../bot/src/review/command.ts';
import type { AdviceDocument } from '../../../bot/src/review/contribute/advice.ts';
import type { Contribution } from '../../../bot/src/review/contribute/contribution.ts';
import type { ChannelLink } from '../../../bot/src/review/digest.ts';
import type { Problem } from '../../../bot/src/review/errors.ts';
import type { Member } from '../../../bot/src/review/membership.ts';
import type { NextAction } from '../../../bot/src/review/next-action.ts';
import type { ActorRole } from '../../../bot/src/review/permissions.ts';
import type { PlainDate } from '../../../bot/src/review/plain-date.ts';
import type { AttachmentRef } from '../../../bot/src/review/review.ts';
import type { CaseSummary } from '../../../bot/src/review/summary.ts';
import type { WarningPolicy } from '../../../bot/src/review/warning-policy.ts';

/**
 * The shapes of the REST API the tab calls (`/api/...`), as the tab reads them.
 *
 * @remarks The tab imports the domain's types (DESIGN.md section 4): a case summary here is the very
 * `CaseSummary` the server builds, so the two cannot drift apart.
 */
export type Mode = 'local' | 'azure';

export type UserRole = ActorRole;
export type { CaseSummary, NextAction };

export interface SignedInUser {
  readonly id: string;
  readonly name: string;
  readonly email: string;
  readonly roles: readonly UserRole[];
}

export interface Me {
  readonly mode: Mode;
  readonly user: SignedInUser;
}

/** A fictional demo user offered by the local-mode sign-in picker. */
export interface LocalUser {
  readonly id: string;
  readonly name: string;
  readonly email: string;
  /** Who they are in the demo, e.g. "SENCo, Oakfield Primary School". */
  readonly description: string;
}

export interface LocalUsers {
  readonly users: readonly LocalUser[];
}

export interface LiveCasesResponse {
  /** The server's today in Europe/London: dates are compared with it, never with the browser's clock. */
  readonly today: PlainDate;
  /** Most urgent first. */
  readonly cases: readonly CaseSummary[];
}

/** One page of an LA's live cases (`GET /api/las/{laCode}/cases`), earliest next due date first. */
export interface LaCasesPage {
  readonly today: PlainDate;
  readonly cases: readonly CaseSummary[];
  /** Pass it back for the next page; absent on the last. */
  readonly continuation?: string;
}

/**
 * One case, as `GET /api/cases/{laCode}/{caseId}` answers it: the domain's summary and clock, and the
 * server's today they were counted on.
 *
 * @remarks The domain has no type of the whole answer, and the API's (`CaseDetailSchema`) lives in
 * bot/src/api, an adapter the tab may not import (DESIGN.md section 4); so it is put together here from
 * the domain's types, and a test holds its fields to the schema's.
 */
export interface CaseDetail {
  /** The server's today in Europe/London: the case's dates are counted from it, never from the browser's clock. */
  readonly today: PlainDate;
  readonly summary: CaseSummary;
  readonly clock: Clock;
}

/** The arrange stage of a review (`GET .../review`), with the server's today. */
export interface ArrangementResponse extends Arrangement {
  readonly today: PlainDate;
}

/** What every command of the arrange stage answers. */
export interface CommandAnswer {
  readonly result: CommandResult;
  readonly repeated: boolean;
  readonly arrangement: ArrangementResponse;
}

export interface InvitationsResponse {
  readonly invitations: readonly (InvitationRecord & { readonly download?: string })[];
}

/** The body of every 4xx answer. */
export interface ErrorBody {
  readonly error: { readonly code: string; readonly message: string; readonly problems: readonly Problem[] };
}

export type { Member };

export interface Directory {
  readonly laCode: string;
  readonly members: readonly Member[];
}

export type { ChannelLink };

/** A link the user may make, as the configuration page offers it. */
export interface LinkChoice {
  readonly link: ChannelLink;
  readonly name: string;
}

/** `GET /api/channels/{channelId}/link`: the channel's link as the signed-in user sees it. */
export interface ChannelLinkView {
  readonly channelId: string;
  /** The current link, when the user may change it. */
  readonly link?: { readonly link: ChannelLink; readonly name: string; readonly linkedAt: string };
  /** Linked to cases this user may not link. */
  readonly linkedByOthers: boolean;
  readonly choices: readonly LinkChoice[];
}

/** What `PUT /api/channels/{channelId}/link` takes. */
export interface LinkChannelBody {
  readonly teamId: string;
  readonly tenantId: string;
  readonly link: ChannelLink;
  readonly onlyReviewersConfirmed: boolean;
}

/** A demo team of local mode (`GET /api/local/teams`). */
export interface LocalTeam {
  readonly teamId: string;
  readonly name: string;
  readonly tenantId: string;
  readonly channel: { readonly id: string; readonly name: string };
}

/** Whether the user muted a case's warnings for themself, and what a mute never silences. */
export interface CaseMute {
  readonly muted: boolean;
  readonly stillSent: string;
}

/** When an LA warns of its dates (`GET /api/las/{laCode}/warning-policy`). */
export interface WarningPolicyView {
  readonly laCode: string;
  readonly policy: WarningPolicy;
  /** False while the LA has chosen nothing and the defaults apply. */
  readonly chosen: boolean;
  readonly setAt?: string;
  readonly words: string;
}

/** What "Run the deadline check now" did (`POST /api/deadline-check`). */
export type DeadlineCheckReport =
  | {
      readonly swept: true;
      readonly day: PlainDate;
      readonly cases: number;
      readonly recorded: number;
      readonly repeats: number;
    }
  | { readonly swept: false; readonly reason: 'lease-held' };
/** A piece of advice as the API shows it: without the store's bookkeeping (contribute-routes.ts). */
export type PublicAdvice = Omit<
  AdviceDocument,
  'writtenBy' | 'lastCommandId' | 'laCode' | 'caseId' | 'reviewId' | 'attachments'
> & { readonly attachments: readonly Omit<AttachmentRef, 'uploadedBy'>[] };

/** The contribute stage (`GET .../review/contribution`): the domain's view, its advice made public. */
export type ContributionResponse = Omit<Contribution, 'advice'> & {
  readonly advice: readonly PublicAdvice[];
};

/** What every command of the contribute stage answers. */
export interface ContributeAnswer {
  readonly result: CommandResult;
  readonly repeated: boolean;
  readonly contribution: ContributionResponse;
}
