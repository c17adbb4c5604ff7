import { makeStyles, Text, tokens } from '@fluentui/react-components';
import { type ReactNode, useEffect, useRef } from 'react';

const useStyles = makeStyles({
  heading: { display: 'block', margin: 0, marginBlockEnd: tokens.spacingVerticalS, outlineStyle: 'none' },
});

/** Headings shown so far: the first page of a visit leaves focus where the host put it. */
let headingsShown = 0;

/**
 * The page's one h1. When the tab moves to another page it takes focus, so a keyboard or screen-reader
 * user starts reading at the new page instead of at the top of the document.
 *
 * @remarks Not on the first page: inside Teams or Outlook, focusing the iframe on load would take focus
 * away from the host's own navigation.
 */
export function PageHeading({ children }: { readonly children: ReactNode }) {
  const styles = useStyles();
  const ref = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    headingsShown += 1;
    if (headingsShown > 1) ref.current?.focus();
  }, []);
  return (
    <Text as="h1" size={600} weight="semibold" className={styles.heading} ref={ref} tabIndex={-1}>
      {children}
    </Text>
  );
}
