import type { InvitationContent } from '../review/outbox.ts';

/** Marks our part of an event's body, so an update replaces it and keeps what Graph added. */
const OURS_START = '<div id="ehc-review-hub">';
const OURS = /<div id="(?:x_)?ehc-review-hub">[\s\S]*?<\/div>/;
/**
 * The start of the Teams join block Graph appends to an online meeting's body: a line of underscores,
 * then "Microsoft Teams meeting" and the join link.
 */
const TEAMS_BLOCK = /_{20,}/;

/** The case's link in the tab, absolute. */
export function caseLink(publicUrl: string, invitation: InvitationContent): string {
  return `${publicUrl.replace(/\/+$/, '')}/${invitation.casePath}`;
}

/** Our part of the body, in HTML: what the meeting is and the link to the case. */
export function invitationHtml(invitation: InvitationContent, publicUrl: string): string {
  const link = caseLink(publicUrl, invitation);
  return `${OURS_START}<p>${escapeHtml(invitation.text)}</p><p><a href="${escapeHtml(link)}">${escapeHtml(link)}</a></p></div>`;
}

/**
 * The body of an update: ours replaced, everything else of the body as the calendar holds it kept.
 *
 * @remarks Graph stops an event being a Teams meeting if a PATCH of `body` drops the online-meeting
 * part it added (issue notes; Graph docs, "Update event"). Exchange may rewrite our `id` as `x_...`;
 * if our part cannot be found at all, ours goes before the Teams block (or the whole old body).
 */
export function updatedBody(current: string, invitation: InvitationContent, publicUrl: string): string {
  const ours = invitationHtml(invitation, publicUrl);
  if (OURS.test(current)) return current.replace(OURS, ours);
  const teams = TEAMS_BLOCK.exec(current);
  if (teams) return `${ours}${current.slice(teams.index)}`;
  return `${ours}${current}`;
}

function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}
