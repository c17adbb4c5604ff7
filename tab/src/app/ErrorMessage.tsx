import {
  Button,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  MessageBarTitle,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { ApiError } from '../api/client.ts';

const useStyles = makeStyles({
  problems: {
    margin: 0,
    marginBlockStart: tokens.spacingVerticalXS,
    paddingInlineStart: tokens.spacingHorizontalL,
  },
});

export interface ErrorMessageProps {
  readonly title: string;
  readonly error: unknown;
  readonly onRetry?: () => void;
}

/**
 * Shows what went wrong in the API's own words (its messages say what to do) with each problem it
 * listed; anything that is not an API error gets a plain sentence, never a stack trace.
 */
export function ErrorMessage({ title, error, onRetry }: ErrorMessageProps) {
  const styles = useStyles();
  const message =
    error instanceof ApiError
      ? error.message
      : 'Something went wrong in the tab. Reload the page and try again.';
  const problems = error instanceof ApiError ? error.problems : [];
  return (
    <MessageBar intent="error" layout="multiline">
      <MessageBarBody>
        <MessageBarTitle>{title}</MessageBarTitle>
        {message}
        {problems.length > 0 ? (
          <ul className={styles.problems}>
            {problems.map((problem) => (
              <li key={`${problem.where}: ${problem.message}`}>
                {problem.where}: {problem.message}
              </li>
            ))}
          </ul>
        ) : null}
      </MessageBarBody>
      {onRetry ? (
        <MessageBarActions>
          <Button onClick={onRetry}>Try again</Button>
        </MessageBarActions>
      ) : null}
    </MessageBar>
  );
}
