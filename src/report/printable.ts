/*
 * Text from files and command lines, made safe to print. File names, logical ids, Terraform labels,
 * member names and values reach every output; a terminal obeys the control characters in them (ESC
 * and OSC sequences retitle it, rewrite lines, make links), a line feed starts a line of its own,
 * and CI logs run what looks like a command in them. Every renderer passes what it did not write
 * itself through printable() (or, for JSON, printableJson()) when it renders, so nothing raw gets out.
 */

/**
 * Characters shown as escapes: the controls (C0, DEL and C1: Unicode's Cc), the line and paragraph
 * separators (Zl, Zp: line breaks to some readers), and the bidirectional controls, which reorder
 * what a terminal or a browser shows and can hide text (Bidi_Control: ALM, LRM, RLM, LRE to RLO,
 * LRI to PDI).
 */
const BEYOND_C0 = '\\u007f-\\u009f\\u061c\\u200e\\u200f\\u2028\\u2029\\u202a-\\u202e\\u2066-\\u2069';

/**
 * GitHub Actions runs a line of a job's log as a workflow command when, after leading white space,
 * it starts with `::` (`::error file=x::...`), and when `##[` appears anywhere in it (the older form,
 * `##[error]...`). actions/runner src/Runner.Common/ActionCommand.cs, TryParseV2 and TryParse.
 */
const UNSAFE = new RegExp(`[\\u0000-\\u001f${BEYOND_C0}]|##\\[`, 'g');
/** JSON.stringify writes C0 controls in strings as escapes already, and JSON's own line breaks are C0. */
const JSON_UNSAFE = new RegExp(`[${BEYOND_C0}]|##\\[`, 'g');
const COMMAND_START = /^(\s*):(?=:)/;

const hex = (c: number, width: number) => c.toString(16).padStart(width, '0');

/** `\x1b` for a character up to U+00FF, `\u202e` above. */
function escape(c: number): string {
  return c <= 0xff ? `\\x${hex(c, 2)}` : `\\u${hex(c, 4)}`;
}

/**
 * The text with each unsafe character written as an escape (`\x1b`, `\x0a`, `\u202e`), the `[` of
 * `##[` as `\x5b`, and the first `:` of a leading `::` as `\x3a`. Text without them is returned as
 * it is. A backslash is left alone: an escape is told from the same characters written in a name
 * only by the name's other occurrences (JSON output has it exactly).
 */
export function printable(text: string): string {
  const escaped = text.replace(UNSAFE, (found) => (found === '##[' ? '##\\x5b' : escape(found.charCodeAt(0))));
  // Once the controls are escapes, the white space before a leading `::` is only what a log trims.
  return escaped.replace(COMMAND_START, '$1\\x3a');
}

/**
 * JSON text of a value, as JSON.stringify writes it, with the characters that JSON.stringify leaves
 * raw and a terminal or a CI log would act on written as `\u` escapes too (DEL, C1, the separators,
 * the bidirectional controls, the `[` of `##[`). They can only be inside strings, where an escape
 * stands for the same character: the data parsed back is the same.
 */
export function printableJson(value: unknown, indent = 2): string {
  return JSON.stringify(value, null, indent).replace(JSON_UNSAFE, (found) => (found === '##[' ? '##\\u005b' : `\\u${hex(found.charCodeAt(0), 4)}`));
}
