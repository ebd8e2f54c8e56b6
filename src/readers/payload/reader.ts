import type { FoundTask, Reader, ReadResult } from '../reader.js';
import { isRecord } from '../../values/value-facts.js';
import { makeIssue } from '../../validate/validate.js';
import { detectFormat, DocumentError, type ParsedDocument } from '../../parse/document.js';
import { parseText } from '../../parse/parse-text.js';
import { DEFAULT_LIMITS, type Limits } from '../../parse/limits.js';
import { floatIntegerFindings } from './float-integers.js';
import { inferTarget, payloadDuplicates, payloadTags, spanPosition, syntaxError, valueAt } from './payload-document.js';

/*
 * API payload files, as `validate` reads them: one request, response or error body of an
 * operation per JSON or YAML file, in the API's own names.
 */

/**
 * Members that only these operations' payloads have; a file naming none of them is not one. An
 * error body (`__type`) is one only when its type is an error these operations declare.
 */
const DISTINCTIVE_MEMBERS = ['WindowId', 'WindowExecutionId', 'WindowTaskId', 'WindowTargetId', 'WindowExecutionTaskInvocationIdentities', 'TaskInvocationParameters', 'TaskArn', 'InvocationId', 'TaskExecutionId', 'AllowUnassociatedTargets', '__type'];
const DISTINCTIVE = new RegExp(`["']?\\b(?:${DISTINCTIVE_MEMBERS.join('|')})\\b["']?\\s*:`);

type ParseLimits = Partial<Pick<Limits, 'maxDepth' | 'maxAliasCount'>>;

/** A file parsed, or why it could not be. */
type Parsed = { doc: ParsedDocument } | { error: DocumentError };

function parse(file: string, text: string, limits: ParseLimits = {}): Parsed {
  try {
    return { doc: parseText(text, { format: detectFormat(text, file), ...limits }) };
  } catch (error) {
    if (!(error instanceof DocumentError)) throw error;
    return { error };
  }
}

/** Whether `read` may take what `detect` parsed: it parsed with the default limits, so only when `read`'s limits are those. */
function defaultLimits(limits: ParseLimits): boolean {
  return (limits.maxDepth ?? DEFAULT_LIMITS.maxDepth) === DEFAULT_LIMITS.maxDepth && (limits.maxAliasCount ?? DEFAULT_LIMITS.maxAliasCount) === DEFAULT_LIMITS.maxAliasCount;
}

export const payloadReader: Reader = {
  kind: 'payload',
  accepts: (file) => /\.(json|ya?ml)$/i.test(file),
  needs: DISTINCTIVE_MEMBERS,
  detect(file, text) {
    if (!DISTINCTIVE.test(text)) return false;
    let parsed: Parsed;
    try {
      parsed = parse(file, text);
    } catch {
      return false;
    }
    // Broken JSON or YAML that names these operations' members: read() reports where it breaks.
    if ('error' in parsed) return { parsed };
    return isRecord(parsed.doc.value) && inferTarget(parsed.doc.value).ok ? { parsed } : false;
  },
  read(file, text, context, detected): ReadResult {
    const limits = { maxDepth: context.limits?.maxDepth, maxAliasCount: context.limits?.maxAliasCount };
    const parsed = detected !== undefined && defaultLimits(limits) ? (detected as Parsed) : parse(file, text, limits);
    if ('error' in parsed) return { tasks: [], findings: [{ issue: syntaxError(parsed.error, text, file), location: parsed.error.position }] };
    const { doc } = parsed;
    const inference = inferTarget(doc.value);
    if (!inference.ok) {
      const issue = makeIssue('unrecognized_payload', 'error', [], { reason: inference.reason, candidates: inference.candidates });
      return { tasks: [], findings: [{ issue, location: doc.locate([]) ?? { line: 1, column: 1 } }] };
    }
    const { operation, kind } = inference.target;
    const tags = payloadTags(doc);
    const task: FoundTask = {
      operation,
      kind,
      payload: tags.value,
      resource: `${operation} ${kind}`,
      location: doc.locate([]) ?? { line: 1, column: 1 },
      locate(path, target = 'value') {
        const position = doc.locate(path, target);
        return position ? { location: position } : undefined;
      },
      locateSpan: (path, span, value) => spanPosition(text, value, valueAt(tags.value, path), span),
      issues: [],
    };
    const findings = [...payloadDuplicates(doc), ...floatIntegerFindings(doc, text, operation, kind), ...tags.findings].map(({ issue, location }) => ({ issue, location, resource: task.resource }));
    return { tasks: [task], findings };
  },
};
