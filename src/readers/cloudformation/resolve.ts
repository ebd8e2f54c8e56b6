import type { Path, PathSegment } from '../../issues/issue.js';
import { isRecord } from '../../values/value-facts.js';
import { UNKNOWN } from '../../values/unknown-value.js';
import { setOwn } from '../../values/set-own.js';
import { oncePer } from '../../values/once.js';
import type { Choose, Option } from './choices.js';
import { intrinsicOf, UNKNOWN_TAG_PREFIX } from './template.js';

/*
 * Intrinsic functions, resolved as far as a template decides them. What the template decides is
 * computed (`!Sub` of parameters, `!Join` of literals, `!Select`, `!FindInMap`, `!If` on a decided
 * condition); what only a deployment decides (`!GetAtt`, `!ImportValue`, a pseudo parameter, a
 * resource's `!Ref`) is UNKNOWN; what the template leaves open (a parameter's value, a condition)
 * is a choice, and every combination of choices is explored (see choices.ts). A function this
 * reader does not know is UNKNOWN too, with a note, never taken literally.
 */

/** `!Ref AWS::NoValue`: the member or item is removed. */
export const NO_VALUE: unique symbol = Symbol('AWS::NoValue');

/** A parameter's value when it is none of the values the template names for it (its Default, AllowedValues, the values conditions compare it with). */
class OtherValue {
  constructor(
    readonly parameter: string,
    /** The values it differs from. */
    readonly named: readonly string[],
  ) {}
}

/** Where a resolved value is written: the member's key and the value itself (inside `!If`, the branch taken). */
export interface Origin {
  keyPath?: Path;
  valuePath: Path;
}

/** For each container the resolver builds, where each of its members or items comes from. */
export type Origins = WeakMap<object, Map<PathSegment, Origin>>;

/** Something not checked because this reader cannot read it statically. */
export interface Note {
  templatePath: Path;
  what: string;
  reason: string;
}

export interface Resolved {
  value: unknown;
  at: Path;
}

const PSEUDO_PARAMETERS = new Set([
  'AWS::AccountId',
  'AWS::NotificationARNs',
  'AWS::Partition',
  'AWS::Region',
  'AWS::StackId',
  'AWS::StackName',
  'AWS::URLSuffix',
]);

/** Functions whose value only a deployment knows: understood, and UNKNOWN. */
const DEPLOY_TIME = new Set(['Fn::GetAtt', 'Fn::ImportValue', 'Fn::GetAZs', 'Fn::Cidr']);

type Mode = 'value' | 'condition';

function containsUnknown(value: unknown): boolean {
  if (value === UNKNOWN || value instanceof OtherValue) return true;
  if (Array.isArray(value)) return value.some(containsUnknown);
  if (isRecord(value)) return Object.values(value).some(containsUnknown);
  return false;
}

const scalarText = (v: unknown): string | undefined => (typeof v === 'string' ? v : typeof v === 'number' || typeof v === 'boolean' ? String(v) : undefined);

/** The parameter values a template names: each a choice when a task's value depends on it. */
function parameterOptions(template: Record<string, unknown>, name: string, compared: readonly string[]): Option<unknown>[] {
  const declared = isRecord(template.Parameters) ? template.Parameters[name] : undefined;
  const defaultText = isRecord(declared) ? scalarText(declared.Default) : undefined;
  const named = [...new Set([...(defaultText !== undefined ? [defaultText] : []), ...compared])];
  const other: Option<unknown> = { label: `parameter ${name} is another value`, value: new OtherValue(name, named) };
  if (!isRecord(declared)) return [other];
  const type = typeof declared.Type === 'string' ? declared.Type : 'String';
  // The value is read from Parameter Store at deployment: its Default is a parameter name, not the value.
  if (type.startsWith('AWS::SSM::Parameter::Value<')) return [other];
  const isList = type === 'CommaDelimitedList' || type.startsWith('List<');
  const asValue = (text: string) => (isList ? text.split(',') : text);
  const option = (text: string): Option<unknown> => ({
    label: `parameter ${name} = ${JSON.stringify(text)}${text === defaultText ? ' (its Default)' : ''}`,
    value: asValue(text),
  });
  const allowed = Array.isArray(declared.AllowedValues) ? declared.AllowedValues.map(scalarText).filter((v): v is string => v !== undefined) : [];
  if (allowed.length > 0 && !isList) return allowed.map(option);
  const values = isList ? (defaultText !== undefined ? [defaultText] : []) : named;
  const options: Option<unknown>[] = values.map(option);
  return [...options, other];
}

