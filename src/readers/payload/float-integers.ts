import type { Path } from '../../issues/issue.js';
import { plainShape, rootShape } from '../../compiled/shape-lookup.js';
import type { OperationName } from '../../operations/index.js';
import type { Kind } from '../../operations/kinds.js';
import { isRecord } from '../../values/value-facts.js';
import { makeIssue } from '../../validate/validate.js';
import { withoutBom, type ParsedDocument, type Position } from '../../parse/document.js';

/*
 * A whole number written with a fraction or an exponent (`"Priority": 1.0`, `1e0`) for an integer
 * member of a request (decision D41). JSON and YAML give it the value 1, and so do JSON.parse and
 * the SDK for JavaScript, which send `1`; but Python reads it as a float, and botocore refuses a
 * float for an integer: AWS CLI v1 and v2 refuse the file given with --cli-input-json (and v2 with
 * --cli-input-yaml), as boto3 does. The value is valid; the way it is written is not portable.
 */

export interface FloatIntegerFinding {
  issue: ReturnType<typeof makeIssue>;
  location: Position;
}

/** A JSON number or a YAML plain float at the start of a string: what Python's json and ruamel read. */
const NUMBER = /[-+]?(?:\d[\d_]*)?(?:\.\d*)?(?:[eE][-+]?\d+)?/y;

/** Findings for every integer member of a request payload written as a float, where the file writes it. */
export function floatIntegerFindings(doc: ParsedDocument, text: string, operation: OperationName, kind: Kind): FloatIntegerFinding[] {
  if (kind !== 'request') return [];
  const lines = withoutBom(text).split('\n');
  const findings: FloatIntegerFinding[] = [];
  const written = (path: Path): { text: string; at: Position } | undefined => {
    const at = doc.locate(path);
    const line = at ? lines[at.line - 1] : undefined;
    if (!at || line === undefined) return undefined;
    NUMBER.lastIndex = at.column - 1;
    const m = NUMBER.exec(line);
    return m ? { text: m[0], at } : undefined;
  };
  // Walks the value along its shape: only as deep as the model goes, never into what it does not declare.
  const stack: { value: unknown; shape: string; path: Path }[] = [{ value: doc.value, shape: rootShape(operation, kind), path: [] }];
  for (let next = stack.pop(); next; next = stack.pop()) {
    const { value, path } = next;
    const shape = plainShape(next.shape);
    if (shape.type === 'integer') {
      if (typeof value !== 'number' || !Number.isInteger(value)) continue;
      const number = written(path);
      if (number && /[.eE]/.test(number.text)) {
        findings.push({ issue: makeIssue('integer_written_as_float', 'warning', path, { written: number.text, value }), location: number.at });
      }
    } else if (shape.type === 'structure' && isRecord(value)) {
      for (const [member, m] of Object.entries(shape.members)) if (Object.hasOwn(value, member)) stack.push({ value: value[member], shape: m.shape, path: [...path, member] });
    } else if (shape.type === 'list' && Array.isArray(value)) {
      value.forEach((item, i) => stack.push({ value: item, shape: shape.member, path: [...path, i] }));
    } else if (shape.type === 'map' && isRecord(value)) {
      for (const key of Object.keys(value)) stack.push({ value: value[key], shape: shape.value, path: [...path, key] });
    }
  }
  return findings.sort((a, b) => a.location.line - b.location.line || a.location.column - b.location.column);
}
