import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import ts from 'typescript';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { exchangeCodes, fieldCodes, inputCodes, scheduleCodes } from '../src/issues/codes.js';
import { validate } from '../src/validate/validate.js';
import { runCli } from './support/cli.js';
import { allPages, anchors, codeBlocks, lineCount, linkTargets, PAGES, readPage } from './support/docs.js';
import { ROOT } from './support/spec.js';

/*
 * The README and docs/ say only what is so: the README stays short, every relative link leads to
 * a file (and heading) that exists, every command shown prints what is shown, every TypeScript
 * snippet prints the output shown under it, and the list of issue codes is the codes' own list.
 */

const pages = allPages();

describe('README.md', () => {
  it('is at most 250 lines: a newcomer reads it in five minutes, the rest lives in docs/', () => {
    expect(lineCount(readPage('README.md'))).toBeLessThanOrEqual(250);
  });

  it('links every page of docs/', () => {
    const linked = new Set(linkTargets(readPage('README.md')).map((t) => t.split('#')[0]));
    expect(PAGES.filter((p) => p.startsWith('docs/') && !linked.has(p))).toEqual([]);
  });
});

describe('every relative link of README.md and docs/ resolves to a file in the repository, and to a heading of it', () => {
  it.each(PAGES.map((p) => [p]))('%s', (page) => {
    const broken: string[] = [];
    for (const target of linkTargets(readPage(page))) {
      if (/^[a-z][a-z+.-]*:/i.test(target)) continue; // https:, mailto:
      const [path, anchor] = target.split('#') as [string, string | undefined];
      const file = path === '' ? join(ROOT, page) : resolve(ROOT, dirname(page), decodeURI(path));
      if (relative(ROOT, file).startsWith('..')) broken.push(`${target}: outside the repository`);
      else if (!existsSync(file)) broken.push(`${target}: no such file`);
      else if (anchor !== undefined) {
        if (!file.endsWith('.md') || statSync(file).isDirectory()) broken.push(`${target}: an anchor into a file that is not Markdown`);
        else if (!anchors(readFileSync(file, 'utf8')).has(anchor)) broken.push(`${target}: no such heading`);
      }
    }
    expect(broken).toEqual([]);
  });
});

/** `$ npx ssm-mw-contracts ARGS` (continued with a trailing backslash), then what it prints on stdout. */
interface Transcript {
  page: string;
  argv: string[];
  shown: string;
}

/** The words of a command as a POSIX shell splits them, for the quoting the pages use: 'single' and "double" quoted words. */
function shellWords(command: string): string[] {
  return [...command.matchAll(/'([^']*)'|"([^"]*)"|(\S+)/g)].map((m) => m[1] ?? m[2] ?? m[3]!);
}

/** The version of the time-zone data a page's output names is that of the machine that ran it: compared as any version. */
const anyTzdata = (text: string) => text.replace(/tzdata \d{4}[a-z]+/g, 'tzdata <version>');

function transcripts(): Transcript[] {
  return pages.flatMap(({ page, text }) =>
    codeBlocks(text)
      .filter((b) => b.lang === '' && b.body.startsWith('$ npx ssm-mw-contracts '))
      .map((b) => {
        const lines = b.body.split('\n');
        let n = 1;
        while (lines[n - 1]!.endsWith(' \\')) n++;
        const command = lines.slice(0, n).map((l) => l.replace(/ \\$/, '')).join(' ');
        return { page, argv: shellWords(command.slice('$ npx ssm-mw-contracts '.length)), shown: lines.slice(n).join('\n') };
      }),
  );
}

describe('every command shown with its output prints that output', () => {
  const all = transcripts();

  it('finds them in the README and in the pages about lint, each reader, exchanges and schedules', () => {
    expect([...new Set(all.map((t) => t.page))]).toEqual(expect.arrayContaining(['README.md', 'docs/lint.md', 'docs/payload-files.md', 'docs/cloudformation.md', 'docs/terraform.md', 'docs/aws-cli.md', 'docs/exchanges-and-drift.md', 'docs/schedule.md']));
  });

  it.each(all.map((t) => [`${t.page}: ${t.argv.join(' ')}`, t] as const))('%s', async (_, t) => {
    const run = await runCli(t.argv, { env: { NO_COLOR: '1' } });
    expect(run.stderr).toBe('');
    expect(anyTzdata(run.stdout)).toBe(anyTzdata(t.shown));
  });
});

