import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { gunzipSync } from 'node:zlib';
import { parse as parseYaml } from 'yaml';
import { compareWithModel, type PaginatorModel, type ServiceModel } from '../../drift/compare.js';
import { explain, parseExplanations } from '../../drift/explain.js';
import { isRecord } from '../../values/value-facts.js';
import { errorCode, messageOf } from '../../values/thrown.js';
import { EXIT, UsageError, useColor, type Io } from '../io.js';
import { renderDriftJson } from '../../report/json/drift.js';
import { renderDriftText } from '../../report/text/drift.js';

export const usage = `Usage: ssm-mw-contracts check-model [options]

Compares AWS's service model for SSM with what this library's schemas enforce, over the
shape closure of every operation it checks: every member, required flag, length,
range, enum value, pattern and trait. Prints the differences; fails on any that
spec/model-drift.yaml does not explain.

Options:
      --model FILE        the service model (service-2.json, or .json.gz); default: the one
                          of the botocore that python3 imports
      --paginators FILE   paginators-1.json; default: the one next to the model, if any
  -f, --format FORMAT     text (default) or json
  -h, --help              show this help

Exit status: 0 every difference explained, 1 a difference that is not, 2 usage error or
unreadable model.
`;

const BOTOCORE = 'import botocore, os; print(botocore.__version__); print(os.path.dirname(botocore.__file__))';
export const SSM_MODEL_DIR = join('data', 'ssm', '2014-11-06');

/** SSM's service model in the botocore that `python3` imports: the file, and botocore's version. */
export function locateBotocoreModel(): { file: string; version: string } {
  let version: string;
  let dir: string;
  try {
    [version, dir] = execFileSync('python3', ['-c', BOTOCORE], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] }).trim().split('\n') as [string, string];
  } catch (error) {
    const detail = errorCode(error) === 'ENOENT' ? 'python3 is not on PATH' : 'python3 cannot import botocore';
    throw new UsageError(`cannot find SSM's service model: ${detail}; install botocore (python3 -m pip install botocore) or pass --model FILE`);
  }
  const file = ['service-2.json.gz', 'service-2.json'].map((name) => join(dir, SSM_MODEL_DIR, name)).find((f) => existsSync(f));
  if (!file) throw new UsageError(`botocore ${version} at ${dir} has no SSM model in ${SSM_MODEL_DIR}; pass --model FILE`);
  return { file, version };
}

/** A JSON file, gzipped or not (told by its first bytes, not its name). */
export function readJsonFile(file: string): unknown {
  let bytes: Buffer;
  try {
    bytes = readFileSync(file);
  } catch (error) {
    throw new UsageError(`cannot read ${file}: ${errorCode(error) === 'ENOENT' ? 'no such file' : messageOf(error)}`);
  }
  try {
    const text = bytes[0] === 0x1f && bytes[1] === 0x8b ? gunzipSync(bytes).toString('utf8') : bytes.toString('utf8');
    return JSON.parse(text);
  } catch (error) {
    throw new UsageError(`${file} is not JSON (or gzipped JSON): ${messageOf(error)}`);
  }
}

function asServiceModel(value: unknown, file: string): ServiceModel {
  if (!isRecord(value) || !isRecord(value.metadata) || !isRecord(value.operations) || !isRecord(value.shapes)) {
    throw new UsageError(`${file} is not a service model: it needs metadata, operations and shapes`);
  }
  return value as unknown as ServiceModel;
}

function asPaginators(value: unknown, file: string): PaginatorModel {
  if (!isRecord(value) || !isRecord(value.pagination)) throw new UsageError(`${file} is not a paginators file: it needs pagination`);
  return value as unknown as PaginatorModel;
}

/** The package's root: the nearest directory above this module with spec/model-drift.yaml (src/ or dist/ alike). */
function specFile(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    const candidate = join(dir, 'spec', 'model-drift.yaml');
    if (existsSync(candidate)) return candidate;
    const parent = dirname(dir);
    if (parent === dir) throw new Error('spec/model-drift.yaml is missing from the package');
    dir = parent;
  }
}

export function loadExplanations() {
  const file = specFile();
  try {
    return parseExplanations(parseYaml(readFileSync(file, 'utf8')));
  } catch (error) {
    throw new Error(`${file}: ${messageOf(error)}`);
  }
}

export async function run(argv: string[], io: Io): Promise<number> {
  const { values } = parseArgs({
    args: argv,
    allowPositionals: false,
    options: {
      model: { type: 'string' },
      paginators: { type: 'string' },
      format: { type: 'string', short: 'f', default: 'text' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) {
    io.stdout(usage);
    return EXIT.clean;
  }
  if (values.format !== 'text' && values.format !== 'json') throw new UsageError(`unknown format "${values.format}"; use text or json`);

  const botocore = values.model === undefined ? locateBotocoreModel() : undefined;
  const modelFile = botocore ? botocore.file : resolve(io.cwd, values.model!);
  const source = botocore ? `botocore ${botocore.version} (${modelFile})` : values.model!;
  const model = asServiceModel(readJsonFile(modelFile), modelFile);
  const besideModel = join(dirname(modelFile), 'paginators-1.json');
  const paginatorsFile = values.paginators !== undefined ? resolve(io.cwd, values.paginators) : existsSync(besideModel) ? besideModel : undefined;
  const paginators = paginatorsFile === undefined ? undefined : asPaginators(readJsonFile(paginatorsFile), paginatorsFile);

  const result = explain(compareWithModel(model, paginators), loadExplanations());
  if (values.format === 'json') {
    io.stdout(renderDriftJson(result, source, paginatorsFile));
  } else {
    const withPaginators = paginatorsFile
      ? ` (with ${paginatorsFile === besideModel ? 'the paginators-1.json beside it' : paginatorsFile})`
      : ' (paginator not compared: no paginators-1.json beside the model; pass --paginators FILE)';
    io.stdout(renderDriftText(result, useColor(io), `${source}${withPaginators}`));
  }
  return result.differences.some((d) => !d.explainedBy) ? EXIT.findings : EXIT.clean;
}
