// Dependencies go one way: no module may reach itself again through its imports. Type-only imports count too,
// since a cycle of types still ties the modules together. `npm run lint` runs this over the TypeScript code.
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
