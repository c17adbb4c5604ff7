import { Field, Spinner, Switch } from '@fluentui/react-components';
import { useState } from 'react';
import type { ApiClient } from '../api/client.ts';
import type { CaseMute } from '../api/types.ts';
import { ErrorMessage } from '../app/ErrorMessage.tsx';
import { useLoad } from '../app/useLoad.ts';

/** The control's words; every digest card names it (cards/digest-card.ts `DIGEST_HOW_TO_CHANGE`). */
export const MUTE_LABEL = 'Mute my warnings';

/**
 * "Mute my warnings" on the case page: the user's own personal messages about this case, on or off.
 *
 * @remarks The server says what a mute never silences (the LA's statutory dates, the channel's digest:
 * review/mutes.ts), and the control shows its words under the switch.
 */
export function MuteWarnings({
  client,
  laCode,
  caseId,
}: {
  readonly client: ApiClient;
  readonly laCode: string;
  readonly caseId: string;
}) {
  const { state, retry } = useLoad(() => client.caseMute(laCode, caseId), `${laCode}/${caseId}`);
  const [changed, setChanged] = useState<CaseMute>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>();
  if (state.status === 'loading') return <Spinner size="tiny" label="Loading your warnings setting" />;
  if (state.status === 'failed') {
    return (
      <ErrorMessage title="Your warnings setting could not be loaded" error={state.error} onRetry={retry} />
    );
  }
  const mute = changed ?? state.value;
  const toggle = async (muted: boolean) => {
    setBusy(true);
    setError(undefined);
    try {
      setChanged(await client.setCaseMute(laCode, caseId, muted));
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(false);
    }
  };
  return (
    <>
      <Field
        hint={
          mute.muted
            ? `Muted: you get no personal messages about this case. ${mute.stillSent}`
            : mute.stillSent
        }
      >
        <Switch
          label={MUTE_LABEL}
          checked={mute.muted}
          disabled={busy}
          onChange={(_, data) => void toggle(data.checked)}
        />
      </Field>
      {error ? <ErrorMessage title="Your warnings setting was not changed" error={error} /> : null}
    </>
  );
}
