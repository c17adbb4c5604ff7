import { makeStyles, tokens, typographyStyles } from '@fluentui/react-components';
import type { CaseSummary } from '../api/types.ts';
import { formatDate } from '../format/date.ts';
import { settingWords, stageWords } from './case-words.ts';

const useStyles = makeStyles({
  facts: {
    display: 'flex',
    flexWrap: 'wrap',
    columnGap: tokens.spacingHorizontalXXXL,
    rowGap: tokens.spacingVerticalS,
    margin: 0,
  },
  fact: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXXS },
  term: { ...typographyStyles.caption1, color: tokens.colorNeutralForeground2 },
  value: { ...typographyStyles.body1Strong, margin: 0 },
});

/**
 * Where the case stands, its deadline with the rule behind it, and whose it is, under the child's
 * name: a list of terms and values.
 */
export function CaseFacts({ summary }: { readonly summary: CaseSummary }) {
  const styles = useStyles();
  const facts: readonly (readonly [string, string])[] = [
    ['Stage', stageWords(summary.stage)],
    ['Deadline', `${formatDate(summary.deadline.date)} (${summary.deadline.rule})`],
    ['Setting', settingWords(summary)],
    ['Local authority', summary.laCode],
    ['Case', summary.caseId],
  ];
  return (
    <dl className={styles.facts}>
      {facts.map(([term, value]) => (
        <div key={term} className={styles.fact}>
          <dt className={styles.term}>{term}</dt>
          <dd className={styles.value}>{value}</dd>
        </div>
      ))}
    </dl>
  );
}
