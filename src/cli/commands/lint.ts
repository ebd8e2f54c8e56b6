import { parseArgs } from 'node:util';
import { severityRank, type Severity } from '../../issues/codes.js';
import { closest } from '../../issues/format.js';
import { allFindings, type FileResult, type LintReport } from '../../lint/engine.js';
import { readers } from '../../lint/readers.js';
import { takesName } from '../../readers/reader.js';
import { renderLintGithub } from '../../report/github.js';
import { renderJson } from '../../report/json/lint.js';
import { renderLintSarif } from '../../report/sarif.js';
import { renderText } from '../../report/text/lint.js';
import { descriptors, isRuleOrCode } from '../../readers/rule-catalog.js';
import { walk } from '../../lint/walk.js';
import { EXIT, UsageError, useColor, type Io } from '../io.js';
import { LIMIT_OPTIONS, LIMITS_USAGE, limitsOf, wholeNumber } from '../limit-options.js';
import { printable } from '../../report/printable.js';
import { lintOptions, lintWalked, readWalkedSync as readWalked, type LintSettings } from '../lint-files.js';
import { lintInWorkers, POOL_FROM_FILES, workerCount } from '../lint-pool.js';
import { VERSION } from '../version.js';

/** How many run times --show-schedule prints per window. */
const SCHEDULE_RUNS = 5;

export const usage = `Usage: ssm-mw-contracts lint [options] PATH...

Finds every maintenance-window task in files and directories (CloudFormation templates, CDK
cdk.out templates, Terraform files and plans, API payload files, and aws ssm command lines in
shell scripts, Makefiles, CI YAML and Markdown or RST docs) and checks it against the contract.
Directories are walked, skipping .git, node_modules and what .gitignore ignores; PATH may be a glob.

Options:
  -f, --format FORMAT    text (default), json, sarif or github
      --fail-on LEVEL    exit 1 on findings at or above error (default), warning or info
      --ignore RULE      leave out a rule id (MW003) or a code (too_long); repeatable,
                         or comma-separated
      --exclude GLOB     leave out files and directories that match; repeatable
      --ignore-unknown   skip a named file that no reader recognizes, as a walk
                         does, instead of reporting it (pre-commit passes all files)
      --show-schedule    print each maintenance window's schedule in words and its
                         next ${SCHEDULE_RUNS} run times (in the text and JSON formats)
  -j, --jobs N           lint in N worker threads; 1 reads every file in one thread
                         (default: one per core, up to 8, from 4 cores and ${POOL_FROM_FILES} files on)
${LIMITS_USAGE}
  -h, --help             show this help

Inline suppression: a Metadata entry on a template or a resource,
  Metadata: { ssm-mw-contracts: { ignore: [MW011] } }
and in Terraform, scripts, Makefiles, CI YAML and docs a comment on or above it,
  # ssm-mw-contracts:ignore MW011 -- reason

A file a walk finds is skipped when it is binary or not UTF-8 and no reader recognizes
what it holds, and reported as not checked (info) when it is larger than --max-file-size;
a file named on the command line is an error then.

Exit status: 0 nothing at or above --fail-on, 1 findings at or above it,
2 usage error or input that cannot be read (a missing path, a file that does not parse,
is not UTF-8 text, or is beyond a limit).
`;

const FORMATS = ['text', 'json', 'sarif', 'github'] as const;

const LEVELS: readonly Severity[] = ['error', 'warning', 'info'];

/** After this long on a terminal, a progress line keeps the user company on stderr. */
const PROGRESS_AFTER_MS = 1000;
const PROGRESS_EVERY_MS = 100;

function ignoredNames(values: readonly string[]): string[] {
  const names = values.flatMap((v) => v.split(',')).map((v) => v.trim()).filter(Boolean);
  for (const name of names) {
    if (isRuleOrCode(name)) continue;
    const suggestion = closest(name, descriptors().flatMap((d) => [d.id, d.code]));
    throw new UsageError(`--ignore ${name}: no rule or code has that name${suggestion ? `; did you mean ${suggestion}?` : ''}`);
  }
  return names;
}

