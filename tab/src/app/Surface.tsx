import { makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import type { ComponentPropsWithoutRef } from 'react';

const useStyles = makeStyles({
  surface: {
    backgroundColor: tokens.colorNeutralBackground1,
    borderRadius: tokens.borderRadiusLarge,
    // Transparent except in high contrast, where the surface needs an edge of its own.
    border: `${tokens.strokeWidthThin} solid ${tokens.colorTransparentStroke}`,
    boxShadow: tokens.shadow4,
    padding: tokens.spacingHorizontalM,
  },
});

/** A card on the page's background, as Teams tabs group content: a `<section>` that must be named. */
export function Surface({
  className,
  ...props
}: ComponentPropsWithoutRef<'section'> & ({ 'aria-label': string } | { 'aria-labelledby': string })) {
  const styles = useStyles();
  return <section className={mergeClasses(styles.surface, className)} {...props} />;
}
