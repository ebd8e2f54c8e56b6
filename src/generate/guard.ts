import type * as z from 'zod';
import { BOOLEANS, cfnMembers, INTEGER, JSON_TEXT, RESOURCE_TYPE } from '../readers/cloudformation/properties.js';
import { CFN_REQUIRED } from '../readers/cloudformation/rules/MW101-required-property.js';
import type { Code } from '../issues/codes.js';
import type { AnyRuleId, DocumentedRule } from '../readers/rule-catalog.js';
import type { OperationName } from '../operations/index.js';
import { TASK_TARGET_KEYS } from '../rules/MW005-task-target-key.js';
import { TASK_TARGET_VALUE_COUNT } from '../rules/MW006-task-target-value-count.js';
import { INVOCATION_MEMBER, RATE_CONTROLS } from '../rules/types.js';
import { INT32, metaOf, type ShapeMeta, type StructureMeta } from '../shapes/meta.js';
import { GENERATED_NOTE, type Contract } from './contract.js';
import { guardRegex, lengthTests, literal, patternTests } from './guard-regex.js';

/*
 * CloudFormation Guard rules from the contract: one Guard rule per finding `lint` reports as an
 * error on a template, for every one that Guard can express, named after it (the rule id, or the
 * code at a path), read from the same metadata `lint` checks with. What Guard cannot express is
 * listed, with the reason, on the docs page this module writes beside the rules (D55).
 *
 * Guard sees the template as written, so each rule checks a value only where lint would see the
 * same value: where a value is an intrinsic function (`{"Ref": ...}`, `{"Fn::If": ...}`), Guard
 * skips it, never fails it; lint resolves it and checks what it stands for (D56).
 */

/** A step from a value to a value inside it. */
export type Step = { member: string } | 'item' | 'value';

/** A CloudFormation resource type the Guard rules check, and the API payload its properties stand for. */
export interface GuardResource {
  type: string;
  /** The Guard variable holding the template's resources of this type. */
  variable: string;
  /** Starts the names of the rules that check the model's constraints. */
  prefix: string;
  /** Under generated/. */
  file: string;
  /** The operation whose request the properties stand for: its schema is read from the contract. */
  operation: OperationName;
  /** A structure's members in CloudFormation's names, each with its API name. */
  members(meta: StructureMeta): ReadonlyMap<string, string>;
  /** API paths of the maps CloudFormation also takes as text holding JSON. */
  jsonText: readonly string[];
  /** The file reader whose rules (src/readers/rule-catalog.ts) apply to it. */
  reader: string;
}

/**
 * The resource types with Guard rules. The window and its targets (issue 16) join here, each with
 * its operation's request schema and name mapping; the rule forms below then cover their rules.
 */
export const GUARD_RESOURCES: readonly GuardResource[] = [
  {
    type: RESOURCE_TYPE,
    variable: 'mw_tasks',
    prefix: 'TASK',
    file: 'guard/maintenance-window-task.guard',
    operation: 'RegisterTaskWithMaintenanceWindow',
    members: cfnMembers,
    jsonText: JSON_TEXT,
    reader: 'cloudformation',
  },
];

export const GUARD_DOCS = 'docs/guard.md';

/** What `lint` reports for the fault a Guard rule catches: a documented rule, or a code at a path (spec path notation, CloudFormation's names). */
export type LintIdentity = { rule: string; code: Code } | { code: Code; path: string };

export interface GuardCheck {
  /** The Guard rule's name. */
  name: string;
  resource: GuardResource;
  lint: LintIdentity;
  /** What it requires, in words. */
  requires: string;
  /** Where the fact comes from, one line each. */
  sources: string[];
  /** Guard clauses, evaluated with one resource of the type as the context. */
  body: string[];
}

/** Something lint reports that the Guard rules leave out, and why. */
export interface Unexpressed {
  /** The rule id, or the code and where. */
  lint: string;
  what: string;
  reason: string;
}

// --- Guard text --------------------------------------------------------------------------------

const indent = (lines: readonly string[]) => lines.map((l) => `  ${l}`);
const block = (head: string, lines: readonly string[]) => [`${head} {`, ...indent(lines), '}'];
const text = (value: string) => {
  if (!/^[\w$.:%@/ -]*$/.test(value)) throw new Error(`${JSON.stringify(value)} needs quoting rules this generator does not have`);
  return `'${value}'`;
};
const textList = (values: readonly string[]) => `[${values.map(text).join(', ')}]`;
/** A custom message: Guard ends it at the first `>>`. */
const message = (name: string, words: string) => `<<${name}: ${words.replace(/>>/g, '> >').replace(/\s+/g, ' ')}>>`;
const flat = (s: string) => s.replace(/\s+/g, ' ').trim();

/**
 * The intrinsic functions of CloudFormation templates (Intrinsic function reference, AWS CloudFormation
 * User Guide, with AWS::LanguageExtensions). lint takes any one-key object whose key is Ref or Fn::...
 * for a function (src/readers/cloudformation/resolve.ts); Guard tests the key against this list,
 * since counting keys or matching them with a regex costs a Guard engine milliseconds each time.
 */
