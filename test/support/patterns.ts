import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import ts from 'typescript';
import type * as z from 'zod';
import { operations } from '../../src/operations/index.js';
import { ErrorBody } from '../../src/shapes/errors.js';
import { metaOf } from '../../src/shapes/meta.js';
import { compileAwsPattern, unicodeSafePattern } from '../../src/shapes/patterns.js';
import { GENERATED } from './ajv.js';
import { ROOT } from './spec.js';

/*
 * Every regular expression the project runs: AWS's model patterns (as validate() compiles them and
 * as the generated JSON Schemas write them), every regex literal in src/, and what each
 * `new RegExp(...)` in src/ can build. A `new RegExp` whose source the code does not spell out must
 * be listed in DYNAMIC with every source it can build, or the ReDoS test fails.
 */

export interface Pattern {
  /** Where it is: a shape and the member that has it, or a file and line of src/. */
  where: string;
  source: string;
  flags: string;
  /** The longest text AWS allows where the pattern applies (the member's maximum length), when there is one. */
  maxLength?: number;
  origin: 'aws-model' | 'generated-schema' | 'source';
}

/** Each shape of every operation's request, response and errors once, with where it is first met. */
function shapes(): { schema: z.ZodType; where: string }[] {
  const seen = new Set<z.ZodType>();
  const out: { schema: z.ZodType; where: string }[] = [];
  const visit = (schema: z.ZodType, where: string) => {
    if (seen.has(schema)) return;
    seen.add(schema);
    out.push({ schema, where });
    const meta = metaOf(schema);
    if (meta.type === 'structure') for (const [name, m] of Object.entries(meta.members)) visit(m.schema, `${meta.shape}.${name}`);
    else if (meta.type === 'list') visit(meta.member, `${meta.shape}[]`);
    else if (meta.type === 'map') {
      visit(meta.key, `${meta.shape}{key}`);
      visit(meta.value, `${meta.shape}{}`);
    }
  };
  for (const [name, op] of Object.entries(operations)) {
    visit(op.request, `${name} request`);
    visit(op.response, `${name} response`);
    for (const e of op.errors) visit(e, `${name} error`);
  }
  visit(ErrorBody, 'error body');
  return out;
}

/** AWS's patterns, each as validate() compiles it and as JSON Schema (ajv, `u` flag) reads it. */
export function awsPatterns(): Pattern[] {
  const out: Pattern[] = [];
  for (const { schema, where } of shapes()) {
    const meta = metaOf(schema);
    if (meta.type !== 'string' || meta.pattern === undefined) continue;
    const compiled = compileAwsPattern(meta.pattern);
    const bounds = meta.max !== undefined ? { maxLength: meta.max } : {};
    out.push({ where: `${meta.shape} (${where})`, source: compiled.source, flags: compiled.flags, ...bounds, origin: 'aws-model' });
    out.push({ where: `${meta.shape} (${where}), as JSON Schema`, source: unicodeSafePattern(meta.pattern), flags: 'u', ...bounds, origin: 'aws-model' });
  }
  return out;
}

function filesUnder(dir: string, ext: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith(ext))
    .sort()
    .map((f) => join(dir, f));
}

/** Every `pattern` of the committed JSON Schemas and OpenAPI documents (validators compile them with `u`). */
export function generatedPatterns(): Pattern[] {
  const out: Pattern[] = [];
  for (const file of filesUnder(GENERATED, '.json')) {
    const visit = (node: unknown, at: string) => {
      if (Array.isArray(node)) return node.forEach((n, i) => visit(n, `${at}/${i}`));
      if (node === null || typeof node !== 'object') return;
      for (const [k, v] of Object.entries(node)) {
        if (k === 'pattern' && typeof v === 'string') out.push({ where: `${relative(ROOT, file)}#${at}`, source: v, flags: 'u', origin: 'generated-schema' });
        else visit(v, `${at}/${k}`);
      }
    };
    visit(JSON.parse(readFileSync(file, 'utf8')), '');
  }
  return out;
}

/**
 * What each `new RegExp(...)` of src/ that does not spell out its source can build, keyed by its
 * file and its text. AWS's model patterns come in through src/shapes/patterns.ts and are checked as
 * awsPatterns(); the others are listed with every source they build.
 */