/** For each parameter, the literals that conditions compare it with (`!Equals [!Ref Env, prod]`). */
function comparedLiterals(template: Record<string, unknown>): ReadonlyMap<string, readonly string[]> {
  const found = new Map<string, string[]>();
  const visit = (node: unknown): void => {
    if (Array.isArray(node)) return node.forEach(visit);
    if (!isRecord(node)) return;
    const args = node['Fn::Equals'];
    if (Array.isArray(args) && args.length === 2) {
      for (const [a, b] of [[args[0], args[1]], [args[1], args[0]]] as const) {
        const literal = scalarText(b);
        if (isRecord(a) && typeof a.Ref === 'string' && Object.keys(a).length === 1 && literal !== undefined) {
          found.set(a.Ref, [...(found.get(a.Ref) ?? []), literal]);
        }
      }
    }
    Object.values(node).forEach(visit);
  };
  visit(template.Conditions);
  return found;
}

/**
 * Each parameter's options, worked out once per template: a Resolver is built for every variant run
 * (a window may have dozens), and the template does not change between them. The options' values
 * are shared by those runs: a list parameter's value is copied where a run takes it (Resolver.parameter).
 */
class ParameterOptions {
  private readonly compared: ReadonlyMap<string, readonly string[]>;
  private readonly byName = new Map<string, readonly Option<unknown>[]>();

  constructor(private readonly template: Record<string, unknown>) {
    this.compared = comparedLiterals(template);
  }

  of(name: string): readonly Option<unknown>[] {
    let options = this.byName.get(name);
    if (options === undefined) this.byName.set(name, (options = parameterOptions(this.template, name, this.compared.get(name) ?? [])));
    return options;
  }
}

const optionsFor = oncePer((template: Record<string, unknown>) => new ParameterOptions(template));

/**
 * `text.replace(/\$\{(!?)([^}]*)\}/g, replace)`, by a scan that looks for each closing brace once:
 * the regex looks again from every `${`, which takes quadratic time on a text of many `${` and no `}`.
 */
export function replacePlaceholders(text: string, replace: (whole: string, literal: string, name: string) => string): string {
  let out = '';
  let from = 0;
  let close = -2; // the first `}` at or after the last search; -1 when there is none
  for (let i = text.indexOf('${'); i >= 0; i = text.indexOf('${', i)) {
    if (close !== -1 && close < i + 2) close = text.indexOf('}', i + 2);
    if (close < 0) break;
    const literal = text[i + 2] === '!' ? '!' : '';
    out += text.slice(from, i) + replace(text.slice(i, close + 1), literal, text.slice(i + 2 + literal.length, close));
    from = i = close + 1;
  }
  return out + text.slice(from);
}

/** What a file may still spend resolving template values (src/readers/cloudformation/reader.ts FILE_BUDGET), counted down. */
export class Budget {
  constructor(public left: number) {}
}

/** Thrown by a Resolver when its file's budget runs out: the variant it was resolving is not checked. */
export class BudgetSpent extends Error {}

export class Resolver {
  readonly origins: Origins = new WeakMap();
  /** For each object, the members `AWS::NoValue` removed, and where they are written. */
  readonly removed: Origins = new WeakMap();
  readonly notes: Note[] = [];
  /**
   * For a value that Fn::Sub or Fn::Join builds around parts only a deployment knows (UNKNOWN), the
   * text it is known to hold, by the value's template path: what is written around the placeholders.
   */
  readonly fixedText = new Map<string, string>();
  /** Facts decided while resolving: the outcome of each condition that `!If` or a resource `Condition` met. */
  readonly facts: string[] = [];
  private readonly conditions = new Map<string, boolean>();
  private readonly evaluating = new Set<string>();
  private readonly options: ParameterOptions;

  constructor(
    private readonly template: Record<string, unknown>,
    private readonly choose: Choose,
    private readonly budget?: Budget,
  ) {
    this.options = optionsFor(template);
  }

  private note(templatePath: Path, what: string, reason: string): typeof UNKNOWN {
    if (!this.notes.some((n) => n.reason === reason && n.templatePath.join('\0') === templatePath.join('\0'))) this.notes.push({ templatePath, what, reason });
    return UNKNOWN;
  }

