import { Button, Field, Input, makeStyles, Text, Textarea, tokens } from '@fluentui/react-components';
import { useState } from 'react';
import type { ViewHolder } from '../../../bot/src/review/contribute/contribute-commands.ts';
import { formatLong } from '../../../bot/src/review/plain-date.ts';
import type { ApiClient } from '../api/client.ts';
import type { ContributionResponse } from '../api/types.ts';
import { ErrorMessage } from '../app/ErrorMessage.tsx';
import { problemAt } from '../arrange/use-command.ts';
import { useContribute } from './use-contribute.ts';

const useStyles = makeStyles({
  view: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
    paddingBlock: tokens.spacingVerticalS,
  },
});

const WHOSE: Readonly<Record<ViewHolder, string>> = {
  child: 'The child’s or young person’s views',
  parent: 'The parents’ or carers’ views',
};

/**
 * The child's and the parents' views, carried from the last plan and updated by them, or recorded by
 * the SENCo on their behalf, saying so (seed: "the SENCo is able to complete on their behalf").
 */
export function ViewsSection({
  client,
  laCode,
  caseId,
  contribution,
  onContribution,
}: {
  readonly client: ApiClient;
  readonly laCode: string;
  readonly caseId: string;
  readonly contribution: ContributionResponse;
  readonly onContribution: (next: ContributionResponse) => void;
}) {
  return (
    <>
      {(['child', 'parent'] as const).map((whose) => (
        <View
          key={whose}
          whose={whose}
          client={client}
          laCode={laCode}
          caseId={caseId}
          contribution={contribution}
          onContribution={onContribution}
        />
      ))}
    </>
  );
}

function View({
  whose,
  client,
  laCode,
  caseId,
  contribution,
  onContribution,
}: {
  readonly whose: ViewHolder;
  readonly client: ApiClient;
  readonly laCode: string;
  readonly caseId: string;
  readonly contribution: ContributionResponse;
  readonly onContribution: (next: ContributionResponse) => void;
}) {
  const styles = useStyles();
  const view = contribution.views[whose];
  const [text, setText] = useState(view?.text ?? '');
  const [onBehalfOf, setOnBehalfOf] = useState(view?.onBehalfOf ?? '');
  const command = useContribute(onContribution);
  const editable = ['contributing', 'meeting', 'report'].includes(contribution.stage);
  return (
    <fieldset className={styles.view} aria-label={WHOSE[whose]}>
      <Text as="h3" weight="semibold">
        {WHOSE[whose]}
      </Text>
      <Text as="p">
        {view
          ? view.onBehalfOf
            ? `Recorded on behalf of ${view.onBehalfOf} on ${formatLong(view.updatedOn)}.`
            : `Given by them; last updated on ${formatLong(view.updatedOn)}.`
          : 'None recorded yet.'}
      </Text>
      {editable ? (
        <>
          <Field label={WHOSE[whose]} validationMessage={problemAt(command.problems, 'text')}>
            <Textarea resize="vertical" value={text} onChange={(_e, d) => setText(d.value)} />
          </Field>
          <Field
            label="Whose views are these? (their name, when you record them for someone else)"
            validationMessage={problemAt(command.problems, 'onBehalfOf')}
          >
            <Input value={onBehalfOf} onChange={(_e, d) => setOnBehalfOf(d.value)} />
          </Field>
          <div>
            <Button
              disabled={command.busy}
              onClick={() =>
                void command.run((commandId) =>
                  client.contribute(laCode, caseId, 'views', {
                    commandId,
                    whose,
                    text,
                    ...(onBehalfOf.trim() ? { onBehalfOf } : {}),
                  }),
                )
              }
            >
              Save {whose === 'child' ? 'the child’s' : 'the parents’'} views
            </Button>
          </div>
          {command.error && command.problems.length === 0 ? (
            <ErrorMessage title="The views were not saved" error={command.error} />
          ) : null}
        </>
      ) : null}
    </fieldset>
  );
}
