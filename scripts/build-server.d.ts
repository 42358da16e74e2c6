/** Types of scripts/build-server.js, for the TypeScript that calls it (the test harness). */
export declare const serverDir: string;
export declare function freshServerEntry(): string | null;
export declare function buildServer(): Promise<string>;
export declare function ensureServerBuilt(): Promise<string>;