  private parameter(name: string, mode: Mode): unknown {
    const value = this.choose(`parameter:${name}`, this.options.of(name));
    if (Array.isArray(value)) return [...value];
    return value instanceof OtherValue && mode === 'value' ? UNKNOWN : value;
  }

  private isResource(name: string): boolean {
    return isRecord(this.template.Resources) && Object.hasOwn(this.template.Resources, name);
  }

  /** A template value with its intrinsic functions resolved; NO_VALUE where `AWS::NoValue` removes it. */
  resolve(node: unknown, path: Path, mode: Mode = 'value'): Resolved {
    if (this.budget && --this.budget.left < 0) throw new BudgetSpent('the budget for resolving templates is spent');
    if (Array.isArray(node)) {
      const out: unknown[] = [];
      const where = new Map<PathSegment, Origin>();
      for (let i = 0; i < node.length; i++) {
        const r = this.resolve(node[i], [...path, i], mode);
        if (r.value === NO_VALUE) continue;
        where.set(out.length, { valuePath: r.at });
        out.push(r.value);
      }
      this.origins.set(out, where);
      return { value: out, at: path };
    }
    if (!isRecord(node)) return { value: node, at: path };
    // One list of keys, for both the intrinsic test and the members (Object.entries made a pair per member too).
    const keys = Object.keys(node);
    const fn = intrinsicOf(keys, mode === 'condition');
    if (fn) return this.call(fn, node[fn], [...path, fn], path, mode);
    const out: Record<string, unknown> = {};
    const where = new Map<PathSegment, Origin>();
    let removed: Map<PathSegment, Origin> | undefined;
    for (const key of keys) {
      // One path for the key and the call: no one changes a path once it is made.
      const at = [...path, key];
      const r = this.resolve(node[key], at, mode);
      if (r.value === NO_VALUE) (removed ??= new Map()).set(key, { keyPath: at, valuePath: r.at });
      else {
        where.set(key, { keyPath: at, valuePath: r.at });
        setOwn(out, key, r.value);
      }
    }
    this.origins.set(out, where);
    if (removed) this.removed.set(out, removed);
    return { value: out, at: path };
  }

  private known(node: unknown, path: Path, mode: Mode): unknown {
    const value = this.resolve(node, path, mode).value;
    return containsUnknown(value) ? UNKNOWN : value;
  }

