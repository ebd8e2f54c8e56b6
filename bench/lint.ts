import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { compiledRunner } from './compiled.js';
import { fixed, loadLine, type BenchOptions, type Section } from './section.js';
import { measureAlternating, type Command, type Measured } from './spawn.js';
import { POOL_FROM_FILES } from '../src/cli/lint-pool.js';

/*
 * lint over a tree of CloudFormation templates against its two peers on the same files, in the same
 * run: @aws/cloudformation-validate (AWS's Rust validator built to WASM, a dev dependency) and
 * cfn-lint (the Python peer on every machine). The tree is generated: the CloudFormation fixtures of every rule
 * (YAML and JSON, good and bad) and the real-world templates, in turn, spread over ten
 * directories. It runs the built CLI (dist/; `npm run bench` builds it first).
 */

const ROOT = join(import.meta.dirname, '..');
const CLI = join(ROOT, 'dist', 'cli.cjs');
const SOURCES = [
  join(ROOT, 'test', 'fixtures', 'cloudformation', 'good'),
  join(ROOT, 'test', 'fixtures', 'cloudformation', 'bad'),
  join(ROOT, 'test', 'fixtures', 'corpus', 'cloudformation'),
];

function templates(): { name: string; text: string }[] {
  return SOURCES.flatMap((dir) =>
    readdirSync(dir)
      .filter((f) => /\.(ya?ml|json)$/.test(f) && !f.endsWith('.expected.json'))
      .sort()
      .map((f) => ({ name: f, text: readFileSync(join(dir, f), 'utf8') })),
  );
}

/** `count` templates in ten directories; returns the tree's root. */
export function writeTree(count: number, root = mkdtempSync(join(tmpdir(), 'ssm-mw-bench-lint-'))): string {
  const sources = templates();
  for (let i = 0; i < count; i++) {
    const source = sources[i % sources.length]!;
    const dir = join(root, `stack-${i % 10}`);
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, `${String(i).padStart(4, '0')}-${source.name}`), source.text);
  }
  return root;
}

/** cfn-lint's exit status is a bit mask of what it found (2 errors, 4 warnings, 8 infos, 1 a crash of a rule). */
const CFN_LINT_OK = Array.from({ length: 16 }, (_, i) => i * 2);

/** The goals of issue 18 for the tree: lint this many times faster than each peer, and its peak memory under this. */
export const GOALS = { cloudformationValidate: 10, cfnLint: 40, rssMiB: 300 } as const;

interface CfvSummary {
  version: string;
  files: number;
  diagnostics: number;
  failed: number;
  engineMs: number;
  validateMs: number;
}

