import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import dayjs from 'dayjs';
import 'dayjs/locale/vi';
import 'dayjs/locale/en';
import vi from './vi.json';
import en from './en.json';

export const languages = ['vi', 'en'] as const;
export type Language = (typeof languages)[number];

export type Messages = typeof vi;

// The two message files must hold exactly the same keys: tsc fails here when one has a key
// the other lacks (and messages.test.ts says which).
type SameKeys<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const messageFilesMatch: SameKeys<typeof vi, typeof en> = true;
void messageFilesMatch;

declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation';
    resources: { translation: Messages };
  }
}

const STORAGE_KEY = 'kyniem.language';

export function isLanguage(value: unknown): value is Language {
  return value === 'vi' || value === 'en';
}

function storedLanguage(): Language {
  try {
    const v = localStorage.getItem(STORAGE_KEY);
    return isLanguage(v) ? v : 'vi';
  } catch {
    return 'vi';
  }
}

function applyToDocument(lang: Language) {
  document.documentElement.lang = lang;
  dayjs.locale(lang);
}

const initial = storedLanguage();
void i18n.use(initReactI18next).init({
  resources: { vi: { translation: vi }, en: { translation: en } },
  lng: initial,
  fallbackLng: 'vi',
  interpolation: { escapeValue: false },
  returnNull: false,
});
applyToDocument(initial);

/** Switches the interface language at once and remembers it on this device. */
export function setLanguage(lang: Language): void {
  if (i18n.language !== lang) void i18n.changeLanguage(lang);
  applyToDocument(lang);
  try {
    localStorage.setItem(STORAGE_KEY, lang);
  } catch {
    // private mode: the choice lasts for this page only
  }
}

export function currentLanguage(): Language {
  return isLanguage(i18n.language) ? i18n.language : 'vi';
}

export { i18n };
