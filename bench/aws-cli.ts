/*
 * How fast lint reads AWS CLI command lines: `npx tsx bench/aws-cli.ts`.
 * Prints the time per pass over the documentation corpus (31 command lines), what the reader's
 * name and content tests cost on a large repository that has no such command (so every file is
 * offered and declined), and one script with many command lines.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { awsCliReader } from '../src/readers/aws-cli/lint-reader.js';
import { lintFile } from '../src/lint/engine.js';
import type { ReaderContext } from '../src/readers/reader.js';

const ROOT = join(import.meta.dirname, '..');
const dir = join(ROOT, 'test', 'fixtures', 'corpus', 'cli');
const corpus = readdirSync(dir).map((f) => ({ file: `cli/${f}`, text: readFileSync(join(dir, f), 'utf8') }));
const context: ReaderContext = { cwd: join(ROOT, 'test', 'fixtures', 'corpus'), readFile: () => undefined };

const time = (f: () => void) => {
  const start = performance.now();
  f();
  return performance.now() - start;
};

for (let i = 0; i < 5; i++) for (const c of corpus) lintFile({ ...c, explicit: true }, { context }); // warm up
const RUNS = 50;
const pass = time(() => {
  for (let i = 0; i < RUNS; i++) for (const c of corpus) lintFile({ ...c, explicit: true }, { context });
});
console.log(`corpus: ${(pass / RUNS).toFixed(1)} ms per pass over ${corpus.length} files (31 command lines), ${((pass / RUNS / 31) * 1000).toFixed(0)} µs per line`);

// A repository of 20,000 text files that name no maintenance-window command: docs, scripts running
// other aws commands, CI YAML, Makefiles and extensionless files.
const filler = 'Lorem ipsum dolor sit amet, consectetur adipiscing elit, sed do eiusmod tempor.\n'.repeat(60);
const kinds = [
  (i: number) => ({ file: `docs/page-${i}.md`, text: `# Page ${i}\n\n${filler}\n\`\`\`sh\naws s3 cp build/ s3://bucket/${i}/ --recursive\n\`\`\`\n` }),
  (i: number) => ({ file: `scripts/job-${i}.sh`, text: `#!/bin/bash\nset -eu\n${filler.replaceAll(/^/gm, '# ')}aws ssm send-command --document-name AWS-RunShellScript --targets Key=tag:Job,Values=${i}\n` }),
  (i: number) => ({ file: `ci/pipeline-${i}.yml`, text: `jobs:\n  build:\n    steps:\n      - run: |\n          make build\n          aws ssm describe-maintenance-windows\n${filler.replaceAll(/^/gm, '# ')}` }),
  (i: number) => ({ file: `tools/tool-${i}`, text: `#!/usr/bin/env python3\n${filler.replaceAll(/^/gm, '# ')}` }),
  (i: number) => ({ file: `lib/Makefile-${i}.mk`, text: `build:\n\tgo build ./...\n${filler.replaceAll(/^/gm, '# ')}` }),
];
const repo = Array.from({ length: 20000 }, (_, i) => kinds[i % kinds.length]!(i));
const bytes = repo.reduce((n, f) => n + f.text.length, 0);
const accepted = repo.filter((f) => awsCliReader.accepts!(f.file));
for (const f of accepted.slice(0, 500)) awsCliReader.detect(f.file, f.text); // warm up
const detect = time(() => {
  for (const f of accepted) awsCliReader.detect(f.file, f.text);
});
const whole = time(() => {
  for (const f of repo) lintFile(f, { context });
});
console.log(
  `large repository: ${repo.length} files, ${(bytes / 1e6).toFixed(0)} MB: the reader's detect ${detect.toFixed(0)} ms in all (${((bytes / 1e6) / (detect / 1000)).toFixed(0)} MB/s); lint of every file ${whole.toFixed(0)} ms`,
);

// One deploy script with 2,000 command lines.
const line = (i: number) =>
  `aws ssm register-task-with-maintenance-window --window-id mw-0123456789abcdef0 \\\n  --task-arn AWS-RunShellScript --task-type RUN_COMMAND --service-role-arn arn:aws:iam::123456789012:role/MW \\\n  --targets Key=InstanceIds,Values=i-0123456789abcdef${i % 10} --max-concurrency 1 --max-errors 1 \\\n  --task-invocation-parameters '{"RunCommand":{"Parameters":{"commands":["echo ${i}"]}}}'\n`;
const big = Array.from({ length: 2000 }, (_, i) => line(i)).join('\n');
let tasks = 0;
const script = time(() => {
  tasks = lintFile({ file: 'deploy.sh', text: big }, { context })!.tasks.length;
});
console.log(`one script: ${tasks} command lines in ${(big.length / 1e6).toFixed(1)} MB read and checked in ${script.toFixed(0)} ms`);
