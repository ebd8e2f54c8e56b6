import type { PathSegment } from '../../issues/issue.js';
import { plainShape } from '../../compiled/shape-lookup.js';
import { PyBase64Error, pyB64decodeText, utf8 } from './base64.js';
import { PY_TYPE_NAMES, pyStr, type Py } from './python.js';

/*
 * What botocore does to the parameters before it sends them: AWS CLI v2's base64 decoding of blob
 * members (awscli/customizations/binaryformat.py) and ParamValidator (botocore/validate.py), which
 * checks only required members, unknown members, Python types and minimums: never a maximum, a
 * pattern or an enum (shared/research/client-side-validation.md). Both walk the model, read here
 * from the shapes' metadata as plain data (src/compiled/generated/shapes.ts).
 */

export type ValidationKind = 'required' | 'unknown' | 'type' | 'length' | 'range';

/** One line of botocore's "Parameter validation failed:" report. */
export interface ValidationLine {
  kind: ValidationKind;
  /** Where, as API path segments; for `required` and `unknown`, the member's own path. */
  path: PathSegment[];
  /** Set when the line is about a map key rather than its value. */
  mapKey?: boolean;
  message: string;
}

const name = (n: string) => (!n ? 'input' : n.startsWith('.') ? n.slice(1) : n);

const VALID_TYPES: Record<string, string[]> = {
  structure: ["<class 'dict'>"],
  map: ["<class 'dict'>"],
  string: ["<class 'str'>"],
  list: ["<class 'list'>", "<class 'tuple'>"],
  integer: ["<class 'int'>"],
  boolean: ["<class 'bool'>"],
  blob: ["<class 'bytes'>", "<class 'bytearray'>", 'file-like object'],
  timestamp: ["<class 'datetime.datetime'>", 'timestamp-string'],
};

function typeOk(type: string, v: Py): boolean {
  switch (type) {
    case 'structure':
    case 'map':
      return v.t === 'dict';
    case 'string':
      return v.t === 'str';
    case 'list':
      return v.t === 'list';
    case 'integer':
      // A Python bool is an int.
      return v.t === 'int' || v.t === 'bool';
    case 'boolean':
      return v.t === 'bool';
    case 'blob':
      return v.t === 'str' || v.t === 'bytes';
    default:
      return v.t === 'str';
  }
}

const len = (v: Py): number => (v.t === 'str' ? [...v.v].length : v.t === 'list' ? v.v.length : 0);

/** botocore's ParamValidator over a request: every line it would report, in its order. */
export function validateParams(params: Py, root: string): ValidationLine[] {
  const lines: ValidationLine[] = [];
  const report = (kind: ValidationKind, path: PathSegment[], message: string, mapKey = false) => lines.push({ kind, path, message, ...(mapKey ? { mapKey } : {}) });

  const visit = (v: Py, shape: string, n: string, path: PathSegment[], mapKey = false) => {
    if (v.t === 'unknown') return;
    const meta = plainShape(shape);
    if (!typeOk(meta.type, v)) {
      const valid = VALID_TYPES[meta.type] ?? VALID_TYPES.string!;
      report('type', path, `Invalid type for parameter ${name(n)}, value: ${pyStr(v)}, type: ${PY_TYPE_NAMES[v.t]}, valid types: ${valid.join(', ')}`, mapKey);
      return;
    }
    switch (meta.type) {
      case 'structure': {
        const dict = v as Extract<Py, { t: 'dict' }>;
        for (const [member, m] of Object.entries(meta.members)) {
          if (m.required && !dict.v.has(member)) report('required', [...path, member], `Missing required parameter in ${name(n)}: "${member}"`);
        }
        const known = Object.keys(meta.members);
        for (const key of dict.v.keys()) {
          if (!Object.hasOwn(meta.members, key)) report('unknown', [...path, key], `Unknown parameter in ${name(n)}: "${key}", must be one of: ${known.join(', ')}`);
        }
        for (const [key, x] of dict.v) {
          if (Object.hasOwn(meta.members, key)) visit(x, meta.members[key]!.shape, `${n}.${key}`, [...path, key]);
        }
        return;
      }
      case 'list': {
        const list = v as Extract<Py, { t: 'list' }>;
        if (meta.min !== undefined && list.v.length < meta.min) report('length', path, `Invalid length for parameter ${name(n)}, value: ${list.v.length}, valid min length: ${meta.min}`);
        list.v.forEach((x, i) => visit(x, meta.member, `${n}[${i}]`, [...path, i]));
        return;
      }
      case 'map': {
        const dict = v as Extract<Py, { t: 'dict' }>;
        for (const [key, x] of dict.v) {
          visit({ t: 'str', v: key }, meta.key, `${n} (key: ${key})`, [...path, key], true);
          visit(x, meta.value, `${n}.${key}`, [...path, key]);
        }
        return;
      }
      case 'string':
        if (meta.min !== undefined && len(v) < meta.min) report('length', path, `Invalid length for parameter ${name(n)}, value: ${len(v)}, valid min length: ${meta.min}`, mapKey);
        return;
      case 'integer': {
        const n2 = v.t === 'bool' ? (v.v ? 1n : 0n) : (v as Extract<Py, { t: 'int' }>).v;
        if (meta.min !== undefined && n2 < BigInt(meta.min)) report('range', path, `Invalid value for parameter ${name(n)}, value: ${pyStr(v)}, valid min value: ${meta.min}`);
        return;
      }
      default:
        return;
    }
  };
  visit(params, root, '', []);
  return lines;
}


