import { describe, expect, it } from 'vitest';
import type { ChannelLink } from '../../bot/src/review/digest.ts';
import {
  type Actor,
  linkChoices,
  mayChangeChannelLink,
  mayConfigureWarnings,
  mayLinkChannel,
  mayRunDeadlineCheck,
} from '../../bot/src/review/permissions.ts';

const harbour: ChannelLink = { kind: 'setting', settingUrn: '900001' };
const fellside: ChannelLink = { kind: 'setting', settingUrn: '900002' };
const northshire: ChannelLink = { kind: 'la', laCode: '999' };
const otherLa: ChannelLink = { kind: 'la', laCode: '860' };

const sencoOfHarbour: Actor = {
  email: 'senco@harbour.example',
  roles: [{ kind: 'senco', settingUrn: '900001', laCode: '999' }],
};
const officerOfNorthshire: Actor = {
  email: 'officer@ns.example',
  roles: [{ kind: 'la-officer', laCode: '999' }],
};
const adminOfNorthshire: Actor = { email: 'admin@ns.example', roles: [{ kind: 'la-admin', laCode: '999' }] };
const allocator: Actor = {
  email: 'ds@ns.example',
  roles: [{ kind: 'allocator', laCode: '999', teamEmail: 'ds@ns.example' }],
};
const professional: Actor = { email: 'ep@ns.example', roles: [] };

describe('who may link a channel', () => {
  it('a SENCo links a channel to their own setting’s SEND team, from whichever LA added them', () => {
    expect(mayLinkChannel(sencoOfHarbour, harbour)).toBe(true);
    const addedByAnotherLa: Actor = { roles: [{ kind: 'senco', settingUrn: '900001', laCode: '860' }] };
    expect(mayLinkChannel(addedByAnotherLa, harbour)).toBe(true);
  });

  it('a SENCo may not link another setting’s SEND team, nor an LA’s', () => {
    expect(mayLinkChannel(sencoOfHarbour, fellside)).toBe(false);
    expect(mayLinkChannel(sencoOfHarbour, northshire)).toBe(false);
  });

  it('an LA officer links a channel to their LA’s SEND team, not another LA’s', () => {
    expect(mayLinkChannel(officerOfNorthshire, northshire)).toBe(true);
    expect(mayLinkChannel(officerOfNorthshire, otherLa)).toBe(false);
  });

  it('an LA officer may not link a channel to a setting: a setting’s channel shows every LA’s cases there', () => {
    expect(mayLinkChannel(officerOfNorthshire, harbour)).toBe(false);
  });

  it('nobody else links anything: an LA admin, an allocator, a professional', () => {
    for (const actor of [adminOfNorthshire, allocator, professional]) {
      for (const link of [harbour, fellside, northshire, otherLa])
        expect(mayLinkChannel(actor, link)).toBe(false);
    }
  });

  it('changing a link takes both ends: no taking over a channel linked to others’ cases', () => {
    expect(mayChangeChannelLink(sencoOfHarbour, undefined, harbour)).toBe(true);
    expect(mayChangeChannelLink(sencoOfHarbour, harbour, undefined)).toBe(true);
    expect(mayChangeChannelLink(sencoOfHarbour, northshire, harbour)).toBe(false);
    expect(mayChangeChannelLink(officerOfNorthshire, northshire, undefined)).toBe(true);
    expect(mayChangeChannelLink(officerOfNorthshire, harbour, undefined)).toBe(false);
    const both: Actor = { roles: [...sencoOfHarbour.roles, ...officerOfNorthshire.roles] };
    expect(mayChangeChannelLink(both, northshire, harbour)).toBe(true);
    expect(mayChangeChannelLink(both, undefined, undefined)).toBe(false);
  });

  it('offers each person exactly the links they may make, each once', () => {
    const both: Actor = {
      roles: [
        ...sencoOfHarbour.roles,
        { kind: 'senco', settingUrn: '900001', laCode: '860' },
        ...officerOfNorthshire.roles,
      ],
    };
    expect(linkChoices(both)).toEqual([harbour, northshire]);
    expect(linkChoices(adminOfNorthshire)).toEqual([]);
    for (const actor of [
      sencoOfHarbour,
      officerOfNorthshire,
      adminOfNorthshire,
      allocator,
      professional,
      both,
    ]) {
      for (const link of linkChoices(actor)) expect(mayLinkChannel(actor, link)).toBe(true);
    }
  });
});

describe('who may run the deadline check now', () => {
  it('with real cases an LA officer, nobody else', () => {
    expect(mayRunDeadlineCheck(officerOfNorthshire, 'live')).toBe(true);
    for (const actor of [sencoOfHarbour, adminOfNorthshire, allocator, professional]) {
      expect(mayRunDeadlineCheck(actor, 'live')).toBe(false);
    }
  });

  it('on local mode’s fictional data anyone signed in, to see what the daily check sends', () => {
    for (const actor of [sencoOfHarbour, professional]) expect(mayRunDeadlineCheck(actor, 'demo')).toBe(true);
  });
});

describe('who may set when an LA warns of its dates', () => {
  it('the LA’s officers and its admins', () => {
    expect(mayConfigureWarnings(officerOfNorthshire, '999')).toBe(true);
    expect(mayConfigureWarnings(adminOfNorthshire, '999')).toBe(true);
  });

  it('each LA only its own', () => {
    expect(mayConfigureWarnings(officerOfNorthshire, '860')).toBe(false);
    expect(mayConfigureWarnings(adminOfNorthshire, '860')).toBe(false);
  });

  it('not a SENCo, an allocator or a professional, even of that LA', () => {
    for (const actor of [sencoOfHarbour, allocator, professional]) {
      expect(mayConfigureWarnings(actor, '999')).toBe(false);
    }
  });
});
