import { describe, expect, it } from 'vitest';
import type { ChannelLink } from '../../bot/src/review/digest.ts';
import { type ChannelLinkRecord, CosmosChannelLinks } from '../../bot/src/store/channel-links.ts';
import { freshCosmosForEachTest } from '../support/cosmos.ts';

const cosmos = freshCosmosForEachTest();

const harbour: ChannelLink = { kind: 'setting', settingUrn: '900001' };
const northshire: ChannelLink = { kind: 'la', laCode: '999' };

function makeLink(
  channelId: string,
  link: ChannelLink,
  overrides: Partial<ChannelLinkRecord> = {},
): ChannelLinkRecord {
  return {
    channelId,
    teamId: '19:team@thread.tacv2',
    tenantId: '71c6d067-98d6-40de-9235-50f0e29f17f7',
    link,
    linkedBy: 'tenant/senco',
    linkedAt: '2026-11-23T10:00:00.000Z',
    onlyReviewersConfirmed: true,
    ...overrides,
  };
}

async function links() {
  return CosmosChannelLinks.open(cosmos.db.database);
}

async function allOf(store: CosmosChannelLinks): Promise<ChannelLinkRecord[]> {
  const found: ChannelLinkRecord[] = [];
  for await (const page of store.all()) found.push(...page);
  return found;
}

describe('the channel links', () => {
  it('keeps a channel’s link, read back by the channel’s id as it was written', async () => {
    const store = await links();
    const record = makeLink('19:general@thread.tacv2', harbour);
    await store.link(record);
    expect(await store.of('19:general@thread.tacv2')).toEqual(record);
    expect(await store.of('19:other@thread.tacv2')).toBeUndefined();
  });

  it('a second link replaces the first: one link per channel', async () => {
    const store = await links();
    await store.link(makeLink('19:general@thread.tacv2', harbour));
    await store.link(makeLink('19:general@thread.tacv2', northshire, { linkedBy: 'tenant/officer' }));
    expect(await allOf(store)).toEqual([
      makeLink('19:general@thread.tacv2', northshire, { linkedBy: 'tenant/officer' }),
    ]);
  });

  it('unlinks a channel once: a repeat finds nothing and changes nothing', async () => {
    const store = await links();
    await store.link(makeLink('19:a@thread.tacv2', harbour));
    await store.link(makeLink('19:b@thread.tacv2', harbour));
    expect(await store.unlink('19:a@thread.tacv2')).toBe(true);
    expect(await store.unlink('19:a@thread.tacv2')).toBe(false);
    expect((await allOf(store)).map((r) => r.channelId)).toEqual(['19:b@thread.tacv2']);
  });

  it('lists every linked channel a page at a time, for the daily digests', async () => {
    const store = await links();
    const ids = Array.from(
      { length: 230 },
      (_, i) => `19:channel-${String(i).padStart(3, '0')}@thread.tacv2`,
    );
    for (const id of ids) await store.link(makeLink(id, i(id) % 2 === 0 ? harbour : northshire));
    const pages: number[] = [];
    const seen: string[] = [];
    for await (const page of store.all()) {
      pages.push(page.length);
      seen.push(...page.map((r) => r.channelId));
    }
    expect(seen).toEqual(ids);
    expect(pages.every((size) => size <= 100)).toBe(true);
    expect(pages.length).toBeGreaterThanOrEqual(3);
  });

  it('lists the channels linked to a setting, or to an LA', async () => {
    const store = await links();
    await store.link(makeLink('19:a@thread.tacv2', harbour));
    await store.link(makeLink('19:b@thread.tacv2', northshire));
    await store.link(makeLink('19:c@thread.tacv2', { kind: 'setting', settingUrn: '900002' }));
    await store.link(makeLink('19:d@thread.tacv2', harbour));
    expect((await store.linkedTo(harbour)).map((r) => r.channelId)).toEqual([
      '19:a@thread.tacv2',
      '19:d@thread.tacv2',
    ]);
    expect((await store.linkedTo(northshire)).map((r) => r.channelId)).toEqual(['19:b@thread.tacv2']);
    expect(await store.linkedTo({ kind: 'la', laCode: '860' })).toEqual([]);
  });
});

function i(id: string): number {
  return Number(/channel-(\d+)/.exec(id)?.[1]);
}
