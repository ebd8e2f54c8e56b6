// Types of scripts/prepare.mjs (plain JavaScript: it runs before anything is built), for the tests.
export declare const INPUTS: readonly string[];
export declare function inputsHash(root: string): string;
export declare function isFresh(root: string, hash?: string): boolean;
export declare function prepare(root: string, options?: { force?: boolean; check?: boolean; log?: (message: string) => void }): number;
