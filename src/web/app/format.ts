import dayjs from 'dayjs';
import customParseFormat from 'dayjs/plugin/customParseFormat';
// The languages Mantine's date pickers are told (DatesProvider in Layout.tsx) to speak.
import 'dayjs/locale/vi';
import 'dayjs/locale/en';

// Mantine's DateInput parses what people type with dayjs and the valueFormat "DD/MM/YYYY".
dayjs.extend(customParseFormat);

export const DATE_FORMAT = 'DD/MM/YYYY';
export const DATE_TIME_FORMAT = 'DD/MM/YYYY HH:mm';

/** 05/09/2019 — the way dates are written in Vietnam, in both languages. */
export function formatDate(value: string | Date | null | undefined): string {
  if (!value) return '';
  const d = dayjs(value);
  return d.isValid() ? d.format(DATE_FORMAT) : '';
}

/** 05/09/2019 19:30, in the browser's time zone. */
export function formatDateTime(value: string | Date | null | undefined): string {
  if (!value) return '';
  const d = dayjs(value);
  return d.isValid() ? d.format(DATE_TIME_FORMAT) : '';
}

/** Numbers with the Vietnamese thousands separator (1.234) or the English one (1,234). */
export function formatNumber(value: number, lang: string): string {
  return new Intl.NumberFormat(lang === 'en' ? 'en-GB' : 'vi-VN').format(value);
}
