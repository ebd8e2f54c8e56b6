import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { checkCommandLine } from '../../src/readers/aws-cli/check-command-line.js';
import { parseCmd } from '../../src/parse/shell/cmd.js';
import { findInCiYaml, findInMakefile, findInMarkdown, findInScript } from '../../src/readers/aws-cli/find.js';
import { parseShorthand, ShorthandError } from '../../src/readers/aws-cli/shorthand.js';
import { pyJsonLoads, PyJsonError } from '../../src/readers/aws-cli/pyjson.js';
import { parseSh } from '../../src/parse/shell/sh.js';
import { DocumentError, type ParsedDocument } from '../../src/parse/document.js';
import { parseYaml } from '../../src/parse/yaml/parse-yaml.js';
import { parseJson } from '../../src/parse/json/parse-json.js';
import { DEFAULT_LIMITS } from '../../src/parse/limits.js';
import { parseHcl } from '../../src/parse/hcl/parser.js';
import { readTerraformPlan } from '../../src/readers/terraform/plan.js';
import { readTerraform } from '../../src/readers/terraform/reader.js';
import type { Path } from '../../src/issues/issue.js';
import { lintFile, type FileResult } from '../../src/lint/engine.js';
import { anyKey, fileValue } from '../support/arbitraries.js';
import { ROOT } from '../support/spec.js';
import { cpuMs } from '../support/cpu.js';
import { check, ran, summary, timeoutFor } from '../support/property.js';
import { wordIssue } from '../../src/issues/make.js';

/*
 * Every parser and reader that takes text from a file, fed text that is random, almost valid (a
 * valid file with a few random edits) or valid in odd ways (any value, CRLF, a byte order mark):
 * each returns a result or a located error of its own kind, never throws anything else, and takes
 * a time in proportion to the text. Where a reference exists (JSON.parse, the yaml package's own
 * output), the parser agrees with it.
 */

const RUNS = 150;
/** Far beyond the CPU time any of these inputs (a few hundred characters) takes: a case over it is a hang in the making. */
const SLOW_MS = 2000;

function quick<T>(what: string, f: () => T): T {
  let out!: T;
  expect(cpuMs(() => (out = f())), what).toBeLessThan(SLOW_MS);
  return out;
}

const FIXTURES = join(ROOT, 'test', 'fixtures');
const filesIn = (dir: string, ext: RegExp) =>
  readdirSync(join(FIXTURES, dir), { recursive: true, encoding: 'utf8' })
    .filter((f) => ext.test(f) && !f.endsWith('.expected.json'))
    .sort()
    .map((f) => ({ name: `${dir}/${f}`, text: readFileSync(join(FIXTURES, dir, f), 'utf8') }));

const TOKENS = {
  json: ['{', '}', '[', ']', ':', ',', '"', '\\', '\\u', '\\ud800', 'true', 'false', 'null', '0', '-', '1e309', '-0', '.5', '\u0000', '\r\n', '\n', '\t', ' ', '\uFEFF', '"__proto__"', '"a"', '1'.repeat(30), '[[[[[[[[', '}}}}'],
  yaml: ['- ', '? ', ': ', '\n', '\r\n', '  ', '\t', '&a ', '*a', '!Ref ', '!GetAtt ', '!!str ', '!!binary ', '!Include ', '|', '>-', '---', '...', '%YAML 1.2\n', '#', '"', "'", '{', '}', '[', ']', ',', '<<: *a', 'a: ', '!If ', 'Fn::Sub: ', '${x}', '\uFEFF', '\u0000', '~', '.inf', '.nan', '0x1F', '2001-12-14', '__proto__: '],
  hcl: ['resource', ' "aws_ssm_maintenance_window_task"', ' "x"', ' {', '}', '[', ']', '(', ')', ' = ', ',', '\n', '#', '//', '/*', '*/', '<<EOT\n', '\nEOT\n', '${', '%{', 'for ', ' in ', ':', '?', '=>', '...', 'var.x', 'each.key', '"', '\\', '.', '*', 'dynamic "targets"', 'content', 'targets', 'for_each', 'format("%d", 1)', '1 + 1', '__proto__'],
  shell: ['aws', ' ssm', ' register-task-with-maintenance-window', ' --window-id', ' --targets', ' Key=InstanceIds,Values=i-1', ' ', '\n', '\\\n', "'", '"', '$', '${', '$(', ')', '`', '|', '&&', ';', '#', '<<EOF\n', '\nEOF\n', '\\', '{', '}', '[', ']', '=', '~', '*', '%', '^', '&', '>', '<', '@echo off', 'set X=1', '%X%', '^\r\n', '```sh\n', '\n```', 'script:', '\t'],
};

