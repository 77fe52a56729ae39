import { createTheme, DEFAULT_THEME, type CSSVariablesResolver, type MantineColorsTuple } from '@mantine/core';

/** A default palette with its two darkest shades replaced, so text on white and on shade 1 passes 4.5:1. */
function darkened(name: keyof typeof DEFAULT_THEME.colors, shade8: string, shade9: string): MantineColorsTuple {
  const colors = [...DEFAULT_THEME.colors[name]!];
  colors[8] = shade8;
  colors[9] = shade9;
  return colors as unknown as MantineColorsTuple;
}

/**
 * Mantine's defaults fail WCAG AA in places (the blue button is 3.55:1, dimmed text 3.3:1, green
 * light badges 3.8:1). Filled colours use shade 8, light variants shade 9 on shade 1 (shade 2 on
 * hover); the palettes below are darkened until all pass 4.5:1 (blue shade 8 is 5.0:1 on white).
 */
export const theme = createTheme({
  primaryColor: 'blue',
  primaryShade: { light: 8, dark: 8 },
  colors: {
    blue: darkened('blue', '#1971c2', '#145591'),
    green: darkened('green', '#237032', '#19592a'),
    teal: darkened('teal', '#066649', '#05543c'),
    red: darkened('red', '#c92a2a', '#a51d1d'),
    orange: darkened('orange', '#b93b0a', '#9a3412'),
    yellow: darkened('yellow', '#8a5a00', '#7a4f00'),
  },
  focusRing: 'auto',
  defaultRadius: 'md',
  fontFamily: 'system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif',
  headings: { fontFamily: 'system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif' },
});

/** Text colours that Mantine draws too light for AA: dimmed text, error messages, placeholders. */
export const cssVariablesResolver: CSSVariablesResolver = () => ({
  variables: {},
  light: {
    '--mantine-color-dimmed': 'var(--mantine-color-gray-7)',
    '--mantine-color-error': 'var(--mantine-color-red-8)',
    '--mantine-color-placeholder': 'var(--mantine-color-gray-6)',
  },
  dark: {},
});