describe('every TypeScript snippet prints the output shown under it', () => {
  const work = mkdtempSync(join(tmpdir(), 'ssm-mw-contracts-docs-'));
  afterAll(() => rmSync(work, { recursive: true, force: true }));

  /** What the snippets import, as this checkout provides it. */
  const specifiers: Record<string, string> = {
    'ssm-mw-contracts': pathToFileURL(join(ROOT, 'src', 'index.ts')).href,
    'ssm-mw-contracts/aws-sdk': pathToFileURL(join(ROOT, 'src', 'aws-sdk', 'index.ts')).href,
    'ssm-mw-contracts/cdk': pathToFileURL(join(ROOT, 'src', 'cdk', 'index.ts')).href,
    '@aws-sdk/client-ssm': import.meta.resolve('@aws-sdk/client-ssm'),
    'aws-cdk-lib': import.meta.resolve('aws-cdk-lib'),
    'aws-cdk-lib/aws-ssm': import.meta.resolve('aws-cdk-lib/aws-ssm'),
  };

  const snippets = pages.flatMap(({ page, text }) => {
    const blocks = codeBlocks(text);
    return blocks.flatMap((b, i) => {
      if (b.lang !== 'ts') return [];
      const next = blocks[i + 1];
      const output = next && next.lang === '' && text.slice(b.end, next.start).trim() === '' ? next.body : undefined;
      return [{ name: `${page} #${blocks.filter((o) => o.lang === 'ts').indexOf(b) + 1}`, code: b.body, output }];
    });
  });

  it('finds the API example of the README, the SDK plugin example and the CDK plugin example', () => {
    expect(snippets.map((s) => s.name.split(' ')[0])).toEqual(expect.arrayContaining(['README.md', 'docs/aws-sdk.md', 'docs/cdk.md']));
  });

  it('each type-checks, strictly, against the types the package exports', { timeout: 300_000 }, () => {
    const files = snippets.map((s) => {
      const file = join(work, `typecheck-${s.name.replace(/\W+/g, '-')}.ts`);
      writeFileSync(file, `${s.code}\nexport {};\n`);
      return file;
    });
    const options: ts.CompilerOptions = {
      strict: true,
      noEmit: true,
      skipLibCheck: true,
      target: ts.ScriptTarget.ES2022,
      module: ts.ModuleKind.ESNext,
      moduleResolution: ts.ModuleResolutionKind.Bundler,
      lib: ['lib.es2022.d.ts'],
      types: ['node'],
      typeRoots: [join(ROOT, 'node_modules', '@types')],
      // The snippets live outside the checkout: their imports are mapped to what the checkout provides.
      paths: {
        'ssm-mw-contracts': [join(ROOT, 'src', 'index.ts')],
        'ssm-mw-contracts/aws-sdk': [join(ROOT, 'src', 'aws-sdk', 'index.ts')],
        'ssm-mw-contracts/cdk': [join(ROOT, 'src', 'cdk', 'index.ts')],
        '@aws-sdk/client-ssm': [join(ROOT, 'node_modules', '@aws-sdk', 'client-ssm')],
        'aws-cdk-lib': [join(ROOT, 'node_modules', 'aws-cdk-lib')],
        'aws-cdk-lib/*': [join(ROOT, 'node_modules', 'aws-cdk-lib', '*')],
      },
    };
    const program = ts.createProgram(files, options);
    const diagnostics = ts.getPreEmitDiagnostics(program).filter((d) => d.file !== undefined && files.includes(d.file.fileName));
    expect(ts.formatDiagnostics(diagnostics, { getCanonicalFileName: (f) => f, getCurrentDirectory: () => work, getNewLine: () => '\n' })).toBe('');
  });

  it.each(snippets.map((s) => [s.name, s] as const))('%s', async (name, s) => {
    expect(s.output, `${name} has no output block right under it`).toBeDefined();
    const code = s.code.replace(/(['"])(ssm-mw-contracts(?:\/aws-sdk|\/cdk)?|@aws-sdk\/client-ssm|aws-cdk-lib(?:\/aws-ssm)?)\1/g, (_, q: string, spec: string) => `${q}${specifiers[spec]}${q}`);
    const file = join(work, `${name.replace(/\W+/g, '-')}.ts`);
    writeFileSync(file, code);
    const printed: string[] = [];
    const capture = (...args: unknown[]) => void printed.push(args.map(String).join(' '));
    const spies = (['log', 'warn', 'error'] as const).map((m) => vi.spyOn(console, m).mockImplementation(capture));
    // A CDK app without an outdir writes its cloud assembly where CDK_OUTDIR says (else to a new temporary directory, left behind).
    vi.stubEnv('CDK_OUTDIR', join(work, `${name.replace(/\W+/g, '-')}.cdk.out`));
    try {
      await import(pathToFileURL(file).href);
    } finally {
      for (const spy of spies) spy.mockRestore();
      vi.unstubAllEnvs();
    }
    expect(`${printed.join('\n')}\n`).toBe(s.output);
  });
});

describe('docs/issues.md', () => {
  it('shows an issue as validate() returns it on the sample request it names', () => {
    const shown = JSON.parse(codeBlocks(readPage('docs/issues.md')).find((b) => b.lang === 'json')!.body) as { code: string };
    const sample = JSON.parse(readFileSync(join(ROOT, 'spec', 'examples', 'register-sample-request.json'), 'utf8'));
    expect(validate('RegisterTaskWithMaintenanceWindow', 'request', sample).issues.find((i) => i.code === shown.code)).toEqual(shown);
  });


  it('lists every code the model, the input readers, the exchange checker and the schedule rules raise, with its severity and title', () => {
    const rows = [...readPage('docs/issues.md').matchAll(/^\| `([a-z_0-9]+)` \| (error|warning|info) \| (.+) \|$/gm)].map((m) => [m[1]!, m[2]!, m[3]!]);
    const codes = Object.entries({ ...fieldCodes, ...inputCodes, ...exchangeCodes, ...scheduleCodes }).map(([code, c]) => [code, c.severity, c.title]);
    expect(rows).toEqual(codes);
  });
});

it('docs/performance.md holds the markers between which npm run bench writes its tables', () => {
  const page = readPage('docs/performance.md');
  expect(page.indexOf('<!-- bench:start -->')).toBeGreaterThan(-1);
  expect(page.indexOf('<!-- bench:end -->')).toBeGreaterThan(page.indexOf('<!-- bench:start -->'));
});
