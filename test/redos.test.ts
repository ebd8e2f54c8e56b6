import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { globMatches } from '../src/drift/explain.js';
import { headerOf } from '../src/exchange/http.js';
import { VARIABLE } from '../src/parse/shell/cmd.js';
import { expandPath } from '../src/readers/aws-cli/files.js';
import { legacyQuotedEnds } from '../src/readers/aws-cli/shorthand.js';
import { replacePlaceholders } from '../src/readers/cloudformation/resolve.js';
import { cpuMs } from './support/cpu.js';
import { analyse, distinctPatterns, RECHECK_PARAMETERS, readVerdicts, recheckVersion, type Verdict } from './support/redos.js';
import { awsPatterns } from './support/patterns.js';
import { SEED } from './support/cases.js';

/*
 * Regular expressions and super-linear backtracking. Every pattern the project runs (AWS's model
 * patterns, the generated JSON Schemas' patterns, every regex of src/) goes through recheck, which
 * proves it safe or gives an attack string, with no time limit in the analysis (test/support/redos.ts:
 * the verdict depends on the pattern, never on how busy the machine is); the verdicts are read from
 * test/redos-verdicts.json when it was written by the same recheck with the same parameters, and
 * any pattern it lacks is analysed here. Then each is fed the text that makes a backtracking engine
 * work hardest (runs of each character it names, ended by one that fails it) at the longest length
 * AWS allows and at 100,000 characters, within a bound of CPU time meant to catch catastrophic
 * behaviour (a linear scan of 100,000 characters takes well under a millisecond), not to measure
 * speed. The patterns rewritten to pass are proven equal to what they replaced on generated text.
 */

const { distinct, all, unlisted } = distinctPatterns();
const ours = all.filter((p) => p.origin === 'source');
const cached = readVerdicts();
const usable = cached?.recheck === recheckVersion() && JSON.stringify(cached.parameters) === JSON.stringify(RECHECK_PARAMETERS) ? cached.verdicts : {};

const verdicts = new Map<string, Verdict>();
function recheck(d: { key: string; source: string; flags: string }): Verdict {
  let result = verdicts.get(d.key) ?? (Object.hasOwn(usable, d.key) ? usable[d.key] : undefined);
  if (!result) result = analyse(d);
  verdicts.set(d.key, result);
  return result;
}

const LONG = 100_000;
/** Generous: catastrophic backtracking on 100,000 characters takes minutes of CPU, not this. */
const BOUND_MS = 250;

/** The characters a pattern names (literals, escapes, the ends of class ranges), and a few it does not. */
function pumpCharacters(source: string): string[] {
  const named = new Set<string>();
  for (const m of source.matchAll(/\\u\{?([0-9A-Fa-f]{4,5})\}?|\\x([0-9A-Fa-f]{2})|\\([^upx])|([^\\[\](){}*+?|^$])/gu)) {
    const hex = m[1] ?? m[2];
    if (hex) named.add(String.fromCodePoint(parseInt(hex, 16)));
    else if (m[3]) named.add({ d: '0', w: 'a', s: ' ', n: '\n', t: '\t', r: '\r', D: 'a', W: '-', S: 'a' }[m[3]] ?? m[3]);
    else if (m[4]) named.add(m[4]);
  }
  return [...named, 'a', 'A', '0', ' ', '-', '\\', '😀'].filter((c, i, a) => a.indexOf(c) === i).slice(0, 24);
}

/** Runs of each character, and of each pair of them, ended by a character that breaks most patterns. */
function worstInputs(source: string, length: number): string[] {
  const chars = pumpCharacters(source);
  const out: string[] = [];
  for (const c of chars) for (const end of ['\u0000', '!']) out.push(c.repeat(Math.ceil(length / c.length)).slice(0, length) + end);
  for (let i = 0; i + 1 < chars.length; i += 2) out.push((chars[i]! + chars[i + 1]!).repeat(Math.ceil(length / 2)).slice(0, length) + '\u0000');
  return out;
}