export const INTRINSIC_FUNCTIONS = [
  'Ref',
  'Fn::Base64',
  'Fn::Cidr',
  'Fn::FindInMap',
  'Fn::ForEach',
  'Fn::GetAtt',
  'Fn::GetAZs',
  'Fn::ImportValue',
  'Fn::Join',
  'Fn::Length',
  'Fn::Select',
  'Fn::Split',
  'Fn::Sub',
  'Fn::ToJsonString',
  'Fn::Transform',
  'Fn::If',
  'Fn::And',
  'Fn::Equals',
  'Fn::Not',
  'Fn::Or',
] as const;

let counter = 0;

/**
 * `inner` where `q` is an object that is not an intrinsic function; lint checks the members of
 * such an object, and resolves a function before it checks what it stands for. An object that
 * holds a function's key among others is skipped too: lint would call it an object, Guard errs
 * on the side of saying nothing.
 */
function plainObject(q: string, inner: readonly string[], nonEmpty = false): string[] {
  return block(`when ${q} is_struct${nonEmpty ? ` ${q} !empty` : ''} ${q}[ keys in ${textList(INTRINSIC_FUNCTIONS)} ] empty`, inner);
}

const join = (q: string, member: string) => (q ? `${q}.${member}` : member);

/** The clauses that reach the value at `steps` (from `q`) and apply `leaf` to it; a value on the way that is not there, or not of its type, skips them. */
export function reach(q: string, steps: readonly Step[], leaf: (q: string) => string[]): string[] {
  if (steps.length === 0) return leaf(q || 'this');
  const [step, ...rest] = steps as [Step, ...Step[]];
  if (typeof step === 'object') return reach(join(q, step.member), rest, leaf);
  const at = q || 'this';
  // A block over an empty list or map fails in Guard, so each is entered only when it has something.
  if (step === 'item') return block(`when ${at} is_list ${at} !empty`, block(`${at}[*]`, reach('', rest, leaf)));
  return plainObject(at, block(`${at}.*`, reach('', rest, leaf)), true);
}

// --- positions of a resource's properties -------------------------------------------------------

interface Position {
  steps: Step[];
  /** Spec path notation in CloudFormation's names; '' for the properties themselves. */
  path: string;
  meta: ShapeMeta;
  /** The API path's member names, to compare with API-path facts (JSON_TEXT). */
  apiPath: string;
  /** For a structure member: whether the model requires it. */
  required: boolean;
  /** The map whose keys these are. */
  mapKey?: true;
}

/** The request schema of the resource's operation, as the contract has it. */
export function rootOf(contract: Contract, resource: GuardResource): z.ZodType {
  const operation = contract.operations.find((o) => o.name === resource.operation);
  if (!operation) throw new Error(`${resource.type}: the contract has no operation ${resource.operation}`);
  return operation.request;
}

function positionsOf(resource: GuardResource, root: z.ZodType): Position[] {
  const out: Position[] = [];
  const visit = (schema: z.ZodType, steps: Step[], path: string, apiPath: string, required: boolean) => {
    const meta = metaOf(schema);
    out.push({ steps, path, meta, apiPath, required });
    if (meta.type === 'structure') {
      for (const [cfn, api] of resource.members(meta)) {
        const member = meta.members[api]!;
        if (member.envelope) continue;
        visit(member.schema, [...steps, { member: cfn }], path ? `${path}.${cfn}` : cfn, apiPath ? `${apiPath}.${api}` : api, member.required);
      }
    } else if (meta.type === 'list') visit(meta.member, [...steps, 'item'], `${path}[]`, apiPath, false);
    else if (meta.type === 'map') {
      out.push({ steps, path: `${path}{key}`, meta: metaOf(meta.key), apiPath, required: false, mapKey: true });
      visit(meta.value, [...steps, 'value'], `${path}{}`, apiPath, false);
    }
  };
  visit(root, [], '', '', false);
  return out;
}

/** A rule name from a spec path: `Targets[].Key` → `Targets_Key`, `Targets[]` → `Targets_items`, `TaskParameters{key}` → `TaskParameters_keys`. */
const pathName = (path: string) =>
  path === ''
    ? 'Properties'
    : path
        .replace(/\{key\}$/, '.keys')
        .replace(/\[\]$/, '.items')
        .replace(/\{\}$/, '.values')
        .replace(/\[\]|\{\}/g, '')
        .replace(/\./g, '_');
const shown = (path: string) => (path === '' ? 'Properties' : path);

/** The first source of a fact of the model: the shape in the service model, as the rules cite it. */
const MODEL_SOURCE = 'AWS SSM service model (botocore data/ssm/2014-11-06/service-2.json)';

// --- the model's constraints --------------------------------------------------------------------

/** Integer text that Guard's parse_int reads without overflow; longer text is out of every 32-bit range. */
const PARSABLE_INTEGER = literal('^[+-]?[0-9]{1,18}$');
const HUGE_POSITIVE = literal('^\\+?0*[1-9][0-9]{18,}$');
const HUGE_NEGATIVE = literal('^-0*[1-9][0-9]{18,}$');
const INTEGER_TEXT = literal(guardRegex(INTEGER.source));
const BOOLEAN_TEXT = literal(`(?i)^(${Object.keys(BOOLEANS).join('|')})$`);

/**
 * A check of text: CloudFormation turns a number into text (lint checks String(value)), so an
 * integer is checked as its digits. A number with a fraction or a boolean is left out (D56).
 */