/** Random text: any code points, or a soup of a format's own tokens. */
function textOf(tokens: readonly string[]): fc.Arbitrary<string> {
  return fc.oneof(
    fc.string({ unit: 'binary', maxLength: 200 }),
    fc.array(fc.oneof(fc.constantFrom(...tokens), fc.string({ maxLength: 4 })), { maxLength: 60 }).map((parts) => parts.join('')),
  );
}

/** A file with a few random edits: what a half-typed or damaged file looks like. */
function damaged(texts: readonly string[], tokens: readonly string[]): fc.Arbitrary<string> {
  const edit = fc.record({ at: fc.nat(), cut: fc.nat({ max: 8 }), insert: fc.oneof(fc.constantFrom(...tokens, ''), fc.string({ unit: 'binary', maxLength: 3 })) });
  return fc.tuple(fc.constantFrom(...texts), fc.array(edit, { minLength: 1, maxLength: 4 })).map(([text, edits]) =>
    edits.reduce((t, e) => {
      const at = e.at % (t.length + 1);
      return t.slice(0, at) + e.insert + t.slice(at + e.cut);
    }, text),
  );
}

/**
 * Whether a position is inside the text (its end included), as JSON, YAML and HCL count lines (CR,
 * LF and CRLF end a line), or with `lf`, as a shell does (a CR is a character like any other).
 */
function within(text: string, position: { line: number; column: number }, lf = false): boolean {
  const lines = text.replace(/^\uFEFF/, '').split(lf ? /\n/ : /\r\n|\r|\n/);
  return position.line >= 1 && position.line <= lines.length && position.column >= 1 && position.column <= (lines[position.line - 1]?.length ?? 0) + 1;
}

function parsedOrLocated(text: string, parse: () => ParsedDocument): ParsedDocument | undefined {
  try {
    return quick('parse', parse);
  } catch (error) {
    expect(error, String(error)).toBeInstanceOf(DocumentError);
    expect(within(text, (error as DocumentError).position), `${(error as DocumentError).message} at ${JSON.stringify((error as DocumentError).position)}`).toBe(true);
    return undefined;
  }
}

/** Every path of a value, the root included. */
function pathsOf(value: unknown, path: Path = []): Path[] {
  const out: Path[] = [path];
  if (Array.isArray(value)) value.forEach((v, i) => out.push(...pathsOf(v, [...path, i])));
  else if (value !== null && typeof value === 'object') for (const [k, v] of Object.entries(value)) out.push(...pathsOf(v, [...path, k]));
  return out;
}

const offsetOf = (text: string, p: { line: number; column: number }) => {
  let offset = 0;
  for (let line = 1; line < p.line; line++) {
    const m = /\r\n|\r|\n/.exec(text.slice(offset))!;
    offset += m.index + m[0].length;
  }
  return offset + p.column - 1;
};

/** A valid file's finding is placed; a file-level finding of a reader carries its line, except "no reader recognizes it". */
function located(result: FileResult | undefined): void {
  expect(result).toBeDefined();
  for (const issue of result!.issues) if (!(issue.code === 'not_checked' && result!.reader === null)) expect(issue.line, `${issue.code}: ${issue.message}`).toBeGreaterThan(0);
  for (const task of result!.tasks) for (const issue of task.issues) expect(issue.line, `${issue.code}: ${issue.message}`).toBeGreaterThan(0);
  if (result!.inputProblem) expect(result!.issues.some((i) => i.code === 'syntax_error' || i.code === 'unreadable')).toBe(true);
}

const lintText = (file: string, text: string) => quick(`lint ${file}`, () => lintFile({ file, text, explicit: true }));

