import { measureAlternating, type Command } from './spawn.js';

/*
 * Before-and-after figures of a change, as the stop notes give them: whole commands in alternating
 * rounds after a warm-up run each, measured as the bench measures its peers (bench/measure.py), with
 * each command's median wall time, CPU time and peak memory. Keep the old build first (`cp -r dist OLD`):
 *
 *   npx tsx bench/compare.ts 12 'node OLD/cli.cjs lint DIR' 'node dist/cli.cjs lint DIR'
 *
 * Each command is split on spaces (no quoting); exit statuses 0 and 1 count as done (lint with findings).
 */

const [rounds, ...lines] = process.argv.slice(2);
const runs = Number(rounds);
if (!Number.isInteger(runs) || runs < 1 || lines.length === 0) {
  console.error("usage: npx tsx bench/compare.ts ROUNDS 'COMMAND' ['COMMAND' ...]");
  process.exit(2);
}
const commands: Command[] = lines.map((line) => {
  const [file, ...args] = line.trim().split(/\s+/);
  return { name: line, file: file!, args, ok: [0, 1] };
});
const measured = measureAlternating(commands, runs);
for (const { name } of commands) {
  const { ms, cpuMs, rss } = measured.get(name)!;
  console.log(`${(ms / 1000).toFixed(3)} s wall  ${(cpuMs / 1000).toFixed(3)} s CPU  ${rss.toFixed(1)} MiB  ${name}`);
}