function textCheck(q: string, test: (subject: string, msg: string) => string[], words: string, name: string, integers = true): string[] {
  const s = `text_${++counter}`;
  const msg = message(name, words);
  const text = block(`when ${q} is_string`, test(q, msg));
  return integers ? [...text, ...block(`when ${q} is_int`, [`let ${s} = parse_string(${q})`, ...test(`%${s}`, msg)])] : text;
}

/**
 * Text of `min` to `max` code points. ASCII text of up to 128 characters is decided by a cheap
 * regex; other text is counted: regex_replace(text, "(?s).", "a") writes one "a" per code point
 * (in both engines), and substring() of that ASCII text tells whether position n exists. A counted
 * Unicode regex (`(?s)^.{0,1600}$`) would do it alone, but Guard builds it again at every
 * evaluation, in milliseconds per hundred characters.
 */
function lengthCheck(subject: string, min: number, max: number | undefined, msg: string): string[] {
  const [cheap] = lengthTests(min, max);
  const units = `units_${++counter}`;
  const at = (n: number, test: 'empty' | '!empty') => {
    const v = `at_${++counter}`;
    return [`let ${v} = substring(%${units}, ${n}, ${n + 1})`, `%${v} ${test} ${msg}`];
  };
  const count = [
    ...(min > 0 ? [`${subject} != '' ${msg}`] : []),
    ...(min > 1 || max !== undefined ? [`let ${units} = regex_replace(${subject}, "(?s).", "a")`] : []),
    ...(min > 1 ? at(min - 1, '!empty') : []),
    ...(max !== undefined ? at(max, 'empty') : []),
  ];
  return block(`when ${subject} != ${literal(cheap!)}`, count);
}

/**
 * Valid base64 text (MW103 holds) decodes to at most `max` bytes: n base64 characters (spaces and
 * line breaks aside) hold 3n/4 bytes less one per `=`. Counted as lengthCheck counts: one "a" per
 * base64 character, then substring() at the limits.
 */
function base64Size(subject: string, max: number, msg: string): string[] {
  const groups = Math.floor(max / 3);
  const rest = max % 3;
  const [chars, over, beyond] = [`chars_${++counter}`, `over_${counter}`, `beyond_${counter}`];
  // Past `groups` full groups of four, one more group fits only if its padding leaves no more than `rest` bytes in it.
  const lastGroup = rest === 0 ? [`%${over} empty ${msg}`] : [`${subject} == ${literal(rest === 1 ? '==[ \\r\\n]*$' : '=[ \\r\\n]*$')} ${msg}`];
  return block(`when ${subject} != ${literal(lengthTests(0, Math.floor((max / 3) * 4))[0]!)}`, [
    `let ${chars} = regex_replace(${subject}, "[A-Za-z0-9+/=]", "a")`,
    `let ${over} = substring(%${chars}, ${4 * groups}, ${4 * groups + 1})`,
    ...block(`when %${over} !empty`, [`let ${beyond} = substring(%${chars}, ${4 * groups + 4}, ${4 * groups + 5})`, `%${beyond} empty ${msg}`, ...lastGroup]),
  ]);
}

/** A single clause as a text test. */
const clause = (expression: (subject: string) => string) => (subject: string, msg: string) => [`${expression(subject)} ${msg}`];

/** An integer's digits and sign: text this long or shorter cannot break a longer maximum or a minimum of 1. */
const MAX_INTEGER_DIGITS = 20;

/**
 * `subject` matches one of the regexes, cheapest first, each tried only when the ones before it do
 * not match (in nested `when`s: cfn-guard's `or` stops at the first match, the Guard engine of
 * @aws/cloudformation-validate tries every one).
 */
function matchesOne(subject: string, regexes: readonly string[], msg: string): string[] {
  const [last, ...before] = [...regexes].reverse() as [string, ...string[]];
  return before.reduce((inner, r) => block(`when ${subject} != ${literal(r)}`, inner), [`${subject} == ${literal(last)} ${msg}`]);
}

/** A check of an integer: CloudFormation turns integer text into a number (lint too, src/readers/cloudformation/properties.ts). */
function integerCheck(q: string, op: '>=' | '<=', bound: number, words: string, name: string): string[] {
  const n = `number_${++counter}`;
  const huge = op === '<=' ? HUGE_POSITIVE : HUGE_NEGATIVE;
  return [
    ...block(`when ${q} is_int`, [`${q} ${op} ${bound} ${message(name, words)}`]),
    ...block(`when ${q} is_string ${q} == ${PARSABLE_INTEGER}`, [`let ${n} = parse_int(${q})`, `%${n} ${op} ${bound} ${message(name, words)}`]),
    ...(Math.abs(bound) < 1e18 ? block(`when ${q} is_string`, [`${q} != ${huge} ${message(name, words)}`]) : []),
  ];
}