export const lintTree: Section = {
  title: '`lint` over a tree of CloudFormation templates, against @aws/cloudformation-validate and cfn-lint',
  async run({ short, log }: BenchOptions) {
    if (!existsSync(CLI)) throw new Error(`${CLI} is missing: run npm run build first (npm run bench does)`);
    if (spawnSync('cfn-lint', ['--version']).status !== 0) throw new Error('cfn-lint is missing: python3 -m pip install cfn-lint==1.51.0');
    const count = short ? 20 : 1000;
    const root = writeTree(count);
    try {
      const ours: Command = { name: 'ssm-mw-contracts lint', file: process.execPath, args: [CLI, 'lint', root], ok: [0, 1] };
      const pooled: Command = { name: 'ssm-mw-contracts lint -j 2', file: process.execPath, args: [CLI, 'lint', '-j', '2', root], ok: [0, 1] };
      const cfv: Command = { name: 'cloudformation-validate', file: process.execPath, args: [compiledRunner('cloudformation-validate'), root] };
      const cfnLint: Command = { name: 'cfn-lint', file: 'cfn-lint', args: [`${root}/**/*.yaml`, `${root}/**/*.yml`, `${root}/**/*.json`], ok: CFN_LINT_OK };
      const runs = short ? 1 : 3;
      const load = loadLine();
      const measured = measureAlternating([ours, pooled, cfv, cfnLint], runs, !short);
      log(`  lint, @aws/cloudformation-validate and cfn-lint timed over ${count} templates`);
      const summary = measured.get(ours.name)!.stdout.trim().split('\n').pop() ?? '';
      const theirs = JSON.parse(measured.get(cfv.name)!.stdout) as CfvSummary;
      if (theirs.files !== count) throw new Error(`@aws/cloudformation-validate read ${theirs.files} of the ${count} templates`);
      const lintMs = measured.get(ours.name)!.ms;
      const row = (label: string, c: Command) => {
        const { ms, rss } = measured.get(c.name)!;
        return [label, fixed(ms / 1000), fixed(count / (ms / 1000), 0), `${fixed(ms / lintMs, 1)}x`, fixed(rss, 1)];
      };
      const cfvTimes = lintTimes(measured, lintMs, cfv.name);
      const cfnTimes = lintTimes(measured, lintMs, cfnLint.name);
      const lintRss = measured.get(ours.name)!.rss;
      const met = (ok: boolean) => (ok ? 'met' : 'NOT met');
      return {
        header: ['command', `median s (${count} templates)`, 'templates/s', 'time vs lint', 'peak RSS MiB'],
        rows: [
          row('`ssm-mw-contracts lint DIR`', ours),
          row('`ssm-mw-contracts lint -j 2 DIR` (two worker threads)', pooled),
          row(`@aws/cloudformation-validate ${theirs.version} (one RegoEngine, reused for every file)`, cfv),
          row('`cfn-lint DIR/**/*.yaml DIR/**/*.yml DIR/**/*.json`', cfnLint),
        ],
        notes: [
          `Goals (issue 18): lint at least ${GOALS.cloudformationValidate}x faster than @aws/cloudformation-validate (${fixed(cfvTimes, 1)}x: ${met(cfvTimes >= GOALS.cloudformationValidate)}), at least ${GOALS.cfnLint}x faster than cfn-lint (${fixed(cfnTimes, 1)}x: ${met(cfnTimes >= GOALS.cfnLint)}), under ${GOALS.rssMiB} MiB (${fixed(lintRss, 1)} MiB: ${met(lintRss < GOALS.rssMiB)}).`,
          `The tree: ${count} templates in 10 directories, cycling through the CloudFormation fixtures of every rule (YAML and JSON, valid and not) and the ${readdirSync(SOURCES[2]!).length} real-world templates of test/fixtures/corpus/cloudformation; lint's summary: "${summary}"; @aws/cloudformation-validate: ${theirs.diagnostics.toLocaleString('en-US')} diagnostics, ${theirs.failed} templates it could not read, its engine created in ${fixed(theirs.engineMs / 1000)} s and the templates validated in ${fixed(theirs.validateMs / 1000)} s (last run).`,
          `Median of ${runs} alternating runs${short ? '' : ' after a warm-up run each'}, whole processes (start-up included), each tool's standard output to a file. The three do not do equal work: cfn-lint and @aws/cloudformation-validate check every resource of every template against its schemas (and AWS's rules); lint reads every template but checks only the maintenance-window resource types (windows, their targets and tasks). The comparison is of the tools as a user would run them on the same tree.`,
          'Wall time and peak RSS of each run are taken the same way for every tool: by a Python parent (bench/measure.py) from fork to wait4, and the peak resident set size wait4 reports (worker threads included).',
          `Without -j, lint runs in one thread on this machine: it starts worker threads (one per core, up to 8) only from 4 cores and ${POOL_FROM_FILES} files on, because each worker loads and warms up its own copy of the code and, on 2 cores, V8's compiler and collector threads already use the second one (the -j 2 row).`,
          load,
        ],
      };
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  },
};

/** How many times lint's median time another command's is. */
function lintTimes(measured: Map<string, Measured>, lintMs: number, name: string): number {
  return measured.get(name)!.ms / lintMs;
}
