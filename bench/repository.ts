import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { compiledRunner } from './compiled.js';
import { writeTree } from './lint.js';
import { fixed, loadLine, type BenchOptions, type Section } from './section.js';
import { measureAlternating, type Command } from './spawn.js';
import { random } from '../test/support/random.js';

/*
 * `lint .` in a tree shaped like a repository: the bench's CloudFormation templates, Terraform files
 * and scripts among thousands of files of other kinds (vendored packages, source, JSON, YAML,
 * Markdown, a lock file), against two floors measured in the same runs: a Node process that reads
 * every file once, and a plain text search (grep) for the names lint looks for. Made anew in a
 * temporary directory on every run, from this checkout: the vendored packages are copied from its
 * node_modules (as ordinary folders: lint never walks a directory named node_modules), the rest is
 * the test fixtures and files generated from a fixed seed. Nothing of it is committed.
 */

const ROOT = join(import.meta.dirname, '..');
const CLI = join(ROOT, 'dist', 'cli.cjs');
const SEED = 20260918;

/** Packages every clean install has (dev dependencies and theirs), copied as vendored code: JS, .d.ts, JSON, Markdown, native binaries. */
const VENDORED = ['aws-cdk-lib', 'typescript', 'esbuild', '@esbuild', 'yaml', 'zod', 'ajv', '@aws-sdk', '@smithy'];
const VENDORED_SHORT = ['yaml', 'zod'];

/** What lint reads among the rest: test fixtures of the other readers, with the files beside them (expected findings, READMEs). */
const FIXTURES: [string, string][] = [
  ['test/fixtures/terraform', 'infra/terraform'],
  ['test/fixtures/corpus/terraform', 'infra/real-world'],
  ['test/fixtures/aws-cli', 'scripts/aws-cli'],
  ['test/fixtures/corpus/cli', 'scripts/real-world'],
];

/**
 * The names lint looks for, one per reader kind: what a text search would search for. Each is the
 * common prefix of the window, target and task names of its kind (AWS::SSM::MaintenanceWindowTarget,
 * aws_ssm_maintenance_window_task, create-maintenance-window, ...).
 */
export const RESOURCE_NAMES = ['AWS::SSM::MaintenanceWindow', 'aws_ssm_maintenance_window', 'maintenance-window'];

const WORDS = 'alpha beta gamma delta window task target schedule patch instance fleet region account bucket queue topic stack deploy build release cache retry timeout limit value config service client handler request response error status report'.split(' ');

/** Files of the kinds a repository holds besides infrastructure code, generated from the seed. */
function generated(root: string, scale: number): number {
  const next = random(SEED);
  const pick = <T>(list: readonly T[]) => list[Math.floor(next() * list.length)]!;
  const words = (n: number) => Array.from({ length: n }, () => pick(WORDS)).join(' ');
  const ident = () => pick(WORDS) + pick(WORDS).replace(/^./, (c) => c.toUpperCase());
  let files = 0;
  const write = (path: string, text: string) => {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), text);
    files++;
  };
  for (let i = 0; i < 60 * scale; i++) {
    const fns = Array.from({ length: 5 + Math.floor(next() * 20) }, () => `export function ${ident()}(input: string, limit = ${Math.floor(next() * 100)}): string[] {\n  // ${words(8)}\n  return input.split(' ').slice(0, limit);\n}\n`);
    write(`src/${pick(WORDS)}/${ident()}-${i}.ts`, fns.join('\n'));
    write(`src/${pick(WORDS)}/${ident()}-${i}.test.ts`, `import { ${ident()} } from './x.js';\n\ntest('${words(5)}', () => {\n  expect(${ident()}('${words(3)}')).toEqual([]);\n});\n`);
  }
  for (let i = 0; i < 20 * scale; i++) {
    const sections = Array.from({ length: 3 + Math.floor(next() * 8) }, () => `## ${words(3)}\n\n${words(60)}\n\n\`\`\`sh\naws ssm describe-instance-information --filters Key=tag:${pick(WORDS)},Values=${pick(WORDS)}\nnpm run ${pick(WORDS)}\n\`\`\`\n`);
    write(`docs/${ident()}-${i}.md`, `# ${words(4)}\n\n${sections.join('\n')}`);
    write(`config/${ident()}-${i}.yaml`, `name: ${ident()}\non:\n  push:\n    branches: [main]\njobs:\n  ${pick(WORDS)}:\n    runs-on: ubuntu-latest\n    steps:\n${Array.from({ length: 5 }, () => `      - name: ${words(3)}\n        run: npm run ${pick(WORDS)}\n`).join('')}`);
    write(`data/${ident()}-${i}.json`, `${JSON.stringify(Object.fromEntries(Array.from({ length: 40 }, () => [ident(), { enabled: next() < 0.5, limit: Math.floor(next() * 1000), tags: [pick(WORDS), pick(WORDS)] }])), null, 2)}\n`);
  }
  return files;
}

