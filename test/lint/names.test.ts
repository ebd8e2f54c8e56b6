import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { OPERATIONS, SHAPES } from '../../src/compiled/generated/shapes.js';
import type * as z from 'zod';
import { cfnMembers } from '../../src/readers/cloudformation/properties.js';
import { operations } from '../../src/operations/index.js';
import { metaOf } from '../../src/shapes/meta.js';
import { terraformPathIn } from '../../src/readers/terraform/names.js';
import { TERRAFORM_TYPES } from '../../src/readers/terraform/schema.js';
import type { Path } from '../../src/issues/issue.js';
import { lintFile, type LintIssue } from '../../src/lint/engine.js';
import { ROOT } from '../support/spec.js';

/*
 * Every message and hint speaks the file's own names (issue 13, item 4): a Terraform finding says
 * `task_invocation_parameters.run_command_parameters`, a template's `MaintenanceWindowRunCommandParameters`,
 * a command line's `--task-invocation-parameters RunCommand`. The guard: a word of a finding that
 * is a member name of one naming scheme (the API's, CloudFormation's, Terraform's) must be a name
 * of the file's own scheme, or a word the file itself writes (values and quotes come from the file).
 */

/** Every API path of a request shape: members, and one item of each list (maps' keys are the file's). */
function apiPaths(root: string): Path[] {
  const out: Path[] = [];
  const visit = (name: string, path: Path) => {
    const shape = SHAPES[name]!;
    if (path.length > 0) out.push(path);
    if (shape.type === 'structure') for (const [member, m] of Object.entries(shape.members)) visit(m.shape, [...path, member]);
    else if (shape.type === 'list') visit(shape.member, [...path, 0]);
  };
  visit(root, []);
  return out;
}

/** The requests a resource of CloudFormation or Terraform stands for: a task's, a window target's, a window's. */
const RESOURCES = ['RegisterTaskWithMaintenanceWindow', 'RegisterTargetWithMaintenanceWindow', 'CreateMaintenanceWindow'] as const;
const ALL_API = (Object.keys(OPERATIONS) as (keyof typeof OPERATIONS)[]).flatMap((op) => apiPaths(OPERATIONS[op].request));
const lastName = (path: Path) => String(path[path.length - 1]);
const namesOf = (paths: readonly Path[]) => new Set(paths.filter((p) => typeof p[p.length - 1] === 'string').map(lastName));

const API = namesOf(ALL_API);
/** CloudFormation's property names, from the CloudFormation reader's own table of them. */
function cloudFormationNames(): Set<string> {
  const out = new Set<string>();
  const visit = (schema: z.ZodType, depth: number) => {
    const meta = metaOf(schema);
    if (depth > 8) return;
    if (meta.type === 'structure') {
      for (const [cfn, api] of cfnMembers(meta)) {
        out.add(cfn);
        visit(meta.members[api]!.schema, depth + 1);
      }
    } else if (meta.type === 'list') visit(meta.member, depth + 1);
  };
  for (const op of RESOURCES) visit(operations[op].request, 0);
  return out;
}
const CLOUDFORMATION = cloudFormationNames();
/** Terraform's names of each resource's arguments. */
const TERRAFORM_NAMES = new Set(
  RESOURCES.flatMap((op) => {
    const type = Object.values(TERRAFORM_TYPES).find((t) => t.operation === op)!;
    return [...namesOf(apiPaths(OPERATIONS[op].request).map(terraformPathIn(type.schema)))];
  }),
);
/** Terraform's names that are not English words: those with an underscore. */
const TERRAFORM = new Set([...TERRAFORM_NAMES].filter((n) => n.includes('_')));
/** On a command line, only members inside an option's value keep the API's names; top-level ones are options. */
const CLI = namesOf(ALL_API.filter((p) => p.length > 1));
const EVERY_SCHEME = new Set([...API, ...CLOUDFORMATION, ...TERRAFORM]);

const OWN: Record<string, ReadonlySet<string>> = {
  payload: API,
  cloudformation: CLOUDFORMATION,
  terraform: TERRAFORM_NAMES,
  'terraform-plan': TERRAFORM_NAMES,
  'aws-cli': CLI,
};

const WORD = /[A-Za-z][A-Za-z0-9]*/g;
const wordsOf = (text: string) => new Set(text.match(WORD) ?? []);

/** The names of other schemes that a finding uses and the file does not write. */
function foreignNames(issue: LintIssue, own: ReadonlySet<string>, fileWords: ReadonlySet<string>): string[] {
  const text = `${issue.message} ${issue.hint ?? ''}`;
  return [...wordsOf(text)].filter((w) => EVERY_SCHEME.has(w) && !own.has(w) && !fileWords.has(w));
}

function filesUnder(dir: string, ext: RegExp): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir).sort()) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) out.push(...filesUnder(path, ext));
    else if (ext.test(name) && !name.endsWith('.expected.json')) out.push(path);
  }
  return out;
}

const FIXTURES = join(ROOT, 'test', 'fixtures');
const KINDS = [
  { reader: 'cloudformation', dirs: ['cloudformation/bad', 'cloudformation/good', 'corpus/cloudformation'], ext: /\.(json|ya?ml|template)$/ },
  { reader: 'terraform', dirs: ['terraform/bad', 'terraform/good', 'terraform/across', 'corpus/terraform'], ext: /\.tf$/ },
  { reader: 'terraform-plan', dirs: ['terraform-plan/bad', 'terraform-plan/good', 'terraform-plan/across'], ext: /\.json$/ },
  { reader: 'aws-cli', dirs: ['aws-cli/bad', 'aws-cli/good', 'corpus/cli'], ext: /\.(sh|md|rst|ya?ml|txt|bat|ps1)$|Makefile$/ },
  { reader: 'payload', dirs: ['payload/bad', 'payload/good'], ext: /\.(json|ya?ml)$/ },
] as const;

describe('findings speak the file’s own names', () => {
  describe.each(KINDS.map((k) => [k.reader, k] as const))('%s', (reader, kind) => {
    const files = kind.dirs.flatMap((d) => filesUnder(join(FIXTURES, d), kind.ext));

    it('reads every fixture with this reader and finds something in the bad ones', () => {
      const read = files.map((file) => ({ file, result: lintFile({ file, text: readFileSync(file, 'utf8'), explicit: true }) }));
      expect(read.filter((r) => r.result?.reader === reader).length).toBeGreaterThan(0);
    });

    it('uses no API name that the file does not write, in any message or hint', () => {
      const foreign: string[] = [];
      let findings = 0;
      for (const file of files) {
        const text = readFileSync(file, 'utf8');
        const result = lintFile({ file, text, explicit: true }, { context: { cwd: join(file, '..'), readFile: () => undefined } });
        if (!result || result.reader !== reader) continue;
        const words = wordsOf(text);
        for (const issue of [...result.issues, ...result.suppressed, ...result.tasks.flatMap((t) => [...t.issues, ...t.suppressed])]) {
          findings++;
          const names = foreignNames(issue, OWN[reader]!, words);
          if (names.length > 0) foreign.push(`${relative(FIXTURES, file)}: ${issue.rule ?? issue.code} says ${names.join(', ')}: ${issue.message} ${issue.hint ?? ''}`);
        }
      }
      expect(findings).toBeGreaterThan(0);
      expect(foreign).toEqual([]);
    });
  });
});
