import { describe, expect, it } from 'vitest';
import { main, SECTIONS } from '../bench/index.js';

/*
 * The benchmark's CI mode (npm run bench -- --short): a small corpus and few samples. It checks that
 * every measurement still runs, that every party's verdicts match the corpus (the bench throws
 * otherwise), and that the tables come out whole. No timing is asserted: timings live in the
 * benchmark's own output (npm run bench), never in tests. The cold start runs the built CLI, which
 * npm test builds before the tests.
 */
describe('npm run bench -- --short', () => {
  it('runs every section and prints a table per section, with the machine it ran on', { timeout: 900_000 }, async () => {
    const markdown = await main(['--short']);
    for (const section of SECTIONS) expect(markdown).toContain(`### ${section.title}`);
    for (const party of ['validate()', 'validate() on Zod (before)', 'Zod safeParse', 'ajv', 'ajv allErrors', 'ajv standalone', 'ajv standalone allErrors']) {
      for (const corpus of ['bench', 'held-out']) {
        expect(markdown).toMatch(new RegExp(`^\\| ${party.replace(/[()]/g, '\\$&')} \\| ${corpus} \\| [\\d,]+ \\| \\d+\\.\\d\\dx \\| [\\d,]+ \\| \\d+\\.\\d\\dx \\| \\d+\\.\\d\\dx \\|$`, 'm'));
      }
    }
    expect(markdown).toMatch(/^- Goal \(issue 18\): validate\(\) at least 1\.2x .*bench corpus \d+\.\d\dx and \d+\.\d\dx \((met|NOT met)\); held-out corpus/m);
    // The three tools on the template tree, and the repository-shaped tree with its two floors.
    for (const tool of ['`ssm-mw-contracts lint DIR`', '@aws/cloudformation-validate [\\d.]+ \\(one RegoEngine, reused for every file\\)', '`cfn-lint DIR/\\*\\*/\\*\\.yaml DIR/\\*\\*/\\*\\.yml DIR/\\*\\*/\\*\\.json`']) {
      expect(markdown).toMatch(new RegExp(`^\\| ${tool} \\| \\d+\\.\\d\\d \\| \\d+ \\| \\d+\\.\\dx \\| \\d+\\.\\d \\|$`, 'm'));
    }
    expect(markdown).toMatch(/^- Goals \(issue 18\): lint at least 10x faster than @aws\/cloudformation-validate/m);
    expect(markdown).toMatch(/^\| `ssm-mw-contracts lint \.` \| \d+\.\d\d \| \d+\.\d\dx \| \d+\.\d \|$/m);
    expect(markdown).toMatch(/^\| read floor: .* \| \d+\.\d\d \| 1\.00x \| \d+\.\d \|$/m);
    expect(markdown).toMatch(/^\| text search: `grep -rlF .* \| \d+\.\d\d \| \d+\.\d\dx \| \d+\.\d \|$/m);
    expect(markdown).toMatch(/^- Load average \(1, 5, 15 min\) when the section started: [\d.]+, [\d.]+, [\d.]+, on \d+ cores\.$/m);
    expect(markdown).toMatch(/^\| `node dist\/cli\.cjs validate examples\/register-patch-task\.json` \| \d+\.\d \| \d+\.\d\dx \| \d+\.\d \|$/m);
    expect(markdown).toMatch(/^\| `generated\/docs\/index\.html` \| [\d,]+ bytes \(\d+\.\d KiB\) \|$/m);
    expect(markdown).toMatch(/^\| ms from navigation to the checker ready \(median of 2 cold opens\) \| \d+\.\d \|$/m);
    expect(markdown).toMatch(/^Machine: \d+ CPUs \(nproc\), .+, Node v\d+/m);
  });
});
