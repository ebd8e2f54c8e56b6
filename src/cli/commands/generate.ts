import { mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { parseArgs } from 'node:util';
import { compareFiles, generateFiles } from '../../generate/index.js';
import { EXIT, UsageError, type Io } from '../io.js';
import { printable } from '../../report/printable.js';

export const usage = `Usage: ssm-mw-contracts generate [--out DIR] [--check]

Writes the contract's generated artifacts (JSON Schema 2020-12 and draft-07, OpenAPI 3.1 and
3.0, Markdown and HTML reference, AWS CLI skeletons) to DIR, by default ./generated.

Options:
  -o, --out DIR   where the artifacts go (default: generated)
      --check     write nothing; exit 1 when DIR differs from a fresh run
  -h, --help      show this help

Exit status: 0 written (or up to date), 1 out of date (--check), 2 usage error.
`;

async function listFiles(root: string): Promise<string[]> {
  const entries = await readdir(root, { withFileTypes: true, recursive: true }).catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return [];
    throw error;
  });
  return entries.filter((e) => e.isFile()).map((e) => relative(root, join(e.parentPath, e.name)).split(sep).join('/'));
}

/** The files under the folders the generator owns (json-schema/, openapi/, ...); nothing else in DIR is touched. */
async function readTree(root: string, owned: ReadonlySet<string>): Promise<Map<string, string>> {
  const files = new Map<string, string>();
  for (const folder of [...owned].sort()) {
    for (const path of (await listFiles(join(root, folder))).sort()) files.set(`${folder}/${path}`, await readFile(join(root, folder, path), 'utf8'));
  }
  return files;
}

export async function run(argv: string[], io: Io): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: { out: { type: 'string', short: 'o', default: 'generated' }, check: { type: 'boolean' }, help: { type: 'boolean', short: 'h' } },
  });
  if (values.help) {
    io.stdout(usage);
    return EXIT.clean;
  }
  if (positionals.length > 0) throw new UsageError(`unexpected argument "${positionals[0]}"`);
  const out = resolve(io.cwd, values.out);
  // What is shown: the directory as given, and the names of files in it, which a pull request may have added.
  const shown = printable(values.out.replace(/(?<!\/)\/+$/, ''));
  const files = generateFiles();
  const committed = await readTree(out, new Set([...files.keys()].map((p) => p.split('/')[0]!)));
  const { changed, missing, extra } = compareFiles(files, committed);

  if (values.check) {
    if (changed.length + missing.length + extra.length === 0) {
      io.stdout(`${shown}/ is up to date (${files.size} files).\n`);
      return EXIT.clean;
    }
    const lines = [...changed.map((p) => `  changed  ${shown}/${p}`), ...missing.map((p) => `  missing  ${shown}/${p}`), ...extra.map((p) => `  extra    ${shown}/${printable(p)}`)];
    io.stdout(`${shown}/ is out of date: it differs from what the schemas in src/ generate.\n${lines.join('\n')}\nRun 'npm run generate' (or 'ssm-mw-contracts generate --out ${shown}') and commit the result.\n`);
    return EXIT.findings;
  }

  for (const [path, content] of files) {
    if (committed.get(path) === content) continue;
    const target = join(out, path);
    await mkdir(dirname(target), { recursive: true });
    await writeFile(target, content);
  }
  for (const path of extra) await rm(join(out, path));
  io.stdout(`Wrote ${files.size} files to ${shown}/ (${changed.length + missing.length} changed, ${extra.length} removed).\n`);
  return EXIT.clean;
}