/** Calls `change` on every blob member of the parameters (ModelVisitor: modelled members only). */
function visitBlobs(params: Py, root: string, change: (v: Py, path: PathSegment[]) => Py | undefined): void {
  const visit = (parent: Map<string, Py> | Py[], key: string | number, v: Py | undefined, shape: string, path: PathSegment[]) => {
    if (v === undefined) return;
    const meta = plainShape(shape);
    if (meta.type === 'structure') {
      if (v.t !== 'dict') return;
      for (const [member, m] of Object.entries(meta.members)) visit(v.v, member, v.v.get(member), m.shape, [...path, member]);
    } else if (meta.type === 'list') {
      if (v.t === 'list') v.v.forEach((x, i) => visit(v.v, i, x, meta.member, [...path, i]));
    } else if (meta.type === 'map') {
      if (v.t === 'dict') for (const [k, x] of v.v) visit(v.v, k, x, meta.value, [...path, k]);
    } else if (meta.type === 'blob') {
      const changed = change(v, path);
      if (changed === undefined) return;
      if (parent instanceof Map) parent.set(key as string, changed);
      else parent[key as number] = changed;
    }
  };
  const meta = plainShape(root);
  if (params.t === 'dict' && meta.type === 'structure') for (const [member, m] of Object.entries(meta.members)) visit(params.v, member, params.v.get(member), m.shape, [member]);
}

/** A blob value that AWS CLI v2 cannot base64-decode: a plain Python exception (exit 255). */
export class InvalidBase64 extends Error {
  constructor(
    message: string,
    readonly at: Py['at'],
  ) {
    super(message);
  }
}

/**
 * AWS CLI v2's Base64DecodeVisitor: every blob member given as text is base64-decoded (Python's
 * lenient decoder); text that is not base64 fails the whole command. Bytes (fileb://) pass as they are.
 */
export function decodeBlobs(params: Py, root: string, dropped: (path: PathSegment[], at: Py['at'], chars: string) => void = () => {}): void {
  visitBlobs(params, root, (v, path) => {
    if (v.t !== 'str') return undefined;
    try {
      const bytes = pyB64decodeText(v.v);
      // Characters outside the alphabet are dropped without a word: the text was not base64.
      const outside = [...new Set(v.v.replace(/[A-Za-z0-9+/=\s]/g, ''))].join('');
      if (outside) dropped(path, v.at, outside);
      return { t: 'bytes', v: bytes, at: v.at };
    } catch (e) {
      if (e instanceof PyBase64Error) throw new InvalidBase64(`Invalid base64: "${v.v}"`, v.at);
      if (e instanceof TypeError) throw new InvalidBase64(e.message, v.at);
      throw e;
    }
  });
}

/** botocore's serializer: a blob given as text is its UTF-8 bytes (then base64 on the wire). */
export function encodeBlobs(params: Py, root: string): void {
  visitBlobs(params, root, (v) => (v.t === 'str' ? { t: 'bytes', v: utf8(v.v), at: v.at } : undefined));
}
