/** What a payload is to an operation. Zod-free, so that the CLI can read it without the schemas. */
export type Kind = 'request' | 'response' | 'error';

export const KINDS: readonly Kind[] = ['request', 'response', 'error'];