  private call(fn: string, args: unknown, argsPath: Path, at: Path, mode: Mode): Resolved {
    const here = (value: unknown): Resolved => ({ value, at });
    const malformed = () => here(this.note(at, fn, `${fn} is not written as CloudFormation expects`));
    if (fn.startsWith(UNKNOWN_TAG_PREFIX)) {
      const why = fn.startsWith('!!') ? `${fn} is no tag CloudFormation's YAML reads (another YAML reader's, or a standard tag on a value it does not fit)` : `${fn} is not a CloudFormation tag (a preprocessor's?)`;
      return here(this.note(at, `The tag ${fn}`, why));
    }
    if (DEPLOY_TIME.has(fn)) return here(UNKNOWN);
    switch (fn) {
      case 'Ref': {
        if (typeof args !== 'string') return malformed();
        if (args === 'AWS::NoValue') return here(NO_VALUE);
        if (PSEUDO_PARAMETERS.has(args) || this.isResource(args)) return here(UNKNOWN);
        if (isRecord(this.template.Parameters) && Object.hasOwn(this.template.Parameters, args)) return here(this.parameter(args, mode));
        return here(this.note(at, `!Ref ${args}`, `${args} is neither a parameter nor a resource of this template`));
      }
      case 'Fn::If': {
        if (!Array.isArray(args) || args.length !== 3 || typeof args[0] !== 'string') return malformed();
        const holds = this.condition(args[0], [...argsPath, 0]);
        this.facts.push(`condition ${args[0]} is ${holds}`);
        const branch = holds ? 1 : 2;
        return this.resolve(args[branch], [...argsPath, branch], mode);
      }
      case 'Fn::Sub':
        return here(this.sub(args, argsPath, at, mode, malformed));
      case 'Fn::Join': {
        if (!Array.isArray(args) || args.length !== 2) return malformed();
        const delimiter = this.known(args[0], [...argsPath, 0], mode);
        const list = this.known(args[1], [...argsPath, 1], mode);
        if (delimiter === UNKNOWN || list === UNKNOWN) {
          if (typeof delimiter === 'string' && Array.isArray(args[1])) this.joinedText(delimiter, args[1], [...argsPath, 1], at, mode);
          return here(UNKNOWN);
        }
        const items = Array.isArray(list) ? list.map(scalarText) : undefined;
        if (typeof delimiter !== 'string' || !items || items.some((i) => i === undefined)) return malformed();
        return here(items.join(delimiter));
      }
      case 'Fn::Select': {
        if (!Array.isArray(args) || args.length !== 2) return malformed();
        const index = this.known(args[0], [...argsPath, 0], mode);
        const list = this.resolve(args[1], [...argsPath, 1], mode);
        if (index === UNKNOWN || list.value === UNKNOWN) return here(UNKNOWN);
        const i = Number(scalarText(index));
        if (!Array.isArray(list.value) || !Number.isInteger(i) || i < 0 || i >= list.value.length) return malformed();
        return { value: list.value[i], at: this.origins.get(list.value)?.get(i)?.valuePath ?? at };
      }
      case 'Fn::Split': {
        if (!Array.isArray(args) || args.length !== 2) return malformed();
        const delimiter = this.known(args[0], [...argsPath, 0], mode);
        const text = this.known(args[1], [...argsPath, 1], mode);
        if (delimiter === UNKNOWN || text === UNKNOWN) return here(UNKNOWN);
        if (typeof delimiter !== 'string' || typeof text !== 'string') return malformed();
        return here(text.split(delimiter));
      }
      case 'Fn::FindInMap': {
        if (!Array.isArray(args) || args.length < 3 || args.length > 4) return malformed();
        const keys = args.slice(0, 3).map((k, i) => this.known(k, [...argsPath, i], mode));
        if (keys.includes(UNKNOWN)) return here(UNKNOWN);
        const [map, top, second] = keys.map(scalarText);
        const mapping = isRecord(this.template.Mappings) && map !== undefined ? this.template.Mappings[map] : undefined;
        const level = isRecord(mapping) && top !== undefined ? mapping[top] : undefined;
        if (isRecord(level) && second !== undefined && Object.hasOwn(level, second)) return this.resolve(level[second], ['Mappings', map!, top!, second], mode);
        // Fn::FindInMap's DefaultValue (AWS::LanguageExtensions) stands in for a missing key.
        const fallback = args[3];
        if (isRecord(fallback) && Object.hasOwn(fallback, 'DefaultValue')) return this.resolve(fallback.DefaultValue, [...argsPath, 3, 'DefaultValue'], mode);
        return here(this.note(at, 'Fn::FindInMap', `the mapping has no entry ${[map, top, second].join('.')}`));
      }
      case 'Fn::Base64': {
        const text = this.known(args, argsPath, mode);
        if (text === UNKNOWN) return here(UNKNOWN);
        return typeof text === 'string' ? here(Buffer.from(text, 'utf8').toString('base64')) : malformed();
      }
      case 'Fn::ToJsonString': {
        const value = this.known(args, argsPath, mode);
        return here(value === UNKNOWN ? UNKNOWN : JSON.stringify(value));
      }
      case 'Fn::Length': {
        const value = this.known(args, argsPath, mode);
        if (value === UNKNOWN) return here(UNKNOWN);
        return Array.isArray(value) ? here(value.length) : malformed();
      }
      case 'Fn::Transform':
        return here(this.note(at, 'Fn::Transform', 'a macro computes this value at deployment'));
      default:
        return here(this.note(at, fn, `${fn} is not a function this reader knows`));
    }
  }

  /** The text a Fn::Join that only a deployment completes is known to hold: its known items (and the fixed text of the others), joined. */
  private joinedText(delimiter: string, items: unknown[], itemsPath: Path, at: Path, mode: Mode): void {
    const parts = items.map((item, i) => {
      const r = this.resolve(item, [...itemsPath, i], mode);
      return scalarText(r.value) ?? this.fixedText.get(r.at.join('\0')) ?? '';
    });
    this.fixedText.set(at.join('\0'), parts.join(delimiter));
  }

