import { Avatar, CompoundButton, makeStyles, Text, tokens } from '@fluentui/react-components';
import type { LocalUser } from '../api/types.ts';
import { PageHeading } from '../app/PageHeading.tsx';

const useStyles = makeStyles({
  intro: { display: 'block', maxWidth: '80ch', marginBlockEnd: tokens.spacingVerticalL },
  list: {
    listStyleType: 'none',
    margin: 0,
    padding: 0,
    display: 'grid',
    gap: tokens.spacingVerticalS,
    gridTemplateColumns: 'repeat(auto-fill, minmax(280px, 1fr))',
    maxWidth: '960px',
  },
  user: {
    width: '100%',
    height: '100%',
    maxWidth: 'none',
    justifyContent: 'flex-start',
    textAlign: 'start',
    '& .fui-CompoundButton__icon': { flexShrink: 0 },
  },
  description: { lineHeight: tokens.lineHeightBase200, whiteSpace: 'normal' },
});

export interface SignInPickerProps {
  readonly users: readonly LocalUser[];
  readonly onChoose: (user: LocalUser) => void;
}

/**
 * Local mode's stand-in for Teams sign-in: choose which fictional person to be.
 *
 * @remarks Only the local-mode server offers `/api/local/users`; in azure mode the user is the one
 * signed in to Teams or Outlook and this picker never shows.
 */
export function SignInPicker({ users, onChoose }: SignInPickerProps) {
  const styles = useStyles();
  return (
    <>
      <PageHeading>Choose a demo user</PageHeading>
      <Text as="p" className={styles.intro}>
        Each demo user sees the cases their role gives them: a SENCo the cases of their setting, an LA officer
        the cases of their LA, a professional or a parent the reviews they are invited to.
      </Text>
      {users.length === 0 ? (
        <Text as="p">There are no demo users. Load the demo data and reload this page.</Text>
      ) : (
        <ul className={styles.list} aria-label="Demo users">
          {users.map((user) => (
            <li key={user.id}>
              <CompoundButton
                className={styles.user}
                appearance="secondary"
                icon={<Avatar name={user.name} color="colorful" aria-hidden />}
                secondaryContent={{ children: user.description, className: styles.description }}
                onClick={() => onChoose(user)}
              >
                {user.name}
              </CompoundButton>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
