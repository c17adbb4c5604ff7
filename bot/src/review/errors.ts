/**
 * The one catalogue of errors a user can meet. Each has a stable code, a kind that adapters map once
 * to an HTTP status, a card error or a bot reply, and a message that says what is wrong and what to do.
 */
export const ERROR_KINDS = [
  'invalid',
  'not-found',
  'forbidden',
  'conflict',
  'gate',
  'unauthenticated',
  'unavailable',
  'upstream',
] as const;
export type ErrorKind = (typeof ERROR_KINDS)[number];

export interface Problem {
  /** Where the problem is: a field path, a CSV row and column, a card input id. */
  readonly where: string;
  readonly message: string;
}

export const ERROR_CATALOGUE = {
  INVALID_INPUT: { kind: 'invalid', message: 'Some of what was sent is not valid.' },
  IMPORT_INVALID: { kind: 'invalid', message: 'The file has rows that are not valid; nothing was imported.' },
  CASE_NOT_FOUND: { kind: 'not-found', message: 'There is no such case, or you do not have access to it.' },
  MEMBER_NOT_FOUND: {
    kind: 'not-found',
    message: 'There is no such person in this local authority’s directory.',
  },
  ATTACHMENT_NOT_FOUND: {
    kind: 'not-found',
    message: 'There is no such document on this review, or you do not have access to it.',
  },
  NOT_ALLOWED: { kind: 'forbidden', message: 'You are not allowed to do that on this review.' },
  UNKNOWN_USER: {
    kind: 'unauthenticated',
    message: 'We do not know who you are. Sign in with an account that has been given access.',
  },
  SIGN_IN_UNAVAILABLE: {
    kind: 'unavailable',
    message:
      'Could not check your sign-in with Microsoft just now; nothing was shown. Try again in a moment.',
  },
  STALE_WRITE: {
    kind: 'conflict',
    message: 'Someone else changed this review at the same time. Reload it and try again.',
  },
  EDIT_CONFLICT: {
    kind: 'conflict',
    message: 'Someone else changed the same thing since you opened it; nothing was saved. Reload and choose.',
  },
  STAGE_GATE: { kind: 'gate', message: 'The review cannot move on yet.' },
  WRONG_STAGE: { kind: 'gate', message: 'That cannot be done at this stage of the review.' },
  AUDIT_UNAVAILABLE: {
    kind: 'unavailable',
    message: 'Could not record this read in the audit log; nothing was shown. Try again.',
  },
  CHANNEL_LINK_NOT_ALLOWED: {
    kind: 'forbidden',
    message:
      'You can link a channel only to your own setting’s SEND team (as its SENCo) or to your local authority’s SEND team (as one of its officers); nothing was changed.',
  },
  CHANNEL_NOT_CONFIRMED: {
    kind: 'invalid',
    message:
      'Confirm that only people working on these reviews are in this channel: its daily digest names children by first name and case id. Nothing was linked.',
  },
  DEADLINE_CHECK_NOT_ALLOWED: {
    kind: 'forbidden',
    message:
      'Only a local authority officer can run the deadline check now. It also runs by itself every day.',
  },
  WARNINGS_CONFIG_NOT_ALLOWED: {
    kind: 'forbidden',
    message:
      'Only the local authority’s officers and admins can see or change when it warns of its dates; nothing was changed.',
  },
  UNKNOWN_CARD_ACTION: {
    kind: 'invalid',
    message:
      'This button belongs to a card EHC Review Hub no longer knows. Ask for a fresh card and try again.',
  },
  INVOKE_NOT_SUPPORTED: {
    kind: 'invalid',
    message: 'EHC Review Hub does not offer this in Teams. Send "reviews" in a 1:1 chat to see your reviews.',
  },
  REPLY_UNDELIVERABLE: {
    kind: 'upstream',
    message: 'The answer could not be delivered to the conversation. Try again in a moment.',
  },
} as const satisfies Record<string, { kind: ErrorKind; message: string }>;

export type ErrorCode = keyof typeof ERROR_CATALOGUE;

export class ReviewError extends Error {
  readonly code: ErrorCode;
  readonly kind: ErrorKind;
  readonly problems: readonly Problem[];

  constructor(code: ErrorCode, problems: readonly Problem[] = [], message?: string, options?: ErrorOptions) {
    super(message ?? ERROR_CATALOGUE[code].message, options);
    this.name = 'ReviewError';
    this.code = code;
    this.kind = ERROR_CATALOGUE[code].kind;
    this.problems = problems;
  }
}

export function isReviewError(error: unknown): error is ReviewError {
  return error instanceof ReviewError;
}

/** Problems as one line each, `where: message`, for a command line or a bot reply. */
export function describeProblems(problems: readonly Problem[]): string {
  return problems.map((p) => `${p.where}: ${p.message}`).join('\n');
}