function progress(io: Io) {
  const now = io.now ?? (() => Date.now());
  const start = now();
  let drawn = -Infinity;
  let shown = false;
  return {
    update(files: number, total: number, tasks: number) {
      if (!io.stderrIsTTY) return;
      const t = now();
      if (t - start < PROGRESS_AFTER_MS || t - drawn < PROGRESS_EVERY_MS) return;
      drawn = t;
      shown = true;
      io.stderr(`\r\x1b[Klint: ${files}/${total} files read, ${tasks} tasks found…`);
    },
    done() {
      if (shown) io.stderr('\r\x1b[K');
    },
  };
}

export async function run(argv: string[], io: Io): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      format: { type: 'string', short: 'f', default: 'text' },
      'fail-on': { type: 'string', default: 'error' },
      ignore: { type: 'string', multiple: true, default: [] },
      exclude: { type: 'string', multiple: true, default: [] },
      'ignore-unknown': { type: 'boolean', default: false },
      'show-schedule': { type: 'boolean', default: false },
      jobs: { type: 'string', short: 'j' },
      ...LIMIT_OPTIONS,
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) {
    io.stdout(usage);
    return EXIT.clean;
  }
  const format = values.format as (typeof FORMATS)[number];
  if (!FORMATS.includes(format)) throw new UsageError(`unknown format "${values.format}"; use ${FORMATS.join(', ')}`);
  const failOn = values['fail-on'] as Severity;
  if (!LEVELS.includes(failOn)) throw new UsageError(`unknown --fail-on level "${values['fail-on']}"; use ${LEVELS.join(', ')}`);
  if (positionals.length === 0) throw new UsageError('no input: give a file, a directory or a glob (e.g. . for the current directory)');
  const ignore = ignoredNames(values.ignore);
  const limits = limitsOf(values);
  const requestedJobs = values.jobs === undefined ? undefined : wholeNumber('jobs', values.jobs, 1);

  const { files, missing } = walk(positionals, {
    cwd: io.cwd,
    exclude: values.exclude,
    accepts: (file) => readers.some((r) => takesName(r, file)),
  });
  const settings: LintSettings = {
    cwd: io.cwd,
    limits,
    ignore,
    ignoreUnknown: values['ignore-unknown'],
    ...(values['show-schedule'] ? { showSchedule: { count: SCHEDULE_RUNS } } : {}),
  };
  io.beforeManyFiles?.();
  const workers = workerCount(requestedJobs, files.length);
  const report: LintReport = { files: [] };
  const meter = progress(io);
  let results: (FileResult | undefined)[] = [];
  if (workers > 0) {
    results = await lintInWorkers(files, settings, workers, (done, tasks) => meter.update(done, files.length, tasks));
  } else {
    const options = lintOptions(settings);
    let tasks = 0;
    for (const [i, walked] of files.entries()) {
      const result = lintWalked(walked, readWalked(walked, limits), settings, options);
      results.push(result);
      tasks += result?.tasks.length ?? 0;
      meter.update(i + 1, files.length, tasks);
    }
  }
  for (const result of results) if (result) report.files.push(result);
  meter.done();

  const color = useColor(io);
  io.stdout(
    format === 'json' ? renderJson(report) : format === 'sarif' ? renderLintSarif(report, { version: VERSION }) : format === 'github' ? renderLintGithub(report) : renderText(report, { color }),
  );
  for (const path of missing) io.stderr(`ssm-mw-contracts: ${printable(path)}: no such file or directory${/[*?[{]/.test(path) ? ' (the glob matches nothing)' : ''}\n`);
  const problems = report.files.filter((f) => f.inputProblem);
  for (const f of problems) {
    const first = f.issues.find((i) => i.code === 'syntax_error' || i.code === 'unreadable')!;
    io.stderr(`ssm-mw-contracts: ${printable(f.file)}${first.line ? `:${first.line}:${first.column}` : ''}: ${printable(first.message)}\n`);
  }
  if (missing.length > 0 || problems.length > 0) return EXIT.usage;
  const failing = report.files.flatMap(allFindings).some((i) => severityRank[i.severity] >= severityRank[failOn]);
  return failing ? EXIT.findings : EXIT.clean;
}
