// The dependency rule of the modular monolith (docs/decisions/0001-modular-monolith.md), checked
// by `npm run check` and CI (.ci/run): app → modules/*/index.ts → access → ui → platform, and
// nothing in src/ imports the test helpers in tests/. Test files (*.test.ts, *.test.tsx) and the matrix rows (*.matrix.ts) are exempt.
/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'module-internals',
      comment: 'A module is entered only through its index.ts.',
      severity: 'error',
      from: { path: '^src/modules/([^/]+)/' },
      to: { path: '^src/modules/([^/]+)/', pathNot: ['^src/modules/$1/', '^src/modules/[^/]+/index\\.ts$'] },
    },
    {
      name: 'sub-module-internals',
      comment: 'A sub-module (a folder inside a module, such as pact/agenda) is entered from outside it only through its index.ts: it owns its tables, row types and use cases.',
      severity: 'error',
      from: { path: '^src/modules/([^/]+)/([^/]+)/' },
      to: { path: '^src/modules/$1/[^/]+/', pathNot: ['^src/modules/$1/$2/', '^src/modules/$1/[^/]+/index\\.ts$'] },
    },
    {
      name: 'module-shell-uses-sub-module-front-door',
      comment: "A module's own files reach its sub-modules through their index.ts too.",
      severity: 'error',
      from: { path: '^src/modules/([^/]+)/[^/]+\\.tsx?$' },
      to: { path: '^src/modules/$1/[^/]+/', pathNot: '^src/modules/$1/[^/]+/index\\.ts$' },
    },
    {
      name: 'host-uses-module-front-door',
      comment: 'The host (src/app) reaches modules through their index.ts only.',
      severity: 'error',
      from: { path: '^src/app/' },
      to: { path: '^src/modules/[^/]+/', pathNot: '^src/modules/[^/]+/index\\.ts$' },
    },
    {
      name: 'platform-and-ui-stay-generic',
      comment: 'platform and ui know nothing of modules, access or the host.',
      severity: 'error',
      from: { path: '^src/(platform|ui)/' },
      to: { path: '^src/(modules|app)/' },
    },
    {
      name: 'platform-below-access',
      severity: 'error',
      from: { path: '^src/platform/' },
      to: { path: '^src/(access|ui)/' },
    },
    {
      name: 'ui-below-access',
      comment: 'ui is below access: views receive what the policy decided, they do not import it.',
      severity: 'error',
      from: { path: '^src/ui/' },
      to: { path: '^src/access/' },
    },
    {
      name: 'access-below-modules',
      severity: 'error',
      from: { path: '^src/access/' },
      to: { path: '^src/(modules|app)/' },
    },
    {
      name: 'no-test-support-in-src',
      comment: 'Shipped code never imports the test helpers in tests/ (test files are exempt).',
      severity: 'error',
      from: { path: '^src/' },
      to: { path: '^tests/' },
    },
    {
      name: 'no-circular',
      severity: 'error',
      from: {},
      to: { circular: true, dependencyTypesNot: ['type-only'] },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    // Test files, and each module's rows of the authorization matrix (test material beside the code).
    exclude: { path: '(\\.test\\.tsx?|\\.matrix\\.ts)$' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: { extensions: ['.ts', '.tsx', '.js'] },
  },
};