/** The clauses that fail a value of the wrong type, with CloudFormation's conversions (as lint's, D56). */
function typeCheck(q: string, meta: ShapeMeta, jsonText: boolean, name: string, words: string): string[] {
  const not = (...types: string[]) => types.map((t) => `${q} !${t} ${message(name, words)}`);
  const noObject = plainObject(q, [`${q} !is_struct ${message(name, words)}`]);
  const lines = [`${q} !is_null ${message(name, words)}`];
  switch (meta.type) {
    case 'string':
    case 'blob':
      lines.push(...not('is_list'), ...noObject);
      break;
    case 'integer':
      lines.push(...not('is_bool', 'is_list'), ...noObject, ...block(`when ${q} is_string`, [`${q} == ${INTEGER_TEXT} ${message(name, words)}`]));
      break;
    case 'boolean':
      lines.push(...not('is_int', 'is_float', 'is_list'), ...noObject, ...block(`when ${q} is_string`, [`${q} == ${BOOLEAN_TEXT} ${message(name, words)}`]));
      break;
    case 'list':
      lines.push(...not('is_string', 'is_int', 'is_float', 'is_bool'), ...noObject);
      break;
    case 'map':
      lines.push(...not(...(jsonText ? [] : ['is_string']), 'is_int', 'is_float', 'is_bool', 'is_list'));
      break;
    case 'structure':
      lines.push(...not('is_string', 'is_int', 'is_float', 'is_bool', 'is_list'));
      break;
    case 'timestamp':
      throw new Error('a timestamp in a resource: its CloudFormation form needs a look');
  }
  return block(`when ${q} exists`, lines);
}

const TYPE_WORDS: Record<ShapeMeta['type'], string> = {
  string: 'text',
  blob: 'base64 text',
  integer: 'an integer',
  boolean: 'true or false',
  list: 'a list',
  map: 'an object',
  structure: 'an object',
  timestamp: 'a timestamp',
};

const SPACES = '[ \\r\\n]*';
const B64 = '[A-Za-z0-9+/]';
/** base64 as the resource handler reads it (src/readers/cloudformation/base64.ts, D34): spaces and line breaks anywhere, canonical padding. */
export function handlerBase64Source(): string {
  const char = `${B64}${SPACES}`;
  const quad = `(?:${char}){4}`;
  // The last character before the padding may not set the bits base64 leaves zero.
  const two = `${char}[AQgw]${SPACES}=${SPACES}=${SPACES}`;
  const one = `${char}${char}[AEIMQUYcgkosw048]${SPACES}=${SPACES}`;
  return `^${SPACES}(?:${quad})*(?:${two}|${one})?$`;
}

