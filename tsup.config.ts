import { readdirSync, readFileSync } from 'node:fs';
import { defineConfig, type Options } from 'tsup';

const { version } = JSON.parse(readFileSync('./package.json', 'utf8')) as { version: string };
const define = { __VERSION__: JSON.stringify(version) };

/** The CLI's subcommands: src/cli/commands/<name>.ts, each built to dist/cli-<name>.cjs. */
const COMMANDS = readdirSync('src/cli/commands')
  .filter((f) => f.endsWith('.ts'))
  .map((f) => f.slice(0, -'.ts'.length));

/**
 * src/cli/main.ts loads a subcommand with `import('./commands/<name>.js')`. In the build that
 * import stays out of the entry's bundle and names the subcommand's own file.
 */
const commandsApart: NonNullable<Options['esbuildPlugins']>[number] = {
  name: 'commands-apart',
  setup(build) {
    build.onResolve({ filter: /^\.\/commands\/[a-z-]+\.js$/ }, (args) =>
      args.importer.endsWith('main.ts') ? { path: `./cli-${args.path.slice('./commands/'.length, -'.js'.length)}.cjs`, external: true } : undefined,
    );
  },
};

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
    // The command line: CommonJS, one file per subcommand with everything it needs in it, and
    // lint's worker thread beside them (src/cli/lint-pool.ts finds it next to its own file). Node 20
    // starts one CommonJS file faster than the same code as an ES module, and far faster than as
    // ES modules in shared chunks: `validate` on one file took 1.36x `node -e 0` against 1.64x with
    // chunks, in the same alternating runs (docs/performance.md).
    entry: {
      cli: 'src/cli/bin.ts',
      'lint-worker': 'src/cli/lint-worker.ts',
      ...Object.fromEntries(COMMANDS.map((name) => [`cli-${name}`, `src/cli/commands/${name}.ts`])),
    },
    format: ['cjs'],
    target: 'node20',
    splitting: false,
    shims: true,
    esbuildPlugins: [commandsApart],
    // import() of a subcommand becomes require(): an import() would start Node's ES module loader
    // for a CommonJS file, and cost more than the split saves.
    esbuildOptions(options) {
      options.supported = { ...options.supported, 'dynamic-import': false };
    },
    define,
  },
]);