/** This checkout's locked packages written as a yarn.lock: a second lock file, of another format. */
function yarnLock(): string {
  const lock = JSON.parse(readFileSync(join(ROOT, 'package-lock.json'), 'utf8')) as { packages: Record<string, { version?: string; resolved?: string; integrity?: string }> };
  const entries = Object.entries(lock.packages)
    .filter(([path, p]) => path.includes('node_modules/') && p.version)
    .map(([path, p]) => `"${path.slice(path.lastIndexOf('node_modules/') + 'node_modules/'.length)}@^${p.version}":\n  version "${p.version}"\n  resolved "${p.resolved ?? ''}"\n  integrity ${p.integrity ?? ''}\n`);
  return `# yarn lockfile v1\n\n${entries.join('\n')}`;
}

/** Renames every directory named node_modules under `dir` to `deps`, deepest first: vendored code lint walks. */
function renameNodeModules(dir: string): void {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (!entry.isDirectory()) continue;
    const path = join(dir, entry.name);
    renameNodeModules(path);
    if (entry.name === 'node_modules') renameSync(path, join(dir, 'deps'));
  }
}

/** The tree, in a new temporary directory: `templates` CloudFormation templates among everything else. */
export function writeRepository(templates: number, short: boolean): string {
  const root = mkdtempSync(join(tmpdir(), 'ssm-mw-bench-repo-'));
  writeTree(templates, join(root, 'templates'));
  for (const [from, to] of FIXTURES) cpSync(join(ROOT, from), join(root, to), { recursive: true });
  cpSync(join(ROOT, 'package-lock.json'), join(root, 'package-lock.json'));
  writeFileSync(join(root, 'yarn.lock'), yarnLock());
  for (const name of short ? VENDORED_SHORT : VENDORED) {
    const from = join(ROOT, 'node_modules', name);
    if (existsSync(from)) cpSync(from, join(root, 'vendor', name), { recursive: true, dereference: true });
  }
  renameNodeModules(join(root, 'vendor'));
  generated(root, short ? 1 : 10);
  return root;
}

export const repositoryTree: Section = {
  title: '`lint .` in a repository-shaped tree, against reading every file once and a text search',
  async run({ short, log }: BenchOptions) {
    if (!existsSync(CLI)) throw new Error(`${CLI} is missing: run npm run build first (npm run bench does)`);
    const count = short ? 20 : 1000;
    const root = writeRepository(count, short);
    try {
      const ours: Command = { name: 'lint', file: process.execPath, args: [CLI, 'lint', root], ok: [0, 1] };
      const read: Command = { name: 'read', file: process.execPath, args: [compiledRunner('read-all'), root] };
      const grep: Command = { name: 'grep', file: 'grep', args: ['-rlF', ...RESOURCE_NAMES.flatMap((n) => ['-e', n]), root], ok: [0] };
      const runs = short ? 1 : 3;
      const load = loadLine();
      const measured = measureAlternating([ours, read, grep], runs, !short);
      log(`  lint, the read floor and grep timed in a tree of ${count} templates among other files`);
      const tree = JSON.parse(measured.get(read.name)!.stdout) as { files: number; bytes: number };
      const summary = measured.get(ours.name)!.stdout.trim().split('\n').pop() ?? '';
      const matches = measured.get(grep.name)!.stdout.trim().split('\n').length;
      const floor = measured.get(read.name)!.ms;
      const ratio = measured.get(ours.name)!.ms / floor;
      const row = (label: string, c: Command) => {
        const { ms, rss } = measured.get(c.name)!;
        return [label, fixed(ms / 1000), `${fixed(ms / floor)}x`, fixed(rss, 1)];
      };
      return {
        header: ['command', `median s (${tree.files.toLocaleString('en-US')} files, ${fixed(tree.bytes / 2 ** 20, 0)} MiB)`, 'vs read floor', 'peak RSS MiB'],
        rows: [
          row('`ssm-mw-contracts lint .`', ours),
          row('read floor: a Node process that lists every directory and reads every file once (bench/runners/read-all.ts)', read),
          row(`text search: \`grep -rlF ${RESOURCE_NAMES.map((n) => `-e ${n}`).join(' ')} .\``, grep),
        ],
        notes: [
          `Goal (issue 18): \`lint .\` within 2x the read floor (${fixed(ratio)}x: ${ratio <= 2 ? 'met' : 'NOT met'}).`,
          `The tree (made anew from a fixed seed, bench/repository.ts): ${count} CloudFormation templates (the tree of the section above), the Terraform and AWS CLI fixtures and real-world files, vendored packages copied from node_modules (${(short ? VENDORED_SHORT : VENDORED).join(', ')}; their own node_modules renamed deps, so that lint walks them), generated TypeScript, Markdown, YAML and JSON, and two lock files (this checkout's package-lock.json, and its packages as a yarn.lock); ${tree.files.toLocaleString('en-US')} files, ${tree.bytes.toLocaleString('en-US')} bytes. lint's summary: "${summary}"; grep finds ${matches} files.`,
          `Median of ${runs} alternating runs${short ? '' : ' after a warm-up run each'}, whole processes, measured as in the section above (bench/measure.py); the files are in the page cache (each command reads them in its warm-up run).`,
          load,
        ],
      };
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  },
};