function constraintChecks(resource: GuardResource, p: Position): GuardCheck[] {
  const checks: GuardCheck[] = [];
  const add = (code: Code, requires: string, leaf: (q: string, name: string) => string[], steps = p.steps, source = MODEL_SOURCE) => {
    const name = `${resource.prefix}_${pathName(p.path)}_${code}`;
    checks.push({ name, resource, lint: { code, path: p.path }, requires, sources: [`${source}: ${p.meta.shape}`], body: reach('Properties', steps, (q) => leaf(q, name)) });
  };
  const where = shown(p.path);
  const meta = p.meta;

  if (p.mapKey) {
    if (meta.type !== 'string') throw new Error(`${where}: map keys that are not strings`);
    // Keys that fail the cheap regex are looked at with the next one, and so on: the keys the last one refuses are the faults.
    const keyCheck = (code: Code, regexes: string[], words: string) =>
      add(code, words, (q, name) => {
        const refused = (r: string) => `${q}[ keys != ${literal(r)} ]`;
        const last = [`${refused(regexes[regexes.length - 1]!)} empty ${message(name, words)}`];
        return plainObject(q, regexes.slice(0, -1).reduceRight((inner, r) => block(`when ${refused(r)} !empty`, inner), last));
      });
    const map = where.replace(/\{key\}$/, '');
    if (meta.min !== undefined && meta.min > 0) keyCheck('too_short', lengthTests(meta.min, undefined), `each key of ${map} has at least ${meta.min} characters`);
    if (meta.max !== undefined) keyCheck('too_long', lengthTests(0, meta.max), `each key of ${map} has at most ${meta.max} characters`);
    if (meta.pattern !== undefined) keyCheck('pattern_mismatch', patternTests(meta.pattern), `each key of ${map} matches ${meta.pattern}`);
    if (meta.enum) throw new Error(`${where}: map keys from an enum need a look`);
    return checks;
  }

  const jsonText = resource.jsonText.includes(p.apiPath) && meta.type === 'map';
  const typeWords = `${where} is ${TYPE_WORDS[meta.type]}${jsonText ? ' or text holding one' : ''}`;
  add('invalid_type', typeWords, (q, name) => typeCheck(q, meta, jsonText, name, typeWords));

  switch (meta.type) {
    case 'string': {
      const regexes = (code: Code, tests: string[], words: string, integers: boolean) => add(code, words, (q, name) => textCheck(q, (s, msg) => matchesOne(s, tests, msg), words, name, integers));
      if (meta.enum) add('invalid_enum', `${where} is one of ${meta.enum.join(', ')}`, (q, name) => textCheck(q, clause((s) => `${s} in ${textList(meta.enum!)}`), `${where} is one of ${meta.enum!.join(', ')}`, name));
      // An integer has 1 to 20 characters: a bound it cannot break needs no check of integers.
      if (meta.min !== undefined && meta.min > 0) {
        const words = `${where} has at least ${meta.min} characters`;
        add('too_short', words, (q, name) => textCheck(q, (s, msg) => lengthCheck(s, meta.min!, undefined, msg), words, name, meta.min! > 1));
      }
      if (meta.max !== undefined) {
        const words = `${where} has at most ${meta.max} characters`;
        add('too_long', words, (q, name) => textCheck(q, (s, msg) => lengthCheck(s, 0, meta.max, msg), words, name, meta.max! < MAX_INTEGER_DIGITS));
      }
      if (meta.pattern !== undefined) regexes('pattern_mismatch', patternTests(meta.pattern), `${where} matches ${meta.pattern}`, true);
      break;
    }
    case 'integer': {
      const min = meta.min ?? INT32.min;
      const max = meta.max ?? INT32.max;
      add('too_small', `${where} is at least ${min}`, (q, name) => integerCheck(q, '>=', min, `${where} is at least ${min}`, name));
      add('too_big', `${where} is at most ${max}`, (q, name) => integerCheck(q, '<=', max, `${where} is at most ${max}`, name));
      break;
    }
    case 'blob':
      // Base64 text written in the template; Fn::Base64 of text is skipped (its bytes are UTF-8, which Guard does not count).
      if (meta.max !== undefined) {
        const max = meta.max;
        const words = `${where} decodes to at most ${max} bytes`;
        add('too_long', words, (q, name) => block(`when ${q} is_string ${q} == ${literal(guardRegex(handlerBase64Source()))}`, base64Size(q, max, message(name, words))));
      }
      break;
    case 'list': {
      const count = (code: Code, op: '>=' | '<=', bound: number, words: string) =>
        add(code, words, (q, name) => {
          const n = `items_${++counter}`;
          return block(`when ${q} is_list`, [`let ${n} = count(${q}[*])`, `%${n} ${op} ${bound} ${message(name, words)}`]);
        });
      if (meta.min !== undefined && meta.min > 0) count('too_few_items', '>=', meta.min, `${where} has at least ${meta.min} items`);
      if (meta.max !== undefined) count('too_many_items', '<=', meta.max, `${where} has at most ${meta.max} items`);
      break;
    }
    case 'map': {
      const count = (code: Code, op: '>=' | '<=', bound: number, words: string) =>
        add(code, words, (q, name) => {
          const n = `entries_${++counter}`;
          return plainObject(q, [`let ${n} = count(${q}.*)`, `%${n} ${op} ${bound} ${message(name, words)}`]);
        });
      if (meta.min !== undefined && meta.min > 0) count('too_few_entries', '>=', meta.min, `${where} has at least ${meta.min} entries`);
      if (meta.max !== undefined) count('too_many_entries', '<=', meta.max, `${where} has at most ${meta.max} entries`);
      break;
    }
    case 'structure':
      for (const [cfn, api] of resource.members(meta)) {
        if (!meta.members[api]!.required) continue;
        const member = p.path ? `${p.path}.${cfn}` : cfn;
        const name = `${resource.prefix}_${pathName(member)}_required`;
        const words = `${member} is given`;
        const has = (q: string) => [`${join(q, cfn)} exists ${message(name, words)}`];
        // Without Properties at all, lint reports each required member; with Properties of another type, only the type.
        const body = p.path === '' ? [...block('when Properties !exists', has('Properties')), ...plainObject('Properties', has('Properties'))] : reach('Properties', p.steps, (q) => plainObject(q, has(q)));
        checks.push({ name, resource, lint: { code: 'required', path: member }, requires: words, sources: [`${MODEL_SOURCE}: ${meta.shape} requires ${api}`], body });
      }
      break;
    default:
      break;
  }
  return checks;
}

// --- the documented rules -------------------------------------------------------------------------

/** What a rule's Guard form has to work with. */
export interface FormContext {
  resource: GuardResource;
  root: z.ZodType;
  positions: readonly Position[];
  /** A member's CloudFormation name, from its API path. */
  cfnSteps(apiPath: readonly string[]): Step[];
}

/** How a documented rule appears in Guard: clauses (each with its message), or why it cannot. */
export type GuardForm = { form: 'guard'; body(ctx: FormContext, name: string): string[] } | { form: 'not-expressible'; reason: string };

const TASK_TYPES = Object.keys(INVOCATION_MEMBER) as (keyof typeof INVOCATION_MEMBER)[];

/** Targets that are a list with at least one item, and each target that is an object (lint reads nothing else as a target). */
const eachTarget = (inner: string[]) => block('when Properties.Targets is_list Properties.Targets !empty', block('Properties.Targets[*]', plainObject('this', inner)));

/**
 * The Guard form of each error-level rule that applies to a resource with Guard rules. Like the
 * rule's JSON Schema form, it restates the rule's check in another language; the agreement test
 * (test/guard/) runs both on the same templates. A rule missing here fails `npm run generate`.
 */
