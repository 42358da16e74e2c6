/**
 * Where the working app lives: under one prefix, so that `/` and the Vietnamese paths beside it
 * belong to the public website (issue 17). The web app's router mounts at APP_BASE and the server
 * serves its files there.
 */
export const APP_BASE = '/app';

/**
 * The first segments of the app's screens as they were before the move (ADR 32). A bookmark of
 * one of them is redirected to the same screen under APP_BASE. Screens added since were born under
 * APP_BASE and have no old address, so this list does not grow.
 */
export const LEGACY_APP_SEGMENTS: readonly string[] = [
  'sign-in',
  'change-password',
  'accounts',
  'audit',
  'ceremonies',
  'emulation',
  'festival-rounds',
  'festivals',
  'honours',
  'in-charge',
  'my-tasks',
  'notifications',
  'office',
  'people',
  'plans',
  'reporting',
  'supervisions',
  'tournaments',
  'units',
];

/** A screen's path inside the app (`/plans/…`) as an address on the site (`/app/plans/…`). */
export function appUrl(path: string): string {
  return path === '/' || path === '' ? `${APP_BASE}/` : `${APP_BASE}${path.startsWith('/') ? path : `/${path}`}`;
}
