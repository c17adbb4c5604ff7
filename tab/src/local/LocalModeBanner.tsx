import {
  Button,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  MessageBarTitle,
} from '@fluentui/react-components';
import { PersonSwapRegular } from '@fluentui/react-icons';
import type { SignedInUser } from '../api/types.ts';

export interface LocalModeBannerProps {
  /** The demo user signed in; none while the picker is showing. */
  readonly user?: SignedInUser;
  readonly onSwitchUser?: () => void;
}

/**
 * Says plainly that nothing here is real: local mode runs on fictional demo data with a demo sign-in
 * (DESIGN.md section 4, "Modes"), so no one mistakes it for a live service holding children's records.
 */
export function LocalModeBanner({ user, onSwitchUser }: LocalModeBannerProps) {
  return (
    <MessageBar intent="warning">
      <MessageBarBody>
        <MessageBarTitle>Local mode: fictional demo data</MessageBarTitle>
        {user ? (
          <>
            Signed in as <strong>{user.name}</strong> ({user.email}).
          </>
        ) : (
          'No real children, schools or accounts: sign in as one of the demo users below.'
        )}
      </MessageBarBody>
      {user && onSwitchUser ? (
        <MessageBarActions>
          <Button appearance="secondary" icon={<PersonSwapRegular />} onClick={onSwitchUser}>
            Switch user
          </Button>
        </MessageBarActions>
      ) : null}
    </MessageBar>
  );
}