  private sub(args: unknown, argsPath: Path, at: Path, mode: Mode, malformed: () => Resolved): unknown {
    const [text, variables] = typeof args === 'string' ? [args, {}] : Array.isArray(args) && args.length === 2 ? [args[0], args[1]] : [undefined, undefined];
    if (typeof text !== 'string' || !isRecord(variables)) return malformed().value;
    let unknown = false;
    const values = new Map<string, string | undefined>();
    const out = replacePlaceholders(text, (whole, literal, name) => {
      if (literal) return '${' + name + '}';
      const trimmed = name.trim();
      let value: unknown;
      if (Object.hasOwn(variables, trimmed)) value = this.known(variables[trimmed], [...argsPath, 1, trimmed], mode);
      else if (trimmed.includes('.') || PSEUDO_PARAMETERS.has(trimmed) || this.isResource(trimmed)) value = UNKNOWN;
      else if (isRecord(this.template.Parameters) && Object.hasOwn(this.template.Parameters, trimmed)) value = this.parameter(trimmed, mode);
      else value = this.note(argsPath, `\${${trimmed}}`, `${trimmed} is neither a parameter nor a resource of this template`);
      const text = scalarText(value);
      values.set(trimmed, text);
      if (text === undefined) unknown = true;
      return text ?? whole;
    });
    if (!unknown) return out;
    this.fixedText.set(at.join('\0'), replacePlaceholders(text, (_whole, literal, name) => (literal ? '${' + name + '}' : (values.get(name.trim()) ?? ''))));
    return UNKNOWN;
  }

  /** Whether a named condition holds: decided when the template decides it, a choice otherwise. */
  condition(name: string, at: Path): boolean {
    const done = this.conditions.get(name);
    if (done !== undefined) return done;
    const either = (reason: string) => {
      this.note(at, `Condition ${name}`, reason);
      return this.choose(`condition:${name}`, [
        { label: `condition ${name} is true`, value: true },
        { label: `condition ${name} is false`, value: false },
      ]);
    };
    const declared = isRecord(this.template.Conditions) ? this.template.Conditions[name] : undefined;
    let holds: boolean;
    if (declared === undefined) holds = either(`the template declares no condition ${name}; both outcomes are checked`);
    else if (this.evaluating.has(name)) holds = either(`condition ${name} refers to itself; both outcomes are checked`);
    else {
      this.evaluating.add(name);
      holds = this.evaluate(declared, ['Conditions', name]);
      this.evaluating.delete(name);
    }
    this.conditions.set(name, holds);
    return holds;
  }

  private evaluate(node: unknown, path: Path): boolean {
    const fn = isRecord(node) ? intrinsicOf(Object.keys(node), true) : undefined;
    const args = fn ? (node as Record<string, unknown>)[fn] : undefined;
    const argsPath = fn ? [...path, fn] : path;
    const list = Array.isArray(args) ? args : [];
    switch (fn) {
      case 'Fn::And':
        return list.map((c, i) => this.evaluate(c, [...argsPath, i])).every(Boolean);
      case 'Fn::Or':
        return list.map((c, i) => this.evaluate(c, [...argsPath, i])).some(Boolean);
      case 'Fn::Not':
        return !this.evaluate(list[0], [...argsPath, 0]);
      case 'Condition':
        return typeof args === 'string' ? this.condition(args, argsPath) : this.open(node, path);
      case 'Fn::Equals':
        if (list.length === 2) return this.equals(list[0], list[1], argsPath);
        return this.open(node, path);
      default:
        return this.open(node, path);
    }
  }

  /** A condition the template does not decide: both outcomes, as a choice. */
  private open(node: unknown, path: Path, why?: string): boolean {
    const text = JSON.stringify(node) ?? String(node);
    const shown = text.length > 80 ? text.slice(0, 79) + '…' : text;
    if (why) this.note(path, shown, why);
    return this.choose(`atom:${text}`, [
      { label: `${shown} is true`, value: true },
      { label: `${shown} is false`, value: false },
    ]);
  }

  private equals(a: unknown, b: unknown, path: Path): boolean {
    const left = this.resolve(a, [...path, 0], 'condition').value;
    const right = this.resolve(b, [...path, 1], 'condition').value;
    const unknownLeft = containsUnknown(left);
    const unknownRight = containsUnknown(right);
    if (!unknownLeft && !unknownRight) return JSON.stringify(scalarText(left) ?? left) === JSON.stringify(scalarText(right) ?? right);
    // A parameter's other value differs from every value the template names for it.
    if (left instanceof OtherValue && right instanceof OtherValue && left.parameter === right.parameter) return true;
    const differs = (other: unknown, literal: unknown, literalUnknown: boolean) =>
      other instanceof OtherValue && !literalUnknown && other.named.includes(scalarText(literal) ?? '\0');
    if (differs(left, right, unknownRight) || differs(right, left, unknownLeft)) return false;
    return this.open({ 'Fn::Equals': [a, b] }, path);
  }
}
