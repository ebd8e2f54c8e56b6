import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fixed, type BenchOptions, type Section } from './section.js';
import { medianPeakRss, medianTimes, type Command } from './spawn.js';
import { POOL_FROM_FILES } from '../src/cli/lint-pool.js';

/*
 * lint over a tree of CloudFormation templates against cfn-lint (the Python peer on every
 * machine) on the same files. The tree is generated: the CloudFormation fixtures of every rule
 * (YAML and JSON, good and bad) and the real-world templates, in turn, spread over ten
 * directories. It runs the built CLI (dist/; `npm run bench` builds it first).
 */

const ROOT = join(import.meta.dirname, '..');
const CLI = join(ROOT, 'dist', 'cli.js');
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
function writeTree(count: number): string {
  const root = mkdtempSync(join(tmpdir(), 'ssm-mw-bench-lint-'));
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

export const lintTree: Section = {
  title: '`lint` over a tree of CloudFormation templates, against cfn-lint',
  async run({ short, log }: BenchOptions) {
    if (!existsSync(CLI)) throw new Error(`${CLI} is missing: run npm run build first (npm run bench does)`);
    if (spawnSync('cfn-lint', ['--version']).status !== 0) throw new Error('cfn-lint is missing: python3 -m pip install cfn-lint==1.51.0');
    const count = short ? 20 : 1000;
    const root = writeTree(count);
    try {
      const ours: Command = { name: 'ssm-mw-contracts lint', file: process.execPath, args: [CLI, 'lint', root], ok: [0, 1] };
      const pooled: Command = { name: 'ssm-mw-contracts lint -j 2', file: process.execPath, args: [CLI, 'lint', '-j', '2', root], ok: [0, 1] };
      const theirs: Command = { name: 'cfn-lint', file: 'cfn-lint', args: [`${root}/**/*.yaml`, `${root}/**/*.json`], ok: CFN_LINT_OK };
      const summary = spawnSync(process.execPath, [CLI, 'lint', root], { encoding: 'utf8' }).stdout.trim().split('\n').pop() ?? '';
      const runs = short ? 1 : 3;
      const times = medianTimes([ours, pooled, theirs], runs, !short);
      log(`  lint and cfn-lint timed over ${count} templates`);
      const rss = medianPeakRss(ours, short ? 1 : 3);
      const pooledRss = medianPeakRss(pooled, short ? 1 : 3);
      const base = times.get(theirs.name)!;
      return {
        header: ['command', `median s (${count} templates)`, 'templates/s', 'speed vs cfn-lint', 'peak RSS MiB'],
        rows: [
          ['`ssm-mw-contracts lint DIR`', fixed(times.get(ours.name)! / 1000), fixed(count / (times.get(ours.name)! / 1000), 0), `${fixed(base / times.get(ours.name)!, 1)}x`, fixed(rss, 1)],
          ['`ssm-mw-contracts lint -j 2 DIR` (two worker threads)', fixed(times.get(pooled.name)! / 1000), fixed(count / (times.get(pooled.name)! / 1000), 0), `${fixed(base / times.get(pooled.name)!, 1)}x`, fixed(pooledRss, 1)],
          ['`cfn-lint DIR/**/*.yaml DIR/**/*.json`', fixed(base / 1000), fixed(count / (base / 1000), 0), '1.0x', 'not measured'],
        ],
        notes: [
          `The tree: ${count} templates in 10 directories, cycling through the CloudFormation fixtures of every rule (YAML and JSON, valid and not) and the ${readdirSync(SOURCES[2]!).length} real-world templates of test/fixtures/corpus/cloudformation; lint's summary: "${summary}".`,
          `Median of ${runs} alternating runs${short ? '' : ' after a warm-up run each'}, whole processes (start-up included). cfn-lint checks every resource of every template against its schemas; lint reads every template but checks only AWS::SSM::MaintenanceWindowTask, so the comparison is of the tools as a user would run them on the same tree, not of equal work.`,
          'Peak RSS of the lint process from getrusage (median of its runs), worker threads included.',
          `Without -j, lint runs in one thread on this machine: it starts worker threads (one per core, up to 8) only from 4 cores and ${POOL_FROM_FILES} files on, because each worker loads and warms up its own copy of the code and, on 2 cores, V8's compiler and collector threads already use the second one (the -j 2 row).`,
        ],
      };
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  },
};
