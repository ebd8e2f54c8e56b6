/*
 * What the AWS CLI reader receives: the argv words of one command line. Shell readers (shell.ts,
 * cmd.ts) produce them from scripts; a word that holds a shell expansion carries one EXPANSION
 * character for each, whose value is not known statically.
 */

/** The character that stands for a shell expansion (`$VAR`, `$(...)`, `%VAR%`) inside a word's text. */
export const EXPANSION = '\uE000';

/** One argv word. */
export interface CommandWord {
  text: string;
  /** The source of each expansion (`$IDS`), in the order they occur in `text`. */
  expansions?: readonly string[];
}

export type Word = string | CommandWord;