export const GUARD_FORMS: Partial<Record<AnyRuleId, GuardForm>> = {
  MW001: {
    form: 'guard',
    body: (_ctx, name) =>
      block("when Properties.TaskType == 'RUN_COMMAND'", [
        `Properties.Targets exists ${message(name, 'a RUN_COMMAND task needs Targets')}`,
        ...block('when Properties.Targets is_list', [`Properties.Targets !empty ${message(name, 'a RUN_COMMAND task needs at least one target')}`]),
      ]),
  },
  MW002: {
    form: 'guard',
    body: (_ctx, name) => block('when Properties.Targets is_list Properties.Targets !empty', RATE_CONTROLS.map((m) => `Properties.${m} exists ${message(name, `a task with targets must give ${m}`)}`)),
  },
  MW003: {
    form: 'guard',
    body: (_ctx, name) => {
      const forbid = RATE_CONTROLS.map((m) => `Properties.${m} !exists ${message(name, `a task without targets must not give ${m}`)}`);
      return [...block('when Properties.Targets !exists', forbid), ...block('when Properties.Targets is_list Properties.Targets empty', forbid)];
    },
  },
  MW004: {
    form: 'guard',
    body: (ctx, name) =>
      TASK_TYPES.flatMap((taskType) => {
        const cfn = (api: string) => (ctx.cfnSteps(['TaskInvocationParameters', api])[1] as { member: string }).member;
        const others = TASK_TYPES.filter((t) => t !== taskType).map((t) => cfn(INVOCATION_MEMBER[t]));
        return block(`when Properties.TaskType == ${text(taskType)} Properties.TaskInvocationParameters is_struct`, [
          `Properties.TaskInvocationParameters[ keys in ${textList(others)} ] empty ${message(name, `a ${taskType} task gives only ${cfn(INVOCATION_MEMBER[taskType])} in TaskInvocationParameters`)}`,
        ]);
      }),
  },
  MW005: {
    form: 'guard',
    body: (_ctx, name) => {
      const words = `a task target's Key is ${TASK_TARGET_KEYS.join(' or ')}`;
      return eachTarget([`Key exists ${message(name, words)}`, ...textCheck('Key', clause((s) => `${s} in ${textList(TASK_TARGET_KEYS)}`), words, name)]);
    },
  },
  MW006: {
    form: 'guard',
    body: (ctx, name) => {
      // Beyond the model's own maximum for Values, lint reports too_many_items instead (MW006's check).
      const values = ctx.positions.find((p) => p.path === 'Targets[].Values')?.meta;
      if (values?.type !== 'list') throw new Error('MW006: the task has no Targets[].Values list');
      const modelMax = values.max;
      return eachTarget(
        Object.entries(TASK_TARGET_VALUE_COUNT).flatMap(([key, { minimum, maximum }]) => {
          const n = `values_${++counter}`;
          const words = `Key ${key} takes ${minimum} to ${maximum} values`;
          return block(`when Key == ${text(key)}`, [
            `Values exists ${message(name, words)}`,
            ...block('when Values is_list', [`let ${n} = count(Values[*])`, `%${n} >= ${minimum} ${message(name, words)}`, ...(maximum === modelMax ? [] : [`%${n} <= ${maximum} ${message(name, words)}`])]),
          ]);
        }),
      );
    },
  },
  MW100: {
    form: 'guard',
    body: (ctx, name) =>
      ctx.positions
        .filter((p) => p.meta.type === 'structure' && !p.mapKey)
        .flatMap((p) => {
          const names = [...ctx.resource.members(p.meta as StructureMeta).keys()];
          const words = `${shown(p.path)} has only the properties ${names.join(', ')}`;
          return reach('Properties', p.steps, (q) => plainObject(q, [`${q}[ keys !in ${textList(names)} ] empty ${message(name, words)}`]));
        }),
  },
  MW101: {
    form: 'guard',
    body: (ctx, name) =>
      CFN_REQUIRED.flatMap((apiPath) => {
        const steps = ctx.cfnSteps(apiPath);
        const member = (steps[steps.length - 1] as { member: string }).member;
        const words = `CloudFormation requires ${member}`;
        const has = (q: string) => [`${join(q, member)} exists ${message(name, words)}`];
        const parent = steps.slice(0, -1);
        return parent.length === 0
          ? [...block('when Properties !exists', has('Properties')), ...plainObject('Properties', has('Properties'))]
          : reach('Properties', parent, (q) => plainObject(q, has(q)));
      }),
  },
  MW102: {
    form: 'not-expressible',
    reason:
      "Guard's json_parse stops the whole evaluation on text that is not JSON (cfn-guard exits 255; @aws/cloudformation-validate throws) instead of failing a rule, so no rule can test whether text is JSON.",
  },
  MW106: {
    form: 'not-expressible',
    reason:
      'Fn::GetAtt may be written anywhere in the template (another resource, Outputs) and names another resource by its logical id: a Guard rule sees one resource type’s properties at a time and cannot look the named resource’s type up.',
  },
  MW103: {
    form: 'guard',
    body: (ctx, name) => {
      const steps = ctx.cfnSteps(['TaskInvocationParameters', 'Lambda', 'Payload']);
      const words = 'the Lambda Payload is base64 text (wrap JSON in Fn::Base64)';
      return reach('Properties', steps, (q) => textCheck(q, clause((s) => `${s} == ${literal(guardRegex(handlerBase64Source()))}`), words, name));
    },
  },
};

// --- assembling ------------------------------------------------------------------------------------

function cfnStepsOf(resource: GuardResource, root: z.ZodType, apiPath: readonly string[]): Step[] {
  const steps: Step[] = [];
  let meta = metaOf(root);
  for (const api of apiPath) {
    if (meta.type !== 'structure') throw new Error(`${apiPath.join('.')}: ${api} is not in a structure`);
    const cfn = [...resource.members(meta)].find(([, a]) => a === api)?.[0];
    if (cfn === undefined) throw new Error(`${apiPath.join('.')}: ${meta.shape} has no ${api} in CloudFormation`);
    steps.push({ member: cfn });
    meta = metaOf(meta.members[api]!.schema);
  }
  return steps;
}

