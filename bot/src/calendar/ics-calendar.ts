import { mkdir, readdir, readFile, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import ical, { ICalAttendeeRole, ICalCalendarMethod, ICalEventStatus } from 'ical-generator';
import type { InvitationContent } from '../review/outbox.ts';
import type { Calendar, CalendarEvent } from './calendar.ts';
import { caseLink } from './invitation-body.ts';

export type IcsMethod = 'REQUEST' | 'CANCEL';

/**
 * The local calendar outbox: every invite, update and cancel as a real iCalendar file (RFC 5546 iTIP:
 * METHOD REQUEST or CANCEL, a stable UID, SEQUENCE one more for each version), so a user of
 * `npm start` sees exactly what would have been sent. Nothing leaves the machine.
 *
 * @remarks The event id is the UID. A file is written to a temporary name and renamed, so a crash
 * never leaves half a file; writing the same version again writes the same name, so a repeat is one
 * file.
 */
export class IcsCalendar implements Calendar {
  readonly #dir: string;
  readonly #publicUrl: string;
  readonly #now: () => Date;

  constructor(options: { dir: string; publicUrl: string; now?: () => Date }) {
    this.#dir = options.dir;
    this.#publicUrl = options.publicUrl;
    this.#now = options.now ?? (() => new Date());
  }

  async create(invitation: InvitationContent): Promise<CalendarEvent> {
    await this.#write(invitation, 'REQUEST');
    return { eventId: invitation.uid };
  }

  async update(_eventId: string, invitation: InvitationContent): Promise<{ joinUrl?: string }> {
    await this.#write(invitation, 'REQUEST');
    return {};
  }

  async cancel(_eventId: string | undefined, invitation: InvitationContent, comment: string): Promise<void> {
    await this.#write(invitation, 'CANCEL', comment);
  }

  /** The files written for the event `uid`, oldest version first. */
  async filesOf(uid: string): Promise<string[]> {
    const names = await readdir(this.#dir).catch(() => [] as string[]);
    const prefix = `${safeName(uid)}-`;
    return names.filter((name) => name.startsWith(prefix) && name.endsWith('.ics')).sort(bySequence);
  }

  /** The text of one written file, or undefined. */
  async read(name: string): Promise<string | undefined> {
    if (!/^[A-Za-z0-9_.@-]+\.ics$/.test(name)) return undefined;
    return readFile(join(this.#dir, name), 'utf8').catch(() => undefined);
  }

  async #write(invitation: InvitationContent, method: IcsMethod, comment?: string): Promise<void> {
    await mkdir(this.#dir, { recursive: true });
    const name = icsFileName(invitation, method);
    const temporary = join(this.#dir, `.${name}.${process.pid}.tmp`);
    await writeFile(temporary, icsText(invitation, method, this.#publicUrl, this.#now(), comment), 'utf8');
    await rename(temporary, join(this.#dir, name));
  }
}

/** `<uid>-<sequence>-<method>.ics`, the UID made safe for a file name. */
export function icsFileName(invitation: InvitationContent, method: IcsMethod): string {
  return `${safeName(invitation.uid)}-${String(invitation.sequence).padStart(3, '0')}-${method.toLowerCase()}.ics`;
}

/** The iCalendar text of one version of the invitation. */
export function icsText(
  invitation: InvitationContent,
  method: IcsMethod,
  publicUrl: string,
  stamp: Date,
  comment?: string,
): string {
  const calendar = ical({
    prodId: { company: 'EHC Review Hub', product: 'Annual review invitations' },
    method: method === 'CANCEL' ? ICalCalendarMethod.CANCEL : ICalCalendarMethod.REQUEST,
  });
  const link = caseLink(publicUrl, invitation);
  calendar.createEvent({
    id: invitation.uid,
    sequence: invitation.sequence,
    stamp,
    start: `${invitation.start}:00`,
    end: `${invitation.end}:00`,
    timezone: invitation.timeZone,
    summary: invitation.subject,
    description: comment ? `${comment}\n\n${invitation.text} ${link}` : `${invitation.text} ${link}`,
    location: invitation.venue || (invitation.online ? 'Online' : ''),
    url: link,
    ...(method === 'CANCEL' ? { status: ICalEventStatus.CANCELLED } : {}),
    ...(invitation.organiser.email
      ? { organizer: { name: invitation.organiser.email, email: invitation.organiser.email } }
      : {}),
    attendees: invitation.attendees.map((attendee) => ({
      name: attendee.name,
      email: attendee.email,
      rsvp: method === 'REQUEST',
      role: ICalAttendeeRole.REQ,
    })),
  });
  return calendar.toString();
}

function safeName(uid: string): string {
  return uid.replace(/[^A-Za-z0-9_.@-]/g, '_');
}

function bySequence(a: string, b: string): number {
  return a.localeCompare(b);
}
