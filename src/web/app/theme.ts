import { createTheme, type MantineColorsTuple } from '@mantine/core';

// A restrained Party red around #b3261e: used for the primary action, the active
// navigation item and the header's accent, with the rest of the page left white.
const partyRed: MantineColorsTuple = [
  '#fdeceb',
  '#f7d4d1',
  '#eca7a1',
  '#e2776f',
  '#d84f45',
  '#d1372c',
  '#c42d22',
  '#b3261e',
  '#9d1f18',
  '#841711',
];

const systemFonts =
  'system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, "Liberation Sans", "DejaVu Sans", sans-serif';

export const theme = createTheme({
  primaryColor: 'partyRed',
  primaryShade: 7,
  colors: { partyRed },
  fontFamily: systemFonts,
  headings: { fontFamily: systemFonts, fontWeight: '650' },
  defaultRadius: 'md',
  cursorType: 'pointer',
  components: {
    Card: { defaultProps: { withBorder: true, radius: 'md', padding: 'lg' } },
    Paper: { defaultProps: { radius: 'md' } },
    // Vietnamese stacks marks above and below letters: give wrapped help text room to breathe.
    InputWrapper: { styles: { description: { lineHeight: 1.45 }, error: { lineHeight: 1.45 } } },
    Modal: { styles: { title: { fontWeight: 650, fontSize: 'var(--mantine-font-size-lg)' } } },
    TextInput: { defaultProps: { size: 'md' } },
    PasswordInput: { defaultProps: { size: 'md' } },
    Select: { defaultProps: { size: 'md' } },
    NumberInput: { defaultProps: { size: 'md' } },
    Textarea: { defaultProps: { size: 'md' } },
    FileInput: { defaultProps: { size: 'md' } },
    DateInput: { defaultProps: { size: 'md' } },
  },
});