const sourceLines = (rule: DocumentedRule) => rule.sources.map((s) => `${s.document} <${s.url}>: "${flat(s.quote)}"`);

function rulesFor(contract: Contract, resource: GuardResource): DocumentedRule[] {
  return [
    ...contract.rules.filter((r) => r.appliesTo.kind === 'request' && (r.appliesTo.operations as readonly string[]).includes(resource.operation)),
    ...contract.readerRules.filter((r) => r.reader === resource.reader),
  ] as DocumentedRule[];
}

/** Every Guard rule for every resource type, and what is left out. Pure: the same contract gives the same rules. */
export function guardRules(contract: Contract): { checks: GuardCheck[]; unexpressed: Unexpressed[] } {
  counter = 0;
  const checks: GuardCheck[] = [];
  const unexpressed: Unexpressed[] = [];
  for (const resource of GUARD_RESOURCES) {
    const root = rootOf(contract, resource);
    const positions = positionsOf(resource, root);
    const ctx: FormContext = { resource, root, positions, cfnSteps: (apiPath) => cfnStepsOf(resource, root, apiPath) };
    for (const rule of rulesFor(contract, resource)) {
      if (rule.severity !== 'error') {
        unexpressed.push({ lint: rule.id, what: `${rule.title} (${rule.severity})`, reason: `${rule.severity === 'info' ? 'An info' : 'A warning'}: a failing Guard rule fails the check, and Guard has no severity to report it as advice.` });
        continue;
      }
      const form = GUARD_FORMS[rule.id as AnyRuleId];
      if (!form) throw new Error(`${rule.id} applies to ${resource.type} but has no Guard form: add it to GUARD_FORMS (src/generate/guard.ts)`);
      if (form.form === 'not-expressible') {
        unexpressed.push({ lint: rule.id, what: rule.title, reason: form.reason });
        continue;
      }
      const name = `${rule.id}_${rule.code}`;
      checks.push({ name, resource, lint: { rule: rule.id, code: rule.code as Code }, requires: rule.title, sources: sourceLines(rule), body: form.body(ctx, name) });
    }
    for (const p of positions) checks.push(...constraintChecks(resource, p));
  }
  const names = new Set<string>();
  for (const c of checks) {
    if (!/^[A-Za-z][A-Za-z0-9_]*$/.test(c.name) || names.has(c.name)) throw new Error(`Guard rule name ${c.name} is not unique or not an identifier`);
    names.add(c.name);
  }
  unexpressed.push(...LIMITS);
  return { checks, unexpressed };
}

/**
 * What Guard cannot see the way lint does, whatever the rule: said once, on the docs page.
 * (Each is skipped by the Guard rules, never failed: D56.)
 */
const LIMITS: readonly Unexpressed[] = [
  {
    lint: 'every rule and code',
    what: 'Values written with intrinsic functions (Ref to a parameter, Fn::If, Fn::Sub, Fn::Join, Fn::Select, Fn::FindInMap, Fn::Base64, ...), and members that a condition adds or removes',
    reason:
      'Guard sees the function, not its value (cfn-guard 3 reads the template as written; @aws/cloudformation-validate resolves some parameter defaults but no condition). lint resolves what the template decides and checks each combination of parameter values and conditions. The Guard rules skip such values: an object with the key of a CloudFormation function (Ref, Fn::...) is not checked, nor what is inside it.',
  },
  {
    lint: 'too_long (TaskInvocationParameters.MaintenanceWindowLambdaParameters.Payload)',
    what: 'The size of a Lambda Payload written as Fn::Base64 of text',
    reason: 'The limit is on the bytes of the text inside the function, which Guard does not see. Base64 text written in the template is checked.',
  },
  {
    lint: 'every code of a string member',
    what: 'A number with a fraction, or a boolean, written where text is expected',
    reason: 'CloudFormation turns it into text and lint checks that text; Guard has no function that writes a number with a fraction as JavaScript and CloudFormation do. Integers are checked as their digits.',
  },
  {
    lint: 'invalid_type, too_small, too_big (integer members)',
    what: 'A number with a fraction where an integer is expected, and integer text with spaces around it or a long run of leading zeros',
    reason: "Guard reads 1.0 and 1.5 alike as a float, where lint has an integer and an error; parse_int refuses spaces and more than 18 digits.",
  },
  {
    lint: 'MW102 and the codes inside JSON text',
    what: 'TaskParameters and the Parameters of Run Command and Automation written as text holding JSON',
    reason: "lint parses the text and checks the object it holds; Guard's json_parse aborts the evaluation on text that is not JSON.",
  },
  {
    lint: 'every rule and code',
    what: 'Values written with a YAML tag CloudFormation does not have (!Include, a macro\'s own tags)',
    reason: 'cfn-guard reads the tagged value as plain text and checks it as such; lint reports it as not checked.',
  },
  {
    lint: 'inline suppressions with a reason, unknown_suppression',
    what: 'Suppression comments and the check of suppression names',
    reason:
      "The rules honour Metadata ssm-mw-contracts ignore (on the resource or the template, by rule id or code) and Guard's own Metadata guard SuppressedRules (by Guard rule name), but do not report a name that suppresses nothing.",
  },
];

