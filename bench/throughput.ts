import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { Bench } from 'tinybench';
import { benchCorpora, payloadSets } from './corpus.js';
import { parties, type Party } from './parties.js';
import { fixed, loadLine, median, type BenchOptions, type Section } from './section.js';

/*
 * Throughput on the corpus (bench/corpus.ts), valid and invalid payloads apart. One sample is one
 * pass over a whole set. After a warm-up round, the parties run round-robin for many short rounds,
 * so that a change in the machine's load (it is shared) and whatever one party leaves behind for
 * the next (garbage, JIT state) fall on all of them alike; each party's figure is the median of
 * its rounds' medians. Before timing, every party's verdict is checked against the corpus: a party that says
 * "valid" to a faulty payload would be measuring less work (plain Zod safeParse is the exception:
 * it knows nothing of the documented rules, which is what the comparison shows).
 */

const WITHOUT_RULES = new Set(['Zod safeParse']);

/**
 * A full garbage collection, run before each party's turn: each party then pays for its own garbage,
 * not for what the one before it left (the Zod path leaves a lot). Node exposes `gc` only behind a
 * flag, which can be set at run time for a new context.
 */
function fullCollection(): () => void {
  setFlagsFromString('--expose-gc');
  return runInNewContext('gc') as () => void;
}

function checkVerdicts(party: Party, set: readonly unknown[], expected: boolean): number {
  let disagreements = 0;
  for (const p of set) if (party.check(p) !== expected) disagreements++;
  if (disagreements && !(WITHOUT_RULES.has(party.name) && !expected)) {
    throw new Error(`${party.name} disagrees with the corpus on ${disagreements} of ${set.length} ${expected ? 'valid' : 'invalid'} payloads`);
  }
  return disagreements;
}

/** The goal of issue 18: validate() at least this many times ajv's speed (valid payloads) and ajv allErrors' (invalid ones), on each corpus. */
export const THROUGHPUT_GOAL = 1.2;

export const throughput: Section = {
  title: 'Throughput: RegisterTaskWithMaintenanceWindow requests, one process',
  async run({ short, log }: BenchOptions) {
    const size = short ? 50 : 1000;
    const corpora = benchCorpora(size);
    log('  corpora built');
    const all = await parties();
    const sets = Object.fromEntries(payloadSets(corpora));
    const missed = new Map<string, number>();
    for (const party of all) {
      for (const { label, corpus } of corpora) {
        checkVerdicts(party, corpus.valid, true);
        missed.set(`${party.name}|${label}`, checkVerdicts(party, corpus.invalid, false));
      }
    }

    const load = loadLine();
    const rounds = short ? 1 : 24;
    const time = short ? 20 : 100;
    const samples = new Map<string, number[]>();
    const collect = fullCollection();
    let sink = 0;
    for (let round = -1; round < rounds; round++) {
      // Round -1 warms every party up and is not counted.
      const bench = new Bench({ time, warmup: false, iterations: short ? 2 : 5 });
      // Each round starts with another party, so that none always runs first (or after the same one).
      const start = ((round % all.length) + all.length) % all.length;
      for (const party of [...all.slice(start), ...all.slice(0, start)]) {
        for (const [set, payloads] of Object.entries(sets)) {
          bench.add(
            `${party.name}|${set}`,
            () => {
              for (const p of payloads) if (party.check(p)) sink++;
            },
            { beforeAll: collect },
          );
        }
      }
      await bench.run();
      if (round < 0) continue;
      for (const task of bench.tasks) {
        const result = task.result;
        if (result.state !== 'completed') throw new Error(`${task.name}: ${result.state}${'error' in result ? `: ${String(result.error)}` : ''}`);
        const list = samples.get(task.name) ?? [];
        list.push(result.latency.p50);
        samples.set(task.name, list);
      }
      if ((round + 1) % 8 === 0 || round + 1 === rounds) log(`  throughput round ${round + 1}/${rounds} done`);
    }
    if (sink < 0) throw new Error('unreachable');

    /** Payloads per second: the set's size over the median time of one pass. */
    const rate = (party: Party, set: string) => size / (median(samples.get(`${party.name}|${set}`)!) / 1000);
    /**
     * How many times `base`'s speed `party` runs on a set: the median of the ratios of the two in each
     * round, so that a change of the machine's load between rounds falls on both sides of each ratio.
     */
    const times = (party: Party, base: Party, set: string) => {
      const ours = samples.get(`${party.name}|${set}`)!;
      const theirs = samples.get(`${base.name}|${set}`)!;
      return median(ours.map((t, round) => theirs[round]! / t));
    };
    const firstError = all.find((p) => p.baseline === 'first-error')!;
    const allErrors = all.find((p) => p.baseline === 'all-errors')!;
    const ours = all.find((p) => p.name === 'validate()')!;
    const goals = corpora.map(({ label }) => {
      const valid = times(ours, firstError, `${label} valid`);
      const invalid = times(ours, allErrors, `${label} invalid`);
      const met = valid >= THROUGHPUT_GOAL && invalid >= THROUGHPUT_GOAL;
      return `${label} corpus ${fixed(valid)}x and ${fixed(invalid)}x (${met ? 'met' : 'NOT met'})`;
    });
    const rows = corpora.flatMap(({ label }) =>
      all.map((party) => {
        const valid = rate(party, `${label} valid`);
        const invalid = rate(party, `${label} invalid`);
        return [
          party.name,
          label,
          Math.round(valid).toLocaleString('en-US'),
          `${fixed(times(party, firstError, `${label} valid`))}x`,
          Math.round(invalid).toLocaleString('en-US'),
          `${fixed(times(party, firstError, `${label} invalid`))}x`,
          `${fixed(times(party, allErrors, `${label} invalid`))}x`,
        ];
      }),
    );
    const first = corpora[0]!.corpus;
    const rulesCovered = [...first.faults.keys()].filter((k) => /^MW\d{3}$/.test(k)).sort();
    return {
      header: ['party', 'corpus', 'valid/s', 'vs ajv', 'invalid/s', 'vs ajv', 'vs ajv allErrors'],
      rows,
      notes: [
        `Goal (issue 18): validate() at least ${THROUGHPUT_GOAL}x ajv on valid payloads and ${THROUGHPUT_GOAL}x ajv allErrors on invalid ones, on each corpus: ${goals.join('; ')}.`,
        `Each corpus: ${size.toLocaleString('en-US')} valid and ${size.toLocaleString('en-US')} single-fault requests (bench/corpus.ts): every task type, targeted and targetless; faults of every kind the metadata allows at every place, and of the documented rules (${rulesCovered.join(', ')} in the bench corpus). The bench corpus comes from seed ${corpora[0]!.seed}, the one this table has always used; the held-out one from seed ${corpora[1]!.seed}, made the same way, payloads the code was not tuned on.`,
        'validate() is the built package (dist/index.js), as users run it; it returns every issue with its message and runs every documented rule (warnings and infos too); ajv reports errors with messages, of the JSON Schema that expresses the same rules.',
        `Zod safeParse knows none of the documented rules: it accepts ${corpora.map(({ label }) => `${missed.get(`Zod safeParse|${label}`)} (${label})`).join(' and ')} of the ${size.toLocaleString('en-US')} faulty payloads.`,
        `Median of ${rounds} round-robin round(s) of tinybench (${time} ms per party and set per round, every party and set of both corpora in each round, each round starting with another party, a full garbage collection before each) after a warm-up round; one sample is one pass over a set. A rate is the set's size over the median time of a pass; a ratio (vs ...) is the median over the rounds of the ratio of the two parties' times in the same round.`,
        load,
      ],
    };
  },
};
