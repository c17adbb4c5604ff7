import { Link, makeStyles, Text, tokens } from '@fluentui/react-components';
import { ArrowLeftRegular } from '@fluentui/react-icons';
import type { ReactNode } from 'react';
import { PageHeading } from './PageHeading.tsx';
import { hrefFor } from './route.ts';

const useStyles = makeStyles({
  text: { display: 'block', maxWidth: '70ch', marginBlockEnd: tokens.spacingVerticalM },
  back: { display: 'inline-flex', alignItems: 'center', gap: tokens.spacingHorizontalXS },
});

export interface NotFoundProps {
  readonly title: string;
  readonly children: ReactNode;
}

/**
 * A page that cannot be shown, with the way back to My live cases.
 *
 * @remarks No "Try again": trying the same address again cannot help. A case the user may not see
 * reads the same as one that does not exist, so that an address never tells that a child's case
 * exists (permissions.ts).
 */
export function NotFound({ title, children }: NotFoundProps) {
  const styles = useStyles();
  return (
    <>
      <PageHeading>{title}</PageHeading>
      <Text as="p" className={styles.text}>
        {children}
      </Text>
      <Link href={hrefFor({ page: 'live-cases' })} className={styles.back}>
        <ArrowLeftRegular aria-hidden /> Back to My live cases
      </Link>
    </>
  );
}
