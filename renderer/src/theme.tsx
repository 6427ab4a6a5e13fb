import {
  Alert,
  createTheme,
  darken,
  defaultVariantColorsResolver,
  luminance,
  Modal,
  Notification,
  parseThemeColor,
  PasswordInput,
  type CSSVariablesResolver,
  type MantineThemeOverride,
  type VariantColorsResolver,
} from '@mantine/core';
import { DatesProvider } from '@mantine/dates';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';

const contrast = (a: string, b: string) => {
  const [light, dark] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (light + 0.05) / (dark + 0.05);
};

/** `color`, darkened in small steps until it reads at 4.6:1 or more on `background`. */
function readableOn(color: string, background: string): string {
  let c = color;
  for (let i = 0; i < 30 && contrast(c, background) < 4.6; i++) c = darken(c, 0.05);
  return c;
}

/**
 * Text that reads at 4.5:1 or more (WCAG AA) wherever Mantine draws coloured text: grey hints and
 * descriptions ("dimmed"), coloured words on white, and the dark words on a light tint (badges,
 * the menu's current page).
 */
export const cssVariablesResolver: CSSVariablesResolver = (theme) => ({
  variables: {},
  light: {
    '--mantine-color-dimmed': theme.colors.gray[7]!,
    ...Object.fromEntries(
      Object.entries(theme.colors).flatMap(([name, shades]) => [
        [`--mantine-color-${name}-light-color`, readableOn(shades[9], shades[2])],
        [`--mantine-color-${name}-text`, readableOn(shades[8], '#ffffff')],
      ]),
    ),
  },
  dark: {},
});

/** Coloured words on white (white, subtle and outline buttons and badges) use the readable text colour. */
const variantColorResolver: VariantColorsResolver = (input) => {
  const colors = defaultVariantColorsResolver(input);
  const parsed = parseThemeColor({ color: input.color || input.theme.primaryColor, theme: input.theme });
  if (parsed.isThemeColor && parsed.shade === undefined && ['white', 'subtle', 'outline'].includes(input.variant)) {
    return { ...colors, color: `var(--mantine-color-${parsed.color}-text)` };
  }
  return colors;
};

/**
 * Casebook's look, with the words Mantine's own buttons say to screen readers (close, show the
 * password) in the interface language. It is made again when the language changes.
 */
export function useCasebookTheme(): MantineThemeOverride {
  const { t } = useTranslation();
  return useMemo(
    () =>
      createTheme({
        primaryColor: 'indigo',
        // Text on every coloured background and every coloured text on white reads at 4.5:1 or
        // more (WCAG AA): filled colours use a darker shade, and a background too light for white
        // text gets dark text instead.
        primaryShade: 8,
        autoContrast: true,
        variantColorResolver,
        // People who ask their system for less motion get no fades or slides.
        respectReducedMotion: true,
        defaultRadius: 'md',
        fontFamily: 'system-ui, "Segoe UI", Roboto, "Noto Sans", "DejaVu Sans", sans-serif',
        components: {
          PasswordInput: PasswordInput.extend({
            defaultProps: { visibilityToggleButtonProps: { 'aria-label': t('common.showPassword') } },
          }),
          Modal: Modal.extend({ defaultProps: { closeButtonProps: { 'aria-label': t('common.close') } } }),
          Notification: Notification.extend({
            defaultProps: { closeButtonProps: { 'aria-label': t('common.close') } },
          }),
          Alert: Alert.extend({ defaultProps: { closeButtonLabel: t('common.close') } }),
        },
      }),
    // The words change with the language: t is a new function for each language.
    [t],
  );
}

/** The calendars' language and first day of the week (Monday in both languages). */
export function CasebookDates({ children }: { children: React.ReactNode }) {
  const { i18n } = useTranslation();
  return (
    <DatesProvider settings={{ locale: i18n.language === 'pl' ? 'pl' : 'en-gb', firstDayOfWeek: 1 }}>
      {children}
    </DatesProvider>
  );
}