export const DYNAMIC: Readonly<Record<string, { why: string; sources: readonly { source: string; flags: string }[] }>> = {
  'src/shapes/patterns.ts new RegExp(source, \'u\')': { why: "AWS's model patterns (awsPatterns)", sources: [] },
  'src/shapes/patterns.ts new RegExp(source)': { why: "AWS's model patterns (awsPatterns)", sources: [] },
  'src/shapes/patterns.ts new RegExp(out, \'u\')': { why: "AWS's model patterns (awsPatterns), only compiled to test them", sources: [] },
  "src/readers/aws-cli/argparse.ts new RegExp(source, 'y')": {
    why: "argparse's nargs patterns (nargsPattern) of one action, or of the positionals joined (the AWS CLI's only positional is the command), over one character per argument, matched sticky at an argument",
    // Sticky: tried only at lastIndex, as ^ anchors it at 0. recheck ignores y and would judge an unanchored search, so each is analysed anchored.
    sources: ['(-*A-*)', '(-*A?-*)', '(-*[A-]*)', '(-*-*)', '(A)', '(A?)', '([A]*)', '()'].map((source) => ({ source: `^${source}`, flags: '' })),
  },
  "src/readers/aws-cli/lint-reader.ts new RegExp(`(?<![\\\\w-])(?:${COMMANDS.join('|')})(?![\\\\w-])`)": {
    why: 'the AWS CLI command names of the operations, as whole words',
    sources: [{ source: `(?<![\\w-])(?:${['register-task-with-maintenance-window', 'describe-maintenance-window-execution-task-invocations', 'register-target-with-maintenance-window', 'update-maintenance-window-target', 'update-maintenance-window-task', 'create-maintenance-window', 'update-maintenance-window'].join('|')})(?![\\w-])`, flags: '' }],
  },
  "src/readers/aws-cli/lint-reader.ts new RegExp(`^[ \\\\t]*(?:-[ \\\\t]+)?[\"']?(?:${[...CI_KEYS].map((k) => k.replaceAll('.', '\\\\.')).join('|')})[\"']?[ \\\\t]*:`, 'm')": {
    why: 'a line of CI YAML that starts one of the keys whose value is shell (CI_KEYS of src/readers/aws-cli/find.ts)',
    sources: [
      {
        source: `^[ \\t]*(?:-[ \\t]+)?["']?(?:${['run', 'script', 'before_script', 'after_script', 'after-script', 'command', 'commands', 'cmd', 'cmds', 'shell_command', 'bash', 'finally', 'install', 'before_install', 'after_success', 'after_failure', 'before_deploy', 'after_deploy', 'shell', 'ansible.builtin.shell', 'ansible.builtin.command'].map((k) => k.replaceAll('.', '\\.')).join('|')})["']?[ \\t]*:`,
        flags: 'm',
      },
    ],
  },
  "src/readers/payload/reader.ts new RegExp(`[\"']?\\\\b(?:${DISTINCTIVE_MEMBERS.join('|')})\\\\b[\"']?\\\\s*:`)": {
    why: 'a member name only this contract\'s payloads have, as a key (DISTINCTIVE_MEMBERS of the payload reader)',
    sources: [{ source: `["']?\\b(?:${['WindowId', 'WindowExecutionId', 'WindowTaskId', 'WindowTargetId', 'WindowExecutionTaskInvocationIdentities', 'TaskInvocationParameters', 'TaskArn', 'InvocationId', 'TaskExecutionId', 'AllowUnassociatedTargets', '__type'].join('|')})\\b["']?\\s*:`, flags: '' }],
  },
  'src/parse/hcl/template.ts new RegExp(`^[0-9A-Fa-f]{${digits}}$`)': { why: 'a \\u or \\U escape of 4 or 8 hexadecimal digits', sources: ['^[0-9A-Fa-f]{4}$', '^[0-9A-Fa-f]{8}$'].map((source) => ({ source, flags: '' })) },
};

/** The string a `new RegExp(arg)` gets, when the checker knows it (a literal, a `const` of one). */
function literalText(node: ts.Expression, checker: ts.TypeChecker): string | undefined {
  if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) return node.text;
  const type = checker.getTypeAtLocation(node);
  return type.isStringLiteral() ? type.value : undefined;
}

/** Every regex literal of src/, and every `new RegExp` with its sources (DYNAMIC for those the code does not spell out). */
export function sourcePatterns(): { patterns: Pattern[]; unlisted: string[] } {
  const files = filesUnder(join(ROOT, 'src'), '.ts');
  // Only src/'s own files: the checker reads the literal type of a const of src/, never anything of
  // node_modules (loading zod's and Node's types took three quarters of the time, for nothing). A
  // source it could not read is `unlisted`, and the test says so.
  const program = ts.createProgram(files, { target: ts.ScriptTarget.ES2022, module: ts.ModuleKind.NodeNext, moduleResolution: ts.ModuleResolutionKind.NodeNext, noEmit: true, skipLibCheck: true, noResolve: true, types: [] });
  const checker = program.getTypeChecker();
  const patterns: Pattern[] = [];
  const unlisted: string[] = [];
  for (const file of files) {
    const sf = program.getSourceFile(file)!;
    const name = relative(ROOT, file);
    const at = (node: ts.Node) => `${name}:${sf.getLineAndCharacterOfPosition(node.getStart(sf)).line + 1}`;
    const visit = (node: ts.Node) => {
      if (node.kind === ts.SyntaxKind.RegularExpressionLiteral) {
        const text = node.getText(sf);
        const end = text.lastIndexOf('/');
        patterns.push({ where: at(node), source: text.slice(1, end), flags: text.slice(end + 1), origin: 'source' });
      } else if ((ts.isNewExpression(node) || ts.isCallExpression(node)) && ts.isIdentifier(node.expression) && node.expression.text === 'RegExp') {
        const [source, flags] = node.arguments ?? [];
        const text = source ? literalText(source, checker) : undefined;
        const flagText = flags ? literalText(flags, checker) : '';
        const where = at(node);
        const key = `${name} ${node.getText(sf)}`;
        if (text !== undefined && flagText !== undefined) patterns.push({ where, source: text, flags: flagText, origin: 'source' });
        else if (Object.hasOwn(DYNAMIC, key)) for (const s of DYNAMIC[key]!.sources) patterns.push({ where: `${where} (${DYNAMIC[key]!.why})`, ...s, origin: 'source' });
        else unlisted.push(key);
      }
      ts.forEachChild(node, visit);
    };
    visit(sf);
  }
  return { patterns, unlisted };
}
