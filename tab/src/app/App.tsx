import { FluentProvider, Link, makeStyles, Spinner, tokens } from '@fluentui/react-components';
import { type ReactNode, useEffect } from 'react';
import { mayConfigureWarnings, mayRunDeadlineCheck } from '../../../bot/src/review/permissions.ts';
import type { Me } from '../api/types.ts';
import { ArrangePage } from '../arrange/ArrangePage.tsx';
import { CaseHome } from '../cases/CaseHome.tsx';
import { LaCases } from '../cases/LaCases.tsx';
import { LiveCases } from '../cases/LiveCases.tsx';
import { ChannelConfigPage } from '../channels/ChannelConfigPage.tsx';
import { isConfigureView } from '../channels/load-channel-config.ts';
import { ContributePage } from '../contribute/ContributePage.tsx';
import { DirectoryPage } from '../directory/DirectoryPage.tsx';
import type { Host } from '../host/teams-host.ts';
import { LocalModeBanner } from '../local/LocalModeBanner.tsx';
import { SignInPicker } from '../local/SignInPicker.tsx';
import { fluentTheme, type ThemeName } from '../theme.ts';
import { DeadlineCheck } from '../warnings/DeadlineCheck.tsx';
import { WarningPolicyPage } from '../warnings/WarningPolicyPage.tsx';
import { ErrorMessage } from './ErrorMessage.tsx';
import { NotFound } from './NotFound.tsx';
import { PageHeading } from './PageHeading.tsx';
import { hrefFor, type Route } from './route.ts';
import { useHost } from './useHost.ts';
import { useRoute } from './useRoute.ts';
import { type Session, useSession } from './useSession.ts';
import { useThemeName } from './useThemeName.ts';

const useStyles = makeStyles({
  root: {
    minHeight: '100vh',
    backgroundColor: tokens.colorNeutralBackground3,
    color: tokens.colorNeutralForeground1,
  },
  header: { paddingInline: tokens.spacingHorizontalXXL, paddingBlockStart: tokens.spacingVerticalL },
  main: {
    paddingInline: tokens.spacingHorizontalXXL,
    paddingBlock: tokens.spacingVerticalXL,
    maxWidth: '1400px',
  },
  starting: { paddingBlock: tokens.spacingVerticalXXXL },
});

/** The tab: finds its host, follows the host's theme, signs in, and shows the page the URL names. */
export function App() {
  const styles = useStyles();
  const host = useHost();
  const themeName = useThemeName(host);
  useColorScheme(themeName);
  return (
    <FluentProvider theme={fluentTheme(themeName)} className={styles.root} data-theme={themeName}>
      {host ? (
        <SignedIn host={host} />
      ) : (
        <Shell>
          <Spinner className={styles.starting} label="Starting EHC Review Hub" labelPosition="below" />
        </Shell>
      )}
    </FluentProvider>
  );
}

function SignedIn({ host }: { readonly host: Host }) {
  const { session, choose, switchUser } = useSession(host);
  const route = useRoute();
  const styles = useStyles();
  switch (session.status) {
    case 'starting':
      return (
        <Shell>
          <Spinner className={styles.starting} label="Signing in" labelPosition="below" />
        </Shell>
      );
    case 'choosing':
      return (
        <Shell banner={<LocalModeBanner />}>
          <SignInPicker users={session.users} onChoose={choose} />
        </Shell>
      );
    case 'signed-in':
      return (
        <Shell
          banner={
            session.me.mode === 'local' ? (
              <LocalModeBanner user={session.me.user} onSwitchUser={switchUser} />
            ) : undefined
          }
        >
          {isConfigureView(window.location.search) ? (
            <ChannelConfigPage client={session.client} host={host} />
          ) : (
            <Page route={route} session={session} />
          )}
        </Shell>
      );
    case 'failed':
      return (
        <Shell>
          <PageHeading>EHC Review Hub</PageHeading>
          <ErrorMessage title="You could not be signed in" error={session.error} />
        </Shell>
      );
    default: {
      const unknown: never = session;
      throw new RangeError(`unknown session: ${JSON.stringify(unknown)}`);
    }
  }
}

function Page({
  route,
  session,
}: {
  readonly route: Route;
  readonly session: Session & { status: 'signed-in' };
}) {
  switch (route.page) {
    case 'live-cases':
      return (
        <>
          <DirectoryLinks me={session.me} />
          <WarningPolicyLinks me={session.me} />
          <LiveCases
            client={session.client}
            laCodes={session.me.user.roles.flatMap((role) =>
              role.kind === 'la-officer' ? [role.laCode] : [],
            )}
          />
          {mayRunDeadlineCheck(session.me.user, session.me.mode === 'local' ? 'demo' : 'live') ? (
            <DeadlineCheck client={session.client} />
          ) : null}
        </>
      );
    case 'directory':
      return <DirectoryPage client={session.client} laCode={route.laCode} />;
    case 'case':
      return <CaseHome client={session.client} laCode={route.laCode} caseId={route.caseId} />;
    case 'not-found':
      return (
        <NotFound title="Page not found">
          There is no page at this address in EHC Review Hub. The link may be mistyped or out of date.
        </NotFound>
      );
    case 'arrange':
      return <ArrangePage client={session.client} laCode={route.laCode} caseId={route.caseId} />;
    case 'contribute':
      return (
        <ContributePage
          client={session.client}
          laCode={route.laCode}
          caseId={route.caseId}
          me={session.me.user}
        />
      );
    case 'la-cases':
      return <LaCases client={session.client} laCode={route.laCode} />;
    case 'warning-policy':
      return <WarningPolicyPage client={session.client} laCode={route.laCode} />;
    default: {
      const unknown: never = route;
      throw new RangeError(`unknown route: ${JSON.stringify(unknown)}`);
    }
  }
}

/** For an LA admin: a link to each directory they manage. */
function DirectoryLinks({ me }: { readonly me: Me }) {
  const laCodes = [
    ...new Set(me.user.roles.flatMap((role) => (role.kind === 'la-admin' ? [role.laCode] : []))),
  ];
  if (laCodes.length === 0) return null;
  return (
    <nav aria-label="Directories you manage">
      {laCodes.map((laCode) => (
        <Link key={laCode} href={hrefFor({ page: 'directory', laCode })}>
          {`Manage the directory of LA ${laCode}`}
        </Link>
      ))}
    </nav>
  );
}

/** For an LA's officers and admins: a link to each LA's choice of when it warns of its dates. */
function WarningPolicyLinks({ me }: { readonly me: Me }) {
  const laCodes = [...new Set(me.user.roles.map((role) => role.laCode))].filter((laCode) =>
    mayConfigureWarnings(me.user, laCode),
  );
  if (laCodes.length === 0) return null;
  return (
    <nav aria-label="Deadline warnings you set">
      {laCodes.map((laCode) => (
        <Link key={laCode} href={hrefFor({ page: 'warning-policy', laCode })}>
          {`When LA ${laCode} warns of its dates`}
        </Link>
      ))}
    </nav>
  );
}

/** The landmarks every page has: a banner (when there is one to show) and the main content. */
function Shell({ banner, children }: { readonly banner?: ReactNode; readonly children: ReactNode }) {
  const styles = useStyles();
  return (
    <>
      {banner ? <header className={styles.header}>{banner}</header> : null}
      <main className={styles.main}>{children}</main>
    </>
  );
}

/** Scrollbars and native controls follow the theme too. */
function useColorScheme(themeName: ThemeName): void {
  useEffect(() => {
    document.documentElement.style.colorScheme = themeName === 'default' ? 'light' : 'dark';
  }, [themeName]);
}
