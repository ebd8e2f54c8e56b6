import { makeIssue, wordIssue } from '../issues/make.js';
import { DocumentError, detectFormat, type ParsedDocument } from '../parse/document.js';
import type { Limits } from '../parse/limits.js';
import { parseText } from '../parse/parse-text.js';
import { floatIntegerFindings } from '../readers/payload/float-integers.js';
import { inferTarget, payloadDuplicates, payloadTags, syntaxError, withPositions, type LocatedIssue, type Target } from '../readers/payload/payload-document.js';
import { validate, type ValidateOptions, type ValidationResult } from '../validate/validate.js';

/*
 * What `ssm-mw-contracts validate FILE` does with each file: parse it (JSON or YAML), tell which
 * operation and kind it is unless told, validate it, and place every finding at its line and column,
 * worded in the API's names (a payload file writes them).
 * The payload reader that lint runs (src/readers/payload/reader.ts) reads files the same way.
 */

export interface PayloadCheck extends ValidationResult {
  target: Target;
  issues: LocatedIssue[];
}

/** Validates the payload a parsed document holds and places each issue at its line and column (inside a string, given the document's `text`). */
export function checkDocument(doc: ParsedDocument, target: Target, options: ValidateOptions = {}, text?: string): PayloadCheck {
  const result = validate(target.operation, target.kind, doc.value, options);
  return { ...result, target, issues: withPositions(doc, result.issues, [], text) };
}

export interface PayloadFileReport {
  file: string;
  target: Target | null;
  valid: boolean;
  issues: LocatedIssue[];
  representation?: ValidationResult['representation'];
  /** Set when the file could not be checked at all: the CLI exits 2. */
  inputProblem?: 'unreadable' | 'syntax' | 'unrecognized';
}

export interface PayloadTextOptions extends Partial<Target>, ValidateOptions {
  file: string;
  /** How deep and how alias-laden a file may be (src/parse/limits.ts); the defaults otherwise. */
  limits?: Partial<Pick<Limits, 'maxDepth' | 'maxAliasCount'>>;
}

/** Parses one payload file (JSON or YAML), works out what it is unless told, and validates it. */
export function checkPayloadText(text: string, options: PayloadTextOptions): PayloadFileReport {
  const { file } = options;
  let doc: ParsedDocument;
  try {
    doc = parseText(text, { format: detectFormat(text, file), ...options.limits });
  } catch (error) {
    if (!(error instanceof DocumentError)) throw error;
    return { file, target: null, valid: false, issues: [{ ...wordIssue(syntaxError(error, text, file)), ...error.position }], inputProblem: 'syntax' };
  }
  const tags = payloadTags(doc);
  const fixed = { ...(options.operation ? { operation: options.operation } : {}), ...(options.kind ? { kind: options.kind } : {}) };
  const inference = inferTarget(doc.value, fixed);
  if (!inference.ok) {
    const issue = makeIssue('unrecognized_payload', 'error', [], { reason: inference.reason, candidates: inference.candidates });
    return { file, target: null, valid: false, issues: withPositions(doc, [wordIssue(issue)]), inputProblem: 'unrecognized' };
  }
  const validateOptions: ValidateOptions = {
    ...(options.representation ? { representation: options.representation } : {}),
    ...(options.httpStatus !== undefined ? { httpStatus: options.httpStatus } : {}),
  };
  const result = checkDocument({ ...doc, value: tags.value }, inference.target, validateOptions, text);
  const written = floatIntegerFindings(doc, text, inference.target.operation, inference.target.kind);
  const issues = [...[...payloadDuplicates(doc), ...written, ...tags.findings].map(({ issue, location }) => ({ ...wordIssue(issue), ...location })), ...result.issues];
  const valid = result.valid && !issues.some((i) => i.severity === 'error');
  return { file, target: inference.target, valid, issues, representation: result.representation };
}
