import { Spinner, Text } from '@fluentui/react-components';
import { useEffect, useState } from 'react';
import type { ApiClient } from '../api/client.ts';
import { ErrorMessage } from '../app/ErrorMessage.tsx';
import { PageHeading } from '../app/PageHeading.tsx';
import { useLoad } from '../app/useLoad.ts';
import type { ConfigDialog } from '../host/channel-config.ts';
import type { Host } from '../host/teams-host.ts';
import { LinkForm, type Outcome } from './LinkForm.tsx';
import { loadChannelConfig, tabConfig } from './load-channel-config.ts';

/**
 * The channel tab's configuration page (the manifest's `configurationUrl`, `?view=configure`): links
 * the channel to the cases the user may link it to, so that it gets their daily digest (issue 13).
 *
 * @remarks Inside Teams, Teams' own dialog has the Save button (host/channel-config.ts); in a plain
 * browser (local mode) the page has its own, and configures the demo team's channel.
 */
export function ChannelConfigPage({ client, host }: { readonly client: ApiClient; readonly host: Host }) {
  const { state, retry } = useLoad(() => loadChannelConfig(client, host), client);
  const [outcome, setOutcome] = useState<Outcome>();
  const onOutcome = (next: Outcome) => {
    setOutcome(next);
    // A change: read the channel's link again, as the server now has it.
    if (next.kind !== 'failed') retry();
  };
  return (
    <>
      <PageHeading>Review deadlines in this channel</PageHeading>
      {state.status === 'loading' ? <Spinner label="Loading the channel" labelPosition="below" /> : null}
      {state.status === 'failed' ? (
        <ErrorMessage title="This channel could not be loaded" error={state.error} onRetry={retry} />
      ) : null}
      {state.status === 'loaded' && state.value.kind === 'not-a-channel' ? (
        <NotAChannel dialog={state.value.dialog} />
      ) : null}
      {state.status === 'loaded' && state.value.kind === 'channel' ? (
        <LinkForm client={client} config={state.value} outcome={outcome} onOutcome={onOutcome} />
      ) : null}
    </>
  );
}

/** A chat or a meeting: the tab shows the user's live cases there; digests go to team channels only. */
function NotAChannel({ dialog }: { readonly dialog: ConfigDialog }) {
  useEffect(() => {
    dialog.onSave(async () => tabConfig(window.location.origin));
    dialog.setValid(true);
  }, [dialog]);
  return (
    <Text as="p">
      Save to add EHC Review Hub here: it shows each person their own live cases. The daily digest of review
      deadlines goes only to a team’s channel, linked from that channel’s tab.
    </Text>
  );
}