describe('the JSON parser', () => {
  it('gives a value or a located DocumentError, and agrees with JSON.parse', { timeout: timeoutFor(RUNS) }, () => {
    const texts = fc.oneof(textOf(TOKENS.json), damaged(filesIn('payload', /\.json$/).map((f) => f.text), TOKENS.json), fileValue.map((v) => JSON.stringify(v) ?? 'null'));
    check('JSON parser', texts, (text) => {
      const ours = parsedOrLocated(text, () => parseJson(text));
      let theirs: { value: unknown } | undefined;
      try {
        theirs = { value: JSON.parse(text) };
      } catch {
        theirs = undefined;
      }
      // Where they may differ by design: a byte order mark (skipped), nesting beyond the limit (refused).
      if (text.startsWith('\uFEFF') || (!ours && theirs && /\[|\{/.test(text))) return;
      expect(ours === undefined, `JSON.parse ${theirs ? 'accepts' : 'refuses'} ${JSON.stringify(text)}`).toBe(theirs === undefined);
      if (ours && theirs) expect(ours.value).toEqual(theirs.value);
    }, RUNS);
  });

  it('places every value where it is written, with CRLF, tabs, a byte order mark and astral characters', { timeout: timeoutFor(RUNS) }, () => {
    const layouts = fc.record({ value: fileValue, indent: fc.constantFrom(0, 1, 2, '\t'), crlf: fc.boolean(), bom: fc.boolean() });
    check('JSON positions', layouts, ({ value, indent, crlf, bom }) => {
      const body = (JSON.stringify(value, null, indent) ?? 'null').replace(/\n/g, crlf ? '\r\n' : '\n');
      const text = (bom ? '\uFEFF' : '') + body;
      const doc = parseJson(text);
      for (const path of pathsOf(doc.value)) {
        const at = doc.locate(path);
        expect(at, JSON.stringify(path)).toBeDefined();
        // Columns count as an editor shows the text: without its byte order mark.
        const found = body.slice(offsetOf(body, at!));
        const expected = JSON.stringify(path.reduce<unknown>((v, k) => (v as Record<string, unknown>)[k], doc.value)) ?? 'null';
        // The value starts where it is placed (numbers as JSON writes them; the text may spell them with an exponent).
        expect(found.startsWith(expected[0]!), `${JSON.stringify(path)} at ${JSON.stringify(at)}: ${JSON.stringify(found.slice(0, 20))}`).toBe(true);
      }
    }, RUNS);
  });
});

describe('YAML reading', () => {
  it('gives a value or a located DocumentError for any text', { timeout: timeoutFor(RUNS) }, () => {
    const texts = fc.oneof(textOf(TOKENS.yaml), damaged(filesIn('cloudformation', /\.ya?ml$/).map((f) => f.text), TOKENS.yaml));
    check('YAML parser', texts, (text) => {
      parsedOrLocated(text, () => parseYaml(text));
    }, RUNS);
  });

  it('reads back any value the yaml package writes, and places every value on its line', { timeout: timeoutFor(RUNS) }, () => {
    check('YAML round trip', fc.record({ value: fileValue, crlf: fc.boolean(), bom: fc.boolean() }), ({ value, crlf, bom }) => {
      const written = stringify(value);
      // The yaml package writes a text that starts with U+FEFF as it is, and YAML reads that character there as a byte order mark.
      if (written.startsWith('\uFEFF')) return;
      const text = (bom ? '\uFEFF' : '') + written.replace(/\n/g, crlf ? '\r\n' : '\n');
      const doc = parseYaml(text);
      expect(doc.value).toEqual(value);
      for (const path of pathsOf(doc.value)) {
        const at = doc.locate(path);
        if (at) expect(within(text, at), `${JSON.stringify(path)} at ${JSON.stringify(at)}`).toBe(true);
      }
    }, RUNS);
  });

  it('refuses nesting beyond the limit at the collection that passes it, in any mix of flow and block collections', { timeout: timeoutFor(RUNS) }, () => {
    const opener = fc.constantFrom('[', '{a: ', '- ', 'a:\n');
    check('YAML nesting limit', fc.array(opener, { minLength: DEFAULT_LIMITS.maxDepth + 1, maxLength: DEFAULT_LIMITS.maxDepth + 40 }), (openers) => {
      // Block collections indent one more space per level; flow ones stay on their line.
      let text = '';
      let indent = 0;
      for (const o of openers) {
        if (o === 'a:\n') {
          text += `${' '.repeat(indent)}a:\n`;
          indent++;
        } else if (o === '- ') text += `${text.endsWith('\n') || text === '' ? ' '.repeat(indent) : ''}- `;
        else text += o;
      }
      try {
        parseYaml(text);
      } catch (error) {
        expect(error).toBeInstanceOf(DocumentError);
        return;
      }
      // Some mixes are not valid YAML nesting at all (a block collection inside a flow one): the parser stops earlier.
      throw new Error(`nesting of ${openers.length} levels passed: ${JSON.stringify(text.slice(0, 80))}`);
    }, 30);
  });
});

const TEMPLATES = [...filesIn('cloudformation', /\.(ya?ml|json)$/), ...filesIn('corpus', /cloudformation.*\.(ya?ml|json)$/)];

/** A value with CloudFormation intrinsic functions, known and not, at random places. */
const intrinsic: fc.Arbitrary<unknown> = fc.letrec((tie) => ({
  value: fc.oneof(
    { depthSize: 'small', maxDepth: 3 },
    fileValue,
    fc.record({ Ref: fc.oneof(fc.constantFrom('AWS::NoValue', 'AWS::Region', 'Env', 'Task'), fc.string()) }),
    fc.tuple(fc.constantFrom('Fn::If', 'Fn::Sub', 'Fn::Join', 'Fn::Select', 'Fn::FindInMap', 'Fn::Split', 'Fn::Base64', 'Fn::GetAtt', 'Fn::ToJsonString', 'Fn::Length', 'Fn::Transform', 'Fn::ForEach::X', 'Fn::Nope', 'Condition', '!Include'), fc.array(tie('value'), { maxLength: 4 })).map(([fn, args]) => ({ [fn]: args.length === 1 ? args[0] : args })),
    fc.dictionary(anyKey, tie('value'), { maxKeys: 4 }),
    fc.array(tie('value'), { maxLength: 3 }),
  ),
})).value;

const template = fc
  .record({
    properties: fc.dictionary(fc.constantFrom('WindowId', 'TaskArn', 'TaskType', 'Targets', 'MaxConcurrency', 'MaxErrors', 'Priority', 'TaskInvocationParameters', 'Name', '__proto__', 'Bogus'), intrinsic, { maxKeys: 8 }),
    parameters: fc.dictionary(fc.constantFrom('Env', 'Role'), fc.record({ Type: fc.constantFrom('String', 'CommaDelimitedList', 'Number'), Default: fc.string(), AllowedValues: fc.array(fc.string(), { maxLength: 3 }) }, { requiredKeys: ['Type'] })),
    conditions: fc.dictionary(fc.constantFrom('IsProd', 'Other'), intrinsic, { maxKeys: 2 }),
    condition: fc.option(fc.constantFrom('IsProd', 'Missing'), { nil: undefined }),
    yaml: fc.boolean(),
  })
  .map(({ properties, parameters, conditions, condition, yaml }) => {
    const t = { AWSTemplateFormatVersion: '2010-09-09', Parameters: parameters, Conditions: conditions, Resources: { Task: { Type: 'AWS::SSM::MaintenanceWindowTask', ...(condition ? { Condition: condition } : {}), Properties: properties } } };
    return { file: yaml ? 'template.yaml' : 'template.json', text: yaml ? stringify(t) : JSON.stringify(t, null, 1) };
  });

describe('the CloudFormation reader', () => {
  it('reads any template of a task, with any intrinsic function anywhere, into located findings', { timeout: timeoutFor(RUNS) }, () => {
    check('CloudFormation templates', template, ({ file, text }) => {
      const result = lintText(file, text);
      expect(result?.reader).toBe('cloudformation');
      located(result);
    }, RUNS);
  });

  it('reads damaged templates into a result or a located syntax error', { timeout: timeoutFor(RUNS) }, () => {
    const texts = fc.tuple(damaged(TEMPLATES.map((f) => f.text), [...TOKENS.yaml, ...TOKENS.json]), fc.constantFrom('t.yaml', 't.json', 't.template'));
    check('damaged templates', texts, ([text, file]) => located(lintText(file, text)), RUNS);
  });
});

const TF = [...filesIn('terraform', /\.tf$/), ...filesIn('corpus', /\.tf$/)];

describe('the HCL parser and the Terraform readers', () => {
  it('parse any text into a body and diagnostics placed inside it', { timeout: timeoutFor(RUNS) }, () => {
    check('HCL parser', fc.oneof(textOf(TOKENS.hcl), damaged(TF.map((f) => f.text), TOKENS.hcl)), (text) => {
      const parsed = quick('parseHcl', () => parseHcl(text));
      for (const d of parsed.diagnostics) expect(within(text, d.range.start), `${d.summary} at ${JSON.stringify(d.range.start)}`).toBe(true);
      const read = quick('readTerraform', () => readTerraform(text, 'main.tf'));
      for (const f of read.findings) expect(f.location?.line, wordIssue(f.issue).message).toBeGreaterThan(0);
    }, RUNS);
  });

  it('read any plan-shaped JSON', { timeout: timeoutFor(RUNS) }, () => {
    const plans = filesIn('terraform-plan', /\.json$/).map((f) => JSON.parse(f.text) as Record<string, unknown>);
    const plan = fc.tuple(fc.constantFrom(...plans), intrinsic, fc.nat(), anyKey).map(([base, value, pick, key]) => {
      const paths = pathsOf(base).filter((p) => p.length > 0);
      const path = paths[pick % paths.length]!;
      const copy = structuredClone(base);
      let parent = copy as Record<string | number, unknown>;
      for (const s of path.slice(0, -1)) parent = parent[s] as Record<string | number, unknown>;
      // A new member of an object, or a value in place of an existing member or item.
      Object.defineProperty(parent, pick % 2 || Array.isArray(parent) ? path[path.length - 1]! : key, { value, enumerable: true, writable: true, configurable: true });
      return JSON.stringify(copy);
    });
    check('Terraform plans', fc.oneof(plan, damaged(filesIn('terraform-plan', /\.json$/).map((f) => f.text), TOKENS.json)), (text) => {
      const read = quick('readTerraformPlan', () => readTerraformPlan(text));
      for (const f of read.findings) expect(f.location?.line, wordIssue(f.issue).message).toBeGreaterThan(0);
      located(lintText('plan.json', text));
    }, RUNS);
  });
});

const SCRIPTS = filesIn('aws-cli', /\.sh$/).map((f) => f.text);

describe('the shell and cmd word parsers and the AWS CLI argument reader', () => {
  it('split any text into words placed inside it, and find command lines in any script, Markdown, Makefile or CI file', { timeout: timeoutFor(RUNS) }, () => {
    check('shell words', fc.oneof(textOf(TOKENS.shell), damaged(SCRIPTS, TOKENS.shell)), (text) => {
      for (const parse of [parseSh, parseCmd]) {
        const parsed = quick('parse', () => parse(text));
        for (const c of parsed.commands) for (const w of c.words) for (const p of w.positions) expect(within(text, p, true), JSON.stringify(p)).toBe(true);
      }
      for (const find of [(t: string) => findInScript(t, 'sh'), (t: string) => findInScript(t, 'cmd'), findInMarkdown, findInMakefile, findInCiYaml]) quick('find', () => find(text));
    }, RUNS);
  });

  it('reads any arguments of both operations as the AWS CLI would, into a check and never a throw', { timeout: timeoutFor(RUNS) }, () => {
    const option = fc.constantFrom('--window-id', '--targets', '--task-arn', '--task-type', '--task-invocation-parameters', '--max-concurrency', '--max-errors', '--priority', '--cli-input-json', '--cli-input-yaml', '--filters', '--max-items', '--page-size', '--starting-token', '--no-paginate', '--generate-cli-skeleton', '--bogus', '--debug', '--');
    const value = fc.oneof(fc.string({ unit: 'binary', maxLength: 30 }), fc.constantFrom('Key=InstanceIds,Values=i-1', 'Key=InstanceIds,Values=[a,b]', '{"RunCommand":{}}', 'RunCommand={Parameters={commands=[x]}}', 'file:///dev/null', 'fileb://x', 'a=b,c', '[', '{', '=', ',', 'Key=', '"'), fileValue.map((v) => JSON.stringify(v) ?? ''));
    const line = fc.tuple(fc.constantFrom('register-task-with-maintenance-window', 'describe-maintenance-window-execution-task-invocations', 'help', 'bogus'), fc.array(fc.oneof(option, value), { maxLength: 12 }), fc.constantFrom('1', '2', '2.9.19'));
    check('AWS CLI arguments', line, ([command, args, version]) => {
      const result = quick('checkCommandLine', () => checkCommandLine(['aws', 'ssm', command, ...args], { version: version as never }));
      expect(typeof result.valid).toBe('boolean');
    }, RUNS);
  });

  it('parse shorthand and the JSON of the AWS CLI into a value or their own error', { timeout: timeoutFor(RUNS) }, () => {
    check('shorthand and Python JSON', fc.oneof(textOf([...TOKENS.json, '=', ',', '[', ']', '{', '}', 'Key', 'Values', '@=', 'file://x', '\\', ' ']), damaged(['Key=InstanceIds,Values=i-1,i-2', '{"a": [1, 2.5, "x", null, true]}', 'RunCommand={Parameters={commands=["echo a"]},TimeoutSeconds=60}'], ['=', ',', '[', ']', '{', '}', '"', '\\'])), (text) => {
        for (const [parse, own] of [[() => parseShorthand(text, { paramFiles: true, legacyQuotedRegex: false }), ShorthandError], [() => pyJsonLoads(text), PyJsonError]] as const) {
          try {
            quick('parse', parse);
          } catch (error) {
            expect(error, String(error)).toBeInstanceOf(own);
          }
        }
      }, RUNS);
  });
});

afterAll(() => console.log(summary(ran)));
