import type { DirectoryUser } from '../identity/user-directory.ts';

/**
 * What the bot says about itself: the welcome when it is installed, the help for `hello` and `help`,
 * and the answer to a request it does not understand, each for the user's role.
 *
 * @remarks No botbuilder types (answer.ts). Nothing here names a child or a case: help is the same in
 * a 1:1 chat, a group chat and a channel.
 */

/** What the bot understands, as the help lists it. */
export const UNDERSTOOD =
  'I understand: **reviews** (your live reviews, most urgent first, in a 1:1 chat with me), ' +
  '**overdue** and **due** (your own steps that are late or due soon, in a 1:1 chat), ' +
  "**requests** (the requests for your advice, and your team's requests to allocate, each as a card to " +
  'answer, in a 1:1 chat), ' +
  "**arrange** and a child's name (a SENCo arranging that review's meeting, in a 1:1 chat) and " +
  '**help** (or **hello**: what you can do here).';

/** What this user can do here, by their role (permissions.ts: the SENCo runs the review, the LA decides). */
export function roleHelp(user: Pick<DirectoryUser, 'roles'>): string {
  if (user.roles.some((role) => role.kind === 'senco')) {
    return (
      "As your setting's SENCo you can see its live EHC plan annual reviews here, most urgent first, " +
      'with what you have to do next and by when. Open the EHC Review Hub tab to run a review: arrange ' +
      'the meeting, request and collect advice, take the register and submit the report.'
    );
  }
  if (user.roles.some((role) => role.kind === 'la-officer')) {
    return (
      "As an officer of the local authority you can see the live reviews of the LA's cases here, most " +
      'urgent first, with the decisions and final plans the LA owes and by when, and what is overdue. ' +
      "Open the EHC Review Hub tab for each case's statutory dates."
    );
  }
  if (user.roles.some((role) => role.kind === 'allocator')) {
    return (
      "Requests for your team's advice come to you here as cards: accept one for the team and answer " +
      'it yourself, decline it with a reason, or allocate it to a named professional, whose name then ' +
      'shows on the review and who gets the request.'
    );
  }
  return (
    'You can see the reviews you are invited to here, with what is asked of you (your advice or your ' +
    'views) and by when; steps for the SENCo or the LA are marked as theirs.'
  );
}

/** The answer to `hello` and `help`. */
export function helpReply(user: Pick<DirectoryUser, 'roles'>): string {
  return `${roleHelp(user)}\n\n${UNDERSTOOD}`;
}

/** The answer to anything else: it says so, and what the bot understands. */
export function notUnderstoodReply(): string {
  return `Sorry, I did not understand that. ${UNDERSTOOD}`;
}

/** The first message in a new 1:1 chat, when the user installs the app. */
export function welcomeReply(user: Pick<DirectoryUser, 'name' | 'roles'>): string {
  const first = user.name.split(' ')[0] ?? user.name;
  return `Welcome to EHC Review Hub, ${first}. ${helpReply(user)}`;
}