describe(`regular expressions (${all.length} uses, ${distinct.length} distinct patterns)`, () => {
  it('has a known source for every new RegExp in src/ (test/support/patterns.ts DYNAMIC)', () => {
    expect(unlisted).toEqual([]);
    expect(awsPatterns().length).toBeGreaterThan(20);
    expect(ours.length).toBeGreaterThan(100);
  });

  it(`has recheck ${recheckVersion()}'s verdict on every pattern, and on no other, in test/redos-verdicts.json (npx tsx scripts/redos.ts)`, () => {
    expect(cached, 'test/redos-verdicts.json is missing').toBeDefined();
    expect({ recheck: cached!.recheck, parameters: cached!.parameters }).toEqual({ recheck: recheckVersion(), parameters: RECHECK_PARAMETERS });
    expect(Object.keys(cached!.verdicts).sort()).toEqual(distinct.map((d) => d.key).sort());
  });

  describe('recheck finds no super-linear backtracking', () => {
    // A pattern that is not in the file is analysed here: without a time limit, so allow it time.
    it.each(distinct.map((d) => [d.key, d] as const))('%s', { timeout: 300_000 }, (_, d) => {
      const result = recheck(d);
      expect(result.status, `${d.places.join(', ')}: ${result.status === 'vulnerable' ? `${result.complexity}, attack ${result.attack}` : (result.error ?? '')}`).toBe('safe');
    });
  });

  describe(`each takes its worst input at the longest length AWS allows and at ${LONG} characters in less than ${BOUND_MS} ms of CPU`, () => {
    it.each(distinct.map((d) => [d.key, d] as const))('%s', (_, d) => {
      // A pattern recheck found vulnerable has failed above; run, it would hang the run rather than fail.
      if (recheck(d).status === 'vulnerable') return;
      // Search semantics from every position (a sticky or global regex is run at many positions).
      const regex = new RegExp(d.source, d.flags.replace(/[gy]/g, ''));
      for (const length of [...(d.maxLength > 0 ? [d.maxLength] : []), LONG]) {
        for (const input of worstInputs(d.source, length)) {
          const took = cpuMs(() => regex.exec(input));
          expect(took, `${d.places[0]}: ${took.toFixed(1)} ms on ${JSON.stringify(input.slice(0, 12))}… (${input.length} characters)`).toBeLessThan(BOUND_MS);
        }
      }
    });
  });
});

/** Both sides of a rewrite, on many generated texts: the same result. */
function equal<T>(name: string, text: fc.Arbitrary<string>, before: (t: string) => T, after: (t: string) => T, runs = 2000): void {
  fc.assert(
    fc.property(text, (t) => {
      expect(after(t), `${name}: ${JSON.stringify(t)}`).toEqual(before(t));
    }),
    { seed: SEED, numRuns: runs },
  );
}

const over = (alphabet: string[], maxLength = 14) => fc.array(fc.constantFrom(...alphabet), { maxLength }).map((a) => a.join(''));

