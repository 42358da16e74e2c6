import i18n from 'i18next';
import { useEffect, useState } from 'react';
import { initReactI18next, useTranslation } from 'react-i18next';
import { type AppModule, webModules } from '../modules.ts';
import type shellVi from './vi.json';
import type shellEn from './en.json';

export const languages = ['vi', 'en'] as const;
export type Language = (typeof languages)[number];

// Messages are split by owner: the shell's own (this folder: sign-in, menu, errors, shared UI) and
// each module's (modules/<name>/i18n). Each part is its own chunk per language, loaded when needed:
// the shell's in the user's language before the first screen, the modules' once someone is signed
// in; another language only when it is chosen. The keys keep one tree (`honours.…` stays
// `honours.…`), so the parts merge into the one 'translation' namespace.

type ViOf<M> = M extends { messages: { vi: () => Promise<{ default: infer V }> } } ? V : never;
type EnOf<M> = M extends { messages: { en: () => Promise<{ default: infer E }> } } ? E : never;
type Intersection<U> = (U extends unknown ? (x: U) => void : never) extends (x: infer I) => void ? I : never;

export type Messages = typeof shellVi & Intersection<ViOf<AppModule>>;

// Each part's two files must hold exactly the same keys: tsc fails here when one has a key the
// other lacks (naming the module; messages.test.ts says which key).
type SameKeys<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
type Mismatched<M> = M extends { name: infer N } ? (SameKeys<ViOf<M>, EnOf<M>> extends true ? never : N) : never;
const shellFilesMatch: SameKeys<typeof shellVi, typeof shellEn> = true;
const moduleFilesMatch: [Mismatched<AppModule>] extends [never] ? true : Mismatched<AppModule> = true;
void shellFilesMatch;
void moduleFilesMatch;

declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation';
    resources: { translation: Messages };
  }
}

type Loader = () => Promise<{ default: object }>;
const shellFiles: Record<Language, Loader> = { vi: () => import('./vi.json'), en: () => import('./en.json') };

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
}

/** The language asked for last: what is shown once its messages are in. */
let wanted: Language = storedLanguage();
/** Whether the modules' messages are wanted too (someone is signed in). */
let withModules = false;
const parts = new Map<string, Promise<void>>();
/** The languages whose modules' messages are all in. */
const modulesIn = new Set<Language>();

function loadPart(lang: Language, name: string, load: Loader): Promise<void> {
  const key = `${lang}:${name}`;
  let part = parts.get(key);
  if (!part) {
    part = load().then(
      (file) => {
        i18n.addResourceBundle(lang, 'translation', file.default, true, true);
      },
      (err: unknown) => {
        parts.delete(key); // a chunk that failed to arrive is asked for again next time
        throw err;
      },
    );
    parts.set(key, part);
  }
  return part;
}

async function loadLanguage(lang: Language): Promise<void> {
  const shell = loadPart(lang, 'app', shellFiles[lang]);
  if (!withModules) return shell;
  await Promise.all([shell, ...webModules.map((m) => loadPart(lang, m.name, m.messages[lang]))]);
  modulesIn.add(lang);
}

/** Starts i18next with the shell's messages in the remembered language (Vietnamese by default). */
export async function startI18n(): Promise<void> {
  await i18n.use(initReactI18next).init({
    resources: {},
    partialBundledLanguages: true,
    lng: wanted,
    fallbackLng: false,
    interpolation: { escapeValue: false },
    returnNull: false,
  });
  await loadLanguage(wanted);
  applyToDocument(wanted);
}

/**
 * Switches the interface language as soon as its messages are in (at once when they already
 * are), and remembers it on this device.
 */
export async function setLanguage(lang: Language): Promise<void> {
  wanted = lang;
  try {
    localStorage.setItem(STORAGE_KEY, lang);
  } catch {
    // private mode: the choice lasts for this page only
  }
  await loadLanguage(lang);
  if (wanted !== lang) return; // another language was chosen meanwhile
  if (i18n.language !== lang) await i18n.changeLanguage(lang);
  applyToDocument(lang);
}

/**
 * Whether the modules' messages are in, in the language shown. When `signedIn`, asks for them
 * (unless a switch to another language is under way: that one loads them).
 */
export function useModuleMessages(signedIn: boolean): boolean {
  const { i18n: instance } = useTranslation(); // renders again when the language changes
  const lang: Language = isLanguage(instance.language) ? instance.language : 'vi';
  const ready = modulesIn.has(lang);
  const [, setArrived] = useState(0);
  useEffect(() => {
    if (!signedIn || ready) return;
    withModules = true;
    if (wanted !== lang) return;
    let live = true;
    let timer = 0;
    const load = () =>
      loadLanguage(lang).then(
        () => live && setArrived((n) => n + 1),
        // A chunk that did not arrive (the network, a new deployment): ask again shortly.
        () => {
          if (live) timer = window.setTimeout(load, 3000);
        },
      );
    void load();
    return () => {
      live = false;
      window.clearTimeout(timer);
    };
  }, [signedIn, ready, lang]);
  return signedIn && ready;
}

export function currentLanguage(): Language {
  return isLanguage(i18n.language) ? i18n.language : 'vi';
}

export { i18n };
