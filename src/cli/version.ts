/** The package's version, set by the build (tsup's `define`); from source, a development version. Apart from main.ts, so that commands can print it without importing the command table that loads them. */
declare const __VERSION__: string | undefined;
export const VERSION = typeof __VERSION__ === 'string' ? __VERSION__ : '0.0.0-dev';
