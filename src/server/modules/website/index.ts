/** The website module's public entry (ADR 17): what other modules may use of it. */
export {};
