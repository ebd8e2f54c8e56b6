import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { CHECKER_SCRIPT } from '../src/generate/html-checker/bundled.js';
import { IDS, READY_MARK } from '../src/generate/html-checker/ids.js';
import { render } from '../test/support/chromium.js';
import { fixed, median, type BenchOptions, type Section } from './section.js';

/*
 * The HTML reference (generated/docs/index.html) as a person opens it: its size, how long headless
 * Chromium takes from navigation to the payload checker being ready (a performance mark the page's
 * script sets once it is wired up), and how long the page takes to check the seed's sample request
 * (its checks and the findings drawn). Each open is a new Chromium with a new profile: a cold open.
 */

const ROOT = join(import.meta.dirname, '..');
const PAGE = join(ROOT, 'generated', 'docs', 'index.html');
const SAMPLE = readFileSync(join(ROOT, 'spec', 'examples', 'register-sample-request.json'), 'utf8');

const kib = (bytes: number) => `${bytes.toLocaleString('en-US')} bytes (${fixed(bytes / 1024, 1)} KiB)`;

export const htmlPage: Section = {
  title: 'The HTML reference with its payload checker, in headless Chromium',
  async run({ short, log }: BenchOptions) {
    const bytes = statSync(PAGE).size;
    const script = Buffer.byteLength(CHECKER_SCRIPT);
    const opens = short ? 2 : 15;
    const ready: number[] = [];
    const checked: number[] = [];
    for (let i = 0; i < opens; i++) {
      const page = await render(pathToFileURL(PAGE).href, {
        facts: { ready: `performance.getEntriesByName(${JSON.stringify(READY_MARK)})[0]?.startTime` },
        interact: async (p) =>
          p.evaluate(`(() => {
            document.getElementById(${JSON.stringify(IDS.input)}).value = ${JSON.stringify(SAMPLE)};
            const start = performance.now();
            document.getElementById(${JSON.stringify(IDS.run)}).click();
            const ms = performance.now() - start;
            if (document.querySelectorAll('#${IDS.result} tr.finding').length !== 3) throw new Error('the sample request did not give its 3 findings');
            return ms;
          })()`),
      });
      if (typeof page.facts.ready !== 'number') throw new Error('the page never marked its checker ready');
      if (page.requests.length !== 1) throw new Error(`the page asked for more than itself: ${page.requests.join(', ')}`);
      ready.push(page.facts.ready);
      checked.push(page.interaction as number);
    }
    log(`  the page opened ${opens} times`);
    return {
      header: ['what', 'measured'],
      rows: [
        ['`generated/docs/index.html`', kib(bytes)],
        ['its checker script (inline, minified)', kib(script)],
        [`ms from navigation to the checker ready (median of ${opens} cold opens)`, fixed(median(ready), 1)],
        ['ms to check the seed sample request and show its findings, in the page (median)', fixed(median(checked), 1)],
      ],
      notes: [
        'The page is one file that asks nothing of the network (it is opened from disk, and its Content-Security-Policy allows only its own inline script and styles); the script holds the compiled checks, the rules, the JSON and YAML readers (the `yaml` package) and the formatter.',
        `Each open is a new headless Chromium (${short ? 'few opens: the CI mode' : 'a new profile each time'}); ready is the startTime of the "${READY_MARK}" performance mark, set once the script has wired up the panel, after the page has parsed.`,
      ],
    };
  },
};
