/**
 * The layering of src/, checked by `npm run lint:layers` (part of `npm run lint`). The layers, top
 * to bottom, and what each may import are described in docs/architecture.md; this file is that
 * table as rules. Each layer may import itself and the layers in its `mayImport`, nothing else of
 * src/, so an import running back up is reported under the rule of the layer it leaves. Type-only
 * imports count (tsPreCompilationDeps): the build erases them, but a circle of types still ties
 * the modules together.
 */

/** Paths as dependency-cruiser matches them: regular expressions over paths from the root. */
const layers = {
  entry: ['^src/main[.]ts$', '^src/cli/', '^src/server[.]ts$', '^src/http/'],
  api: ['^src/resolvers/', '^src/graphql/', '^src/__generated__/', '^src/context[.]ts$'],
  services: ['^src/mutations/'],
  pipelines: ['^src/import/', '^src/export/', '^src/generate/'],
  loaders: ['^src/loaders/'],
  data: ['^src/repositories/', '^src/analysis/'],
  executor: ['^src/db/'],
  base: [
    '^src/domain/',
    '^src/taxonomy/',
    '^src/auth/',
    '^src/errors[.]ts$',
    '^src/config[.]ts$',
    '^src/api-key-setting[.]ts$',
    '^src/logger[.]ts$',
    '^src/paths[.]ts$',
    '^src/process/',
  ],
};

/**
 * What each layer may import besides itself. The import and export pipelines sit beside the
 * services: the services may use them (a mutation validates as the importer does), they use
 * neither the services nor the API nor the loaders.
 */
const mayImport = {
  entry: ['api', 'services', 'pipelines', 'loaders', 'data', 'executor', 'base'],
  api: ['services', 'pipelines', 'loaders', 'data', 'executor', 'base'],
  services: ['pipelines', 'loaders', 'data', 'executor', 'base'],
  pipelines: ['data', 'executor', 'base'],
  loaders: ['data', 'executor', 'base'],
  data: ['executor', 'base'],
  executor: ['base'],
  base: [],
};

const everyLayer = Object.values(layers).flat();

/** The packages that make GraphQL: the data and the pipelines know nothing of them. */
const graphqlPackages = [
  '^node_modules/graphql/',
  '^node_modules/graphql-scalars/',
  '^node_modules/@apollo/',
  '^node_modules/@as-integrations/',
];

/** The API's own GraphQL code, which commands and plain HTTP routes have no use for. */
const graphqlCode = ['^src/graphql/', '^src/__generated__/', '^src/resolvers/'];

const importReaders = '^src/import/(csv|cyberpeace|eurepoc|misp|native|stix)/';

const layerRules = Object.entries(mayImport).map(([layer, allowed]) => ({
  name: `${layer}-imports-only-downward`,
  severity: 'error',
  comment: `${layer} may import only ${[layer, ...allowed].join(', ')} (docs/architecture.md).`,
  from: { path: layers[layer] },
  to: { path: '^src/', pathNot: [layer, ...allowed].flatMap((name) => layers[name]) },
}));

/** @type {import('dependency-cruiser').IConfiguration} */
export default {
  forbidden: [
    {
      name: 'no-circular',
      severity: 'error',
      comment: 'A module must not reach itself through its imports, type-only imports included.',
      from: { path: '^src/' },
      to: { circular: true },
    },
    ...layerRules,
    {
      name: 'in-a-layer',
      severity: 'error',
      comment:
        'Every module of src/ belongs to a layer: give a new folder its layer here and in ' +
        'docs/architecture.md.',
      from: { path: '^src/', pathNot: everyLayer },
      to: {},
    },
    {
      name: 'config-not-to-auth',
      severity: 'error',
      comment: 'The configuration reads the environment; auth may use it, not the other way round.',
      from: { path: '^src/config[.]ts$' },
      to: { path: '^src/auth/' },
    },
    {
      name: 'no-graphql-packages',
      severity: 'error',
      comment:
        'Services, loaders, data, pipelines, executor, base, the command line and the export ' +
        'routes know nothing of GraphQL: its packages are for the API layer and the server.',
      from: {
        path: [
          ...layers.services,
          ...layers.loaders,
          ...layers.data,
          ...layers.pipelines,
          ...layers.executor,
          ...layers.base,
          '^src/main[.]ts$',
          '^src/cli/',
          '^src/http/export-routes[.]ts$',
          '^src/http/identify-client[.]ts$',
        ],
      },
      to: { path: graphqlPackages },
    },
    {
      name: 'commands-and-exports-not-to-graphql-code',
      severity: 'error',
      comment: 'The command line and the HTTP export routes read plain strings, not GraphQL types.',
      from: { path: ['^src/main[.]ts$', '^src/cli/', '^src/http/export-routes[.]ts$'] },
      to: { path: graphqlCode },
    },
    {
      name: 'import-records-is-the-contract',
      severity: 'error',
      comment: 'Readers and the writer meet only in import/records.ts, which imports neither.',
      from: { path: '^src/import/records[.]ts$' },
      to: { path: '^src/import/' },
    },
    {
      name: 'import-readers-not-to-writer',
      severity: 'error',
      comment: 'A reader turns a file into records; writing them is the writer’s job.',
      from: { path: importReaders },
      to: { path: ['^src/import/writer[.]ts$', '^src/import/run-import[.]ts$'] },
    },
    {
      name: 'import-writer-not-to-readers',
      severity: 'error',
      comment: 'The writer takes records, whatever format they were read from.',
      from: { path: ['^src/import/writer[.]ts$', '^src/import/run-import[.]ts$'] },
      to: { path: importReaders },
    },
    {
      name: 'web-not-to-server',
      severity: 'error',
      comment: 'The explorer is a client of the API: it shares no code with the server.',
      from: { path: '^web/' },
      to: { path: '^src/' },
    },
    {
      name: 'server-not-to-clients-or-tests',
      severity: 'error',
      comment: 'Nothing in src/ imports the explorer, the benchmarks or the tests.',
      from: { path: '^src/' },
      to: { path: ['^web/', '^bench/', '^test/'] },
    },
    {
      name: 'resolvable',
      severity: 'error',
      comment:
        'An import that resolves to no file: a typo, or src/__generated__ not yet made by ' +
        '`npm run codegen` (part of `npm run build`).',
      from: {},
      to: { couldNotResolve: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    moduleSystems: ['es6'],
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default', 'types'],
      mainFields: ['module', 'main', 'types', 'typings'],
      extensions: ['.ts', '.tsx', '.js', '.d.ts'],
    },
    cache: { strategy: 'content' },
  },
};
