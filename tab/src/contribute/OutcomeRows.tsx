import { Field, makeStyles, Select, Text, Textarea, tokens } from '@fluentui/react-components';
import { NOT_ABLE_TO_COMMENT_ADVICE, PROGRESS_WORDS } from '../../../bot/src/review/contribute/advice.ts';
import type { Problem } from '../../../bot/src/review/errors.ts';
import { PROGRESS, type Progress } from '../../../bot/src/review/review.ts';
import type { ContributionResponse } from '../api/types.ts';
import { type AdviceForm, fieldProblem, type OutcomeForm } from './advice-form.ts';

const useStyles = makeStyles({
  outcome: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
    paddingBlock: tokens.spacingVerticalM,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
});

/**
 * For each outcome of the current plan: the progress choice in the seeds' words, commentary that
 * supports the judgement (required) and a recommended change. "Not able to comment" is discouraged
 * and needs its reason (seed: "please avoid using 'Not able to comment'").
 */
export function OutcomeRows({
  outcomes,
  form,
  problems,
  onChange,
}: {
  readonly outcomes: ContributionResponse['outcomes'];
  readonly form: AdviceForm;
  readonly problems: readonly Problem[];
  readonly onChange: (row: number, change: Partial<OutcomeForm>) => void;
}) {
  const styles = useStyles();
  return (
    <>
      {form.outcomes.map((row, index) => {
        const outcome = outcomes[index];
        const where = (field: string) => fieldProblem(problems, form, 'outcomes', index, field);
        const label = `Outcome ${index + 1}`;
        return (
          <fieldset key={row.outcomeId} className={styles.outcome} aria-label={label}>
            <Text as="h3" weight="semibold">
              {label}: {outcome?.text}
            </Text>
            <Field label={`Progress on outcome ${index + 1}`} required validationMessage={where('progress')}>
              <Select
                value={row.progress}
                onChange={(_e, d) => onChange(index, { progress: d.value as Progress | '' })}
              >
                <option value="">Choose</option>
                {PROGRESS.map((p) => (
                  <option key={p} value={p}>
                    {PROGRESS_WORDS[p]}
                  </option>
                ))}
              </Select>
            </Field>
            {row.progress === 'not-able-to-comment' ? (
              <Text role="note">{NOT_ABLE_TO_COMMENT_ADVICE}</Text>
            ) : null}
            <Field
              label={
                row.progress === 'not-able-to-comment'
                  ? `Why you are not able to comment on outcome ${index + 1}`
                  : `Commentary on outcome ${index + 1}`
              }
              hint="Commentary that supports your judgement: for “not on track”, what they are able to do."
              required
              validationMessage={where('commentary')}
            >
              <Textarea
                resize="vertical"
                value={row.commentary}
                onChange={(_e, d) => onChange(index, { commentary: d.value })}
              />
            </Field>
            <Field
              label={`Recommended change to outcome ${index + 1}`}
              validationMessage={where('recommendedChanges')}
            >
              <Textarea
                resize="vertical"
                value={row.recommendedChanges}
                onChange={(_e, d) => onChange(index, { recommendedChanges: d.value })}
              />
            </Field>
          </fieldset>
        );
      })}
    </>
  );
}
