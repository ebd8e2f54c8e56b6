import { readFileSync } from 'node:fs';
import { defineConfig } from 'tsup';

const { version } = JSON.parse(readFileSync('./package.json', 'utf8')) as { version: string };
const define = { __VERSION__: JSON.stringify(version) };

export default defineConfig([
  {
    entry: { index: 'src/index.ts', 'aws-sdk': 'src/aws-sdk/index.ts', parsers: 'src/parsers.ts', cdk: 'src/cdk/index.ts' },
    format: ['esm', 'cjs'],
    dts: true,
    target: 'node20',
    // import.meta.url in the CommonJS build (src/parse/yaml/parse-yaml.ts loads `yaml` on first use).
    shims: true,
    define,
  },
  {
    // The command line: ESM, split so that each subcommand loads only what it needs; lint's worker
    // thread beside it (src/cli/lint-pool.ts finds it next to its own chunk).
    entry: { cli: 'src/cli/bin.ts', 'lint-worker': 'src/cli/lint-worker.ts' },
    format: ['esm'],
    target: 'node20',
    splitting: true,
    define,
  },
]);
