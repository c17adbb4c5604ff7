import { describe, expect, it } from 'vitest';
import { isConfigureView, linkKey, tabConfig } from '../../../tab/src/channels/load-channel-config.ts';
import { configDialogFor } from '../../../tab/src/host/channel-config.ts';
import { BROWSER } from '../../../tab/src/host/teams-host.ts';

describe('the channel tab’s configuration page', () => {
  it('is the page the manifest’s configurationUrl names (?inTeams=1&view=configure), and no other', () => {
    expect(isConfigureView('?inTeams=1&view=configure')).toBe(true);
    expect(isConfigureView('?view=configure&demo-user=senco-harbour')).toBe(true);
    expect(isConfigureView('?inTeams=1')).toBe(false);
    expect(isConfigureView('')).toBe(false);
  });

  it('saves a tab that shows the live cases, as the personal tab does, named for what it is for', () => {
    expect(tabConfig('https://reviews.example.org')).toEqual({
      contentUrl: 'https://reviews.example.org/?inTeams=1',
      entityId: 'ehc-review-hub-deadlines',
      suggestedDisplayName: 'Review deadlines',
    });
  });

  it('has no Teams dialog in a plain browser: the page offers its own Save', async () => {
    expect(await configDialogFor(BROWSER)).toBeUndefined();
  });

  it('tells a setting’s link from an LA’s with the same digits', () => {
    expect(linkKey({ kind: 'setting', settingUrn: '999' })).not.toBe(linkKey({ kind: 'la', laCode: '999' }));
  });
});
