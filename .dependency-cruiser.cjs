/*
 * The layers of src/, bottom to top. A file imports only from its own layer and the layers below
 * it (type-only and dynamic imports included), and no import goes round in a circle.
 * test/architecture.test.ts runs this in `npm test`; `npm run check:layers` prints what breaks it.
 */
const LAYERS = [
  { name: 'issues', path: '^src/issues/', holds: 'codes (every code and rule id, declared once), the issue type, paths and pointers, the one formatter' },
  { name: 'values', path: '^src/values/', holds: 'facts about plain values: UNKNOWN, setOwn, isRecord, code-point lengths, what was thrown, oncePer (an answer kept per object)' },
  { name: 'schedule', path: '^src/schedule/', holds: "SSM's schedule dialect (cron, rate, at): read and checked, next run times, words; its codes and their words are the issues layer's" },
  { name: 'shapes', path: '^src/shapes/', holds: "the hand-written Zod schemas of AWS's shapes and their metadata registry" },
  { name: 'operations', path: '^src/operations/', holds: 'the operations: request, response and errors' },
  { name: 'rules and compiled checks', path: '^src/(rules|compiled)/', holds: "the contract's documented rules; the checks generated from the schemas (compiled/generated/) and their runtime" },
  { name: 'validate', path: '^src/validate/', holds: 'validate(), its option checks, the bound on checked items' },
  { name: 'parse', path: '^src/parse/', holds: 'generic parsing, one folder per file kind (text, json, yaml, hcl, shell), one limits file; nothing about SSM' },
  { name: 'readers', path: '^src/readers/', holds: 'one folder per file kind lint reads (payload, cloudformation, terraform, aws-cli), each with its rules/; the Reader interface; the catalog of every rule' },
  { name: 'lint', path: '^src/lint/', holds: 'the engine, the walk over a tree, gitignore, the list of readers' },
  { name: 'use cases', path: '^src/(payload-files|exchange|drift|explain)/', holds: 'what the commands do: validate payload files, check exchanges, compare with the service model, explain a schedule' },
  { name: 'report', path: '^src/report/', holds: "every command's renderers (text, JSON, SARIF, GitHub) over the one located-finding type, and printable()" },
  { name: 'generate', path: '^src/generate/', holds: 'the generators of generated/ and src/compiled/generated/ (the HTML page renders a report)' },
  { name: 'entry points', path: '^src/(cli|aws-sdk|cdk)/|^src/[^/]+\\.ts$', holds: 'the package exports (index.ts, parsers.ts), the command line, the AWS SDK plugin, the CDK plugin' },
];

const up = LAYERS.slice(0, -1).map((layer, i) => ({
  name: `layer-order: ${layer.name}`,
  comment: `${layer.name} (${layer.holds}) imports only from itself and the layers below it`,
  severity: 'error',
  from: { path: layer.path },
  to: { path: LAYERS.slice(i + 1).map((l) => l.path) },
}));

module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      comment: 'no import circle, type-only imports included',
      severity: 'error',
      from: { path: '^src/' },
      to: { circular: true },
    },
    ...up,
    {
      name: 'reader-rules-below-readers',
      comment:
        "a reader's rules/ (and the catalog of every rule, which lists them) know the rule shape and the facts and values their checks decide on (the provider's schema, Terraform's values and references, the handler's base64), never the readers that call them",
      severity: 'error',
      from: { path: ['^src/readers/[^/]+/rules/', '^src/readers/rule-catalog\\.ts$'] },
      to: {
        path: '^src/readers/',
        pathNot: ['^src/readers/reader-rule\\.ts$', '^src/readers/[^/]+/rules/', '^src/readers/terraform/(schema|evaluate|references)\\.ts$', '^src/readers/cloudformation/base64\\.ts$'],
      },
    },
  ],
  options: {
    includeOnly: '^src/',
    // `import type` counts: a type-only circle is still a circle for whoever reads the code.
    tsPreCompilationDeps: true,
  },
};

// For test/architecture.test.ts, which also checks that every file of src/ lies in a layer (not enumerable: dependency-cruiser refuses keys it does not know).
Object.defineProperty(module.exports, 'LAYERS', { value: LAYERS, enumerable: false });
