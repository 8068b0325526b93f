// Dependencies go one way: no module may reach itself again through its imports, and between the folders of
// functions/ the direction is content → catalog → core ← adapters ← handlers, with functions/vocabulary/ a leaf
// that any of them may import. Type-only imports count too, since a cycle of types still ties the modules
// together. `npm run lint` runs this over the TypeScript code.
/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      severity: 'error',
      comment: 'This module imports something that (through its own imports) imports this module again. Move the shared part to a module both can import.',
      from: {},
      to: { circular: true },
    },
    {
      name: 'core-must-not-import-catalog',
      severity: 'error',
      comment:
        'functions/core must not import functions/catalog: the catalog reads content/ and imports the core, so the core importing it closes a loop. Give the core its own type for what it reads (core/catalog-shape.ts, with the schema proving it gives that shape), move a module the core needs into core, or put words both need in functions/vocabulary/.',
      from: { path: '^functions/core/' },
      to: { path: '^functions/catalog/' },
    },
    {
      name: 'vocabulary-must-not-import-our-code',
      severity: 'error',
      comment:
        'functions/vocabulary/ holds words that core, catalog and the browser all use, so it imports none of our code: anything may import it without a loop. Move what it needs into it, or the word out of it.',
      from: { path: '^functions/vocabulary/' },
      to: { path: '^(functions|site|infra|scripts|bench)/', pathNot: '^functions/vocabulary/' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: ['(^|/)node_modules/', '^site/dist/', '^site/\\.astro/', '^cdk\\.out/'] },
    includeOnly: '^(functions|site|infra|scripts|bench)/',
    tsConfig: { fileName: 'tsconfig.json' },
    tsPreCompilationDeps: true,
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default', 'types'],
      extensions: ['.ts', '.js'],
    },
  },
};
