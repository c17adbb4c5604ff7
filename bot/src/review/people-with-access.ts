import { isFamily, type Person, uniqueByEmail } from './case.ts';
import type { CaseFile } from './case-file.ts';
import { invitedPeople } from './permissions.ts';

/**
 * The people a case file names who may read it because of who they are, not because of a role: the
 * case coordinator, everyone invited to the current review once the invitations have gone out (and a
 * professional a team allocated), and the parent or young person.
 *
 * @remarks The same relations as `relationsTo` in permissions.ts grants by person ('coordinator',
 * 'invitee', 'parent'); a SENCo and an LA officer read by role and are found by setting or LA instead.
 * People of the previous review who are not invited to this one (`case.people`, except the family)
 * have no access, so they are not listed. Emails are lower-cased; each person appears once.
 */
export function peopleWithAccess(file: CaseFile): Person[] {
  const { case: ehcCase } = file;
  return uniqueByEmail([
    ...(ehcCase.coordinator ? [ehcCase.coordinator] : []),
    ...invitedPeople(file),
    ...ehcCase.people.filter(isFamily),
  ]);
}

/** The lower-cased email addresses of {@link peopleWithAccess}. */
export function emailsWithAccess(file: CaseFile): string[] {
  return peopleWithAccess(file).map((person) => person.email);
}