describe('rewritten patterns mean what they replaced', () => {
  it("cmd.exe's %variable% (src/parse/shell/cmd.ts)", () => {
    const before = /^%(~?[A-Za-z0-9_]*[A-Za-z_][A-Za-z0-9_ ()]*)%|^%[0-9*]|^%~[a-z]*[0-9]/;
    equal('%variable%', over(['%', '~', 'a', 'Z', '_', '0', '9', ' ', '(', ')', '!', '-', '*']), (t) => before.exec(t)?.slice(0, 2) ?? null, (t) => {
      VARIABLE.lastIndex = 0;
      return VARIABLE.exec(t)?.slice(0, 2) ?? null;
    });
  });

  it("the AWS CLI's legacy quoted string, as a backtracking engine matches it (src/readers/aws-cli/shorthand.ts)", () => {
    for (const q of ["'", '"'] as const) {
      const e = q === "'" ? "\\\\'" : '\\\\"';
      const before = new RegExp(`${q}(?:\\\\\\\\|${e}|[^${q}])*${q}`, 'uy');
      equal(`legacy ${q}`, over([q, "'", '"', '\\', 'a', '😀', '\ud800'], 12), (t) => {
        const out: (string | null)[] = [];
        for (let i = 0; i < t.length; i++) {
          if (t[i] !== q) continue;
          before.lastIndex = i;
          out.push(before.exec(t)?.[0] ?? null);
        }
        return out;
      }, (t) => {
        const ends = legacyQuotedEnds(t, q);
        const out: (string | null)[] = [];
        for (let i = 0; i < t.length; i++) if (t[i] === q) out.push(ends[i]! < 0 ? null : t.slice(i, ends[i]));
        return out;
      });
    }
  });

  it('os.path.expandvars in file:// paths (src/readers/aws-cli/files.ts)', () => {
    const env = { a: 'X', '': 'E', a_1: 'Y', 'a}b': 'Z', '!': 'B' };
    const before = (t: string) => t.replace(/\$(\w+|\{[^}]*\})/gu, (whole, name: string) => env[(name.startsWith('{') ? name.slice(1, -1) : name) as keyof typeof env] ?? whole);
    equal('expandvars', over(['$', '{', '}', 'a', '_', '1', '/', ' ', '!', 'é']).map((t) => `x${t}`), before, (t) => expandPath(t, env));
  });

  it("Fn::Sub's ${name} and ${!literal} (src/readers/cloudformation/resolve.ts)", () => {
    const show = (whole: string, literal: string, name: string) => `<${whole}|${literal}|${name}>`;
    equal('Fn::Sub', over(['$', '{', '}', '!', 'a', ' ', '.']), (t) => t.replace(/\$\{(!?)([^}]*)\}/g, show), (t) => replacePlaceholders(t, show));
  });

  it('HTTP header lines (src/exchange/http.ts)', () => {
    const before = /^([!#$%&'*+.^_`|~0-9A-Za-z-]+):[ \t]*(.*?)[ \t]*$/;
    equal('header', over(['a', 'B', '-', ':', ' ', '\t', 'x', '\r', '(', 'é']), (t) => before.exec(t)?.slice(1, 3) ?? null, (t) => headerOf(t) ?? null);
  });

  it('drift explanations: globs with * (src/drift/explain.ts)', () => {
    const regexOf = (glob: string) => new RegExp(`^${glob.split('*').map((p) => p.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('.*')}$`);
    const pair = fc.tuple(over(['a', 'b', '*', '.', '\n'], 6), over(['a', 'b', '.', '\n', '*'], 10));
    fc.assert(
      fc.property(pair, ([glob, text]) => {
        expect(globMatches(glob, text), `${JSON.stringify(glob)} ~ ${JSON.stringify(text)}`).toBe(regexOf(glob).test(text));
      }),
      { seed: SEED, numRuns: 3000 },
    );
  });

  it.each([
    ['a run of capitals before a final s (src/readers/aws-cli/options.ts)', /[A-Z]{2,}s$/, /(?<![A-Z])[A-Z]{2,}s$/, ['A', 'B', 's', 'a', 'S']],
    ['trailing slashes (src/cli/commands/generate.ts, src/readers/aws-cli/files.ts)', /\/+$/, /(?<!\/)\/+$/, ['/', 'a', '.']],
    ['trailing zeros (src/readers/terraform/evaluate.ts)', /0+$/, /(?<!0)0+$/, ['0', '1', '.']],
    ['trailing Unicode white space (src/parse/hcl/parser.ts)', /[\s\u0085]+$/u, /(?<![\s\u0085])[\s\u0085]+$/u, [' ', '\t', '\u0085', '\u00a0', 'a', '\n']],
  ] as const)('%s', (_, before, after, alphabet) => {
    // The same leftmost match: each rewrite only stops the engine from starting again inside a run.
    equal(String(after), over([...alphabet], 12), (t) => before.exec(t)?.[0] ?? null, (t) => after.exec(t)?.[0] ?? null);
    expect(ours.some((p) => p.source === after.source && p.flags === after.flags), `${after} is no longer in src/`).toBe(true);
  });
});
