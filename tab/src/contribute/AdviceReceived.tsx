import { makeStyles, Text, tokens } from '@fluentui/react-components';
import { PROGRESS_WORDS } from '../../../bot/src/review/contribute/advice.ts';
import { formatLong } from '../../../bot/src/review/plain-date.ts';
import type { ApiClient } from '../api/client.ts';
import type { ContributionResponse } from '../api/types.ts';
import { AttachmentList } from './Attachments.tsx';
import { areaWords } from './ExtraRows.tsx';

const useStyles = makeStyles({
  advice: {
    paddingBlock: tokens.spacingVerticalS,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
});

/**
 * Who has given advice and its state (never a draft's content), and the submitted advice the reader
 * may read, in full.
 */
export function AdviceReceived({
  client,
  laCode,
  caseId,
  contribution,
}: {
  readonly client: ApiClient;
  readonly laCode: string;
  readonly caseId: string;
  readonly contribution: ContributionResponse;
}) {
  const styles = useStyles();
  const submitted = contribution.advice.filter((a) => a.state === 'submitted');
  return (
    <>
      {contribution.index.length === 0 ? <Text>No advice yet.</Text> : null}
      <ul aria-label="Advice">
        {contribution.index.map((entry) => (
          <li key={entry.id}>
            {entry.author.name}
            {entry.recordedBy ? ` (recorded by ${entry.recordedBy.name})` : ''}:{' '}
            {entry.state === 'submitted' && entry.submittedOn
              ? `submitted on ${formatLong(entry.submittedOn)}`
              : 'being written'}
          </li>
        ))}
      </ul>
      {submitted.map((advice) => (
        <article key={advice.key} className={styles.advice} aria-label={`Advice from ${advice.author.name}`}>
          <Text as="h3" weight="semibold">
            Advice from {advice.author.name}
          </Text>
          <dl>
            {advice.content.outcomes.map((o) => {
              const outcome = contribution.outcomes.find((x) => x.id === o.outcomeId);
              return (
                <div key={o.outcomeId}>
                  <dt>{outcome?.text ?? o.outcomeId}</dt>
                  <dd>
                    {o.progress ? PROGRESS_WORDS[o.progress] : ''}: {o.commentary}
                    {o.recommendedChanges ? ` Recommended change: ${o.recommendedChanges}` : ''}
                  </dd>
                </div>
              );
            })}
          </dl>
          {advice.content.newOutcomes.map((o) => (
            <Text as="p" key={`${o.area}:${o.text}`}>
              New outcome ({areaWords(o.area)}): {o.text}
            </Text>
          ))}
          {advice.content.needs.map((n) => (
            <Text as="p" key={`${n.area}:${n.description}`}>
              Area of need ({areaWords(n.area)}): {n.description}
            </Text>
          ))}
          {advice.content.provision.length > 0 ? (
            <ul aria-label={`Provision from ${advice.author.name}`}>
              {advice.content.provision.map((p) => (
                <li key={`${p.intervention}:${p.providedBy}`}>
                  {p.intervention}: {p.providedBy}, {p.frequency}, {p.duration}, {p.groupSize}
                </li>
              ))}
            </ul>
          ) : null}
          <AttachmentList client={client} laCode={laCode} caseId={caseId} attachments={advice.attachments} />
        </article>
      ))}
    </>
  );
}
