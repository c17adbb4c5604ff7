import {
  Button,
  Checkbox,
  Field,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  makeStyles,
  Radio,
  RadioGroup,
  Text,
  tokens,
} from '@fluentui/react-components';
import { type FormEvent, useEffect, useRef, useState } from 'react';
import { londonDate } from '../../../bot/src/review/plain-date.ts';
import { type ApiClient, ApiError } from '../api/client.ts';
import { ErrorMessage } from '../app/ErrorMessage.tsx';
import { Surface } from '../app/Surface.tsx';
import { formatDate } from '../format/date.ts';
import { type ChannelConfig, linkBody, linkKey, tabConfig } from './load-channel-config.ts';

const useStyles = makeStyles({
  form: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalL,
    padding: tokens.spacingHorizontalL,
    maxWidth: '80ch',
  },
  actions: { display: 'flex', gap: tokens.spacingHorizontalM, flexWrap: 'wrap' },
  list: { margin: 0, paddingInlineStart: tokens.spacingHorizontalXL },
});

/** What a linked channel gets, in the words of issue 13. */
export const WHAT_THE_CHANNEL_GETS = [
  'One digest card a day, not one post per review.',
  'Grouped as overdue, due this week and due in the next 4 weeks.',
  'Each row names the child by first name and case id only, with the date and the rule that sets it, and a button that opens the case in EHC Review Hub for those who may see it.',
] as const;

export const CONFIRMATION_LABEL = 'Only people working on these reviews are in this channel';

export type Outcome =
  | { readonly kind: 'linked' | 'unlinked'; readonly name: string }
  | { readonly kind: 'failed'; readonly error: unknown };

/**
 * The form: which cases the channel shows, the required confirmation, and what the channel will get.
 *
 * @remarks The server decides (permissions.ts `mayLinkChannel`) and checks the confirmation; the page
 * sends what was chosen and shows the answer, a refusal in the server's words beside what it names.
 */
export function LinkForm({
  client,
  config,
  outcome,
  onOutcome,
}: {
  readonly client: ApiClient;
  readonly config: ChannelConfig & { kind: 'channel' };
  /** What the last save or unlink did, kept by the page across the reload that follows a change. */
  readonly outcome: Outcome | undefined;
  readonly onOutcome: (outcome: Outcome) => void;
}) {
  const styles = useStyles();
  const { channel, view, dialog } = config;
  const initial = view.link ? linkKey(view.link.link) : view.choices[0] ? linkKey(view.choices[0].link) : '';
  const [chosen, setChosen] = useState(initial);
  const [confirmed, setConfirmed] = useState(false);
  const [busy, setBusy] = useState(false);
  const choice = view.choices.find((c) => linkKey(c.link) === chosen);

  const save = async () => {
    if (!choice) throw new Error('Choose what this channel is linked to.');
    await client.linkChannel(channel.channelId, linkBody(channel, choice.link, confirmed));
    return choice.name;
  };
  // Teams' Save button runs the latest choice, so the handler reads it through a ref.
  const saveRef = useRef(save);
  saveRef.current = save;
  const onOutcomeRef = useRef(onOutcome);
  onOutcomeRef.current = onOutcome;
  useEffect(() => {
    dialog?.onSave(async () => {
      try {
        await saveRef.current();
      } catch (error) {
        // Teams shows the reason in its dialog; the page shows it beside what it names too.
        onOutcomeRef.current({ kind: 'failed', error });
        throw error;
      }
      return tabConfig(window.location.origin);
    });
  }, [dialog]);
  useEffect(() => dialog?.setValid(confirmed && choice !== undefined), [dialog, confirmed, choice]);

  const run = async (action: () => Promise<Outcome>) => {
    setBusy(true);
    try {
      onOutcome(await action());
    } catch (error) {
      onOutcome({ kind: 'failed', error });
      setBusy(false);
    }
  };
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    void run(async () => ({ kind: 'linked', name: await save() }));
  };
  const unlink = () =>
    void run(async () => {
      await client.unlinkChannel(channel.channelId);
      return { kind: 'unlinked', name: view.link?.name ?? '' };
    });

  const problems =
    outcome?.kind === 'failed' && outcome.error instanceof ApiError ? outcome.error.problems : [];
  const confirmProblem = problems.find((p) => p.where === 'onlyReviewersConfirmed')?.message;

  return (
    <Surface aria-label="Link this channel">
      <form className={styles.form} aria-label="Link this channel" onSubmit={onSubmit} noValidate>
        <Text as="p">
          {`${channel.channelName} in ${channel.teamName}. `}
          {view.link
            ? `Linked to ${view.link.name} since ${formatDate(londonDate(new Date(view.link.linkedAt)))}.`
            : view.linkedByOthers
              ? 'This channel is linked to cases you cannot link: only whoever linked it can change it.'
              : 'This channel is not linked to any cases yet.'}
        </Text>
        {view.choices.length === 0 ? (
          <Text as="p">
            Only a setting’s SENCo (for their setting’s SEND team) or a local authority officer (for the LA’s
            SEND team) can link a channel.
          </Text>
        ) : (
          <Field label="Link this channel to">
            <RadioGroup value={chosen} onChange={(_, data) => setChosen(data.value)}>
              {view.choices.map((c) => (
                <Radio key={linkKey(c.link)} value={linkKey(c.link)} label={c.name} />
              ))}
            </RadioGroup>
          </Field>
        )}
        <div>
          <Text as="h2" weight="semibold">
            What the channel will get
          </Text>
          <ul className={styles.list}>
            {WHAT_THE_CHANNEL_GETS.map((line) => (
              <li key={line}>{line}</li>
            ))}
          </ul>
        </div>
        <Field
          required
          validationMessage={confirmProblem}
          hint="Everyone in the channel sees the digest: check who is in it first."
        >
          <Checkbox
            checked={confirmed}
            onChange={(_, data) => setConfirmed(data.checked === true)}
            label={CONFIRMATION_LABEL}
          />
        </Field>
        {outcome?.kind === 'failed' ? (
          <ErrorMessage title="The channel was not changed" error={outcome.error} />
        ) : null}
        {outcome && outcome.kind !== 'failed' ? (
          <MessageBar intent="success">
            <MessageBarBody>
              <MessageBarTitle>{outcome.kind === 'linked' ? 'Linked' : 'Unlinked'}</MessageBarTitle>
              {outcome.kind === 'linked'
                ? `This channel gets the daily digest of ${outcome.name}.`
                : 'This channel gets no more digests.'}
            </MessageBarBody>
          </MessageBar>
        ) : null}
        {dialog ? null : (
          <div className={styles.actions}>
            <Button appearance="primary" type="submit" disabled={busy || view.choices.length === 0}>
              Save
            </Button>
            {view.link ? (
              <Button type="button" onClick={unlink} disabled={busy}>
                Unlink this channel
              </Button>
            ) : null}
          </div>
        )}
      </form>
    </Surface>
  );
}
