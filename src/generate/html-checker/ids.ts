/**
 * The ids of the checker panel's elements: the generator writes them (panel.ts) and the script in
 * the page finds them (page.ts), so both read them from here.
 */
export const IDS = {
  section: 'check',
  operation: 'checker-operation',
  kind: 'checker-kind',
  httpStatus: 'checker-http-status',
  input: 'checker-input',
  run: 'checker-run',
  result: 'checker-result',
} as const;

/** The performance mark the page sets once its checker is wired up: what "ready" means when its load time is measured. */
export const READY_MARK = 'ssm-mw-contracts:checker-ready';

/** The name the pasted payload goes by where the command line would name its file. */
export const PASTED_NAME = 'pasted payload';