// --- files --------------------------------------------------------------------------------------------

/** The names a suppression can use for a check: lint's rule id and code (Metadata ssm-mw-contracts ignore), and the Guard rule name (Metadata guard SuppressedRules). */
function suppressionNames(check: GuardCheck): { lint: string[]; guard: string[] } {
  return { lint: 'rule' in check.lint ? [check.lint.rule, check.lint.code] : [check.lint.code], guard: [check.name] };
}

const notListed = (q: string, names: readonly string[]) => `${q} !exists or ${q} empty or ${q} !in ${textList(names)}`;

function ruleText(check: GuardCheck): string[] {
  const { variable } = check.resource;
  const names = suppressionNames(check);
  const lintName = 'rule' in check.lint ? `${check.lint.rule} (${check.lint.code})` : `${check.lint.code} at ${shown(check.lint.path)}`;
  const ignore = "Metadata.'ssm-mw-contracts'.ignore";
  return [
    `# ${check.name}: ${flat(check.requires)}`,
    `# lint: ${lintName}`,
    ...check.sources.map((s) => `# Source: ${s}`),
    ...block(`rule ${check.name} when %${variable} !empty`, [
      `let checked = %${variable}[`,
      `  ${notListed(ignore, names.lint)}`,
      `  ${notListed('Metadata.guard.SuppressedRules', names.guard)}`,
      ']',
      ...block(`when ${notListed(ignore, names.lint)}`, block('when %checked !empty', block('%checked', check.body))),
    ]),
    '',
  ];
}

function guardFile(resource: GuardResource, checks: readonly GuardCheck[]): string {
  return [
    `# ${GENERATED_NOTE}`,
    `# CloudFormation Guard rules for ${resource.type}: the checks ssm-mw-contracts lint makes on it, each named after`,
    '# the lint rule id or the code and property it stands for. What Guard cannot check is listed in ../docs/guard.md.',
    `#   cfn-guard validate --rules ${resource.file.replace(/^guard\//, '')} --data template.yaml`,
    "# Suppress a rule for one resource (or, for lint's names, the whole template) with Metadata:",
    "#   ssm-mw-contracts: { ignore: [MW003, too_long] }   or   guard: { SuppressedRules: [TASK_Name_pattern_mismatch] }",
    '',
    `let ${resource.variable} = Resources.*[ Type == ${text(resource.type)} ]`,
    '',
    ...checks.flatMap(ruleText),
  ].join('\n');
}

const cell = (s: string) => s.replace(/\|/g, '\\|').replace(/\s+/g, ' ');
const code = (s: string) => `\`${s}\``;

function docsPage(checks: readonly GuardCheck[], unexpressed: readonly Unexpressed[]): string {
  return [
    `<!-- ${GENERATED_NOTE} -->`,
    '# CloudFormation Guard rules',
    '',
    'The checks `ssm-mw-contracts lint` makes on CloudFormation templates, as [CloudFormation Guard](https://github.com/aws-cloudformation/cloudformation-guard) rules, for the places where templates are already checked with Guard: `cfn-guard validate`, Guard hooks, and the Guard rules of the CDK validation plugin (`new CloudFormationValidatePlugin({ guardRules: [{ name, content }] })` in aws-cdk-lib, which reports their failures as warnings unless the context flag `@aws-cdk/core:validateAgainstDefaultRules` is `true`).',
    '',
    ...GUARD_RESOURCES.map((r) => `- ${code(r.type)}: [${r.file}](../${r.file})`),
    '',
    'Each Guard rule stands for one finding lint reports as an error: a documented rule (named `<rule id>_<code>`) or a constraint of the service model at one property (named `<resource>_<property path>_<code>`). On the same template, a Guard rule fails exactly when lint reports its finding, wherever Guard can see what lint checks; test/guard/ runs both on the fault corpus to show it. A value Guard cannot see (below) is skipped, never failed.',
    '',
    'Suppress a rule for a resource with `Metadata: { ssm-mw-contracts: { ignore: [MW003, too_long] } }` (the names lint uses; on the template, for all its resources) or `Metadata: { guard: { SuppressedRules: [<Guard rule name>] } }`.',
    '',
    '## Rules',
    '',
    '| Guard rule | lint reports | Requires |',
    '| --- | --- | --- |',
    ...checks.map((c) => `| ${code(c.name)} | ${'rule' in c.lint ? `${c.lint.rule} (${code(c.lint.code)})` : `${code(c.lint.code)} at ${code(shown(c.lint.path))}`} | ${cell(c.requires)} |`),
    '',
    '## What the Guard rules do not check',
    '',
    'lint checks these; Guard cannot, or not the way lint does.',
    '',
    '| lint reports | What | Why not in Guard |',
    '| --- | --- | --- |',
    ...unexpressed.map((u) => `| ${cell(u.lint)} | ${cell(u.what)} | ${cell(u.reason)} |`),
    '',
  ].join('\n');
}

export function guardFiles(contract: Contract): Map<string, string> {
  const { checks, unexpressed } = guardRules(contract);
  const files = new Map<string, string>();
  for (const resource of GUARD_RESOURCES) files.set(resource.file, guardFile(resource, checks.filter((c) => c.resource === resource)));
  files.set(GUARD_DOCS, docsPage(checks, unexpressed));
  return files;
}
