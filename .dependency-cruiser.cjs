/**
 * The layers of lib/, lowest first: each may import only its own layer and those below it.
 *   grammar     Kubernetes' grammar over plain JSON (cron, CIDR, selectors, typed readers)
 *   rules       the API server's validation and the shared policies, over plain data
 *   audit       rules over whole manifest sets, and their reports
 *   constructs  the cdk8s constructs and their prop checks
 *   app         the app, the cdk8s plugin, the CLI and the entry points (lib/index.ts, lib/analysis.ts)
 * `npm test` runs this (test/layers.test.ts) and fails on a circle or an import against the layers.
 */
const LAYERS = [
  ['grammar', '(^|/)lib/grammar/'],
  ['rules', '(^|/)lib/(validation|policy|network|security)/'],
  ['audit', '(^|/)lib/audit/'],
  ['constructs', '(^|/)lib/(core|deployment|database|wordpress|ingress|namespace|gitops)/'],
  ['app', '(^|/)lib/(app|plugin|cli)/|(^|/)lib/(index|analysis)\\.ts$'],
];

const upward = LAYERS.slice(0, -1).map(([name, path], i) => ({
  name: `${name}-imports-above`,
  comment: `${name} may not import ${LAYERS.slice(i + 1).map(([n]) => n).join(', ')}`,
  severity: 'error',
  from: { path },
  to: { path: LAYERS.slice(i + 1).map(([, p]) => `(${p})`).join('|') },
}));

module.exports = {
  forbidden: [
    { name: 'no-circular', comment: 'an import circle', severity: 'error', from: {}, to: { circular: true } },
    ...upward,
    {
      name: 'outside-the-layers',
      comment: 'a module of lib/ that is in no layer: add its folder to LAYERS',
      severity: 'error',
      from: { path: '(^|/)lib/', pathNot: LAYERS.map(([, p]) => `(${p})`).join('|') },
      to: {},
    },
  ],
  options: {
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '^(node_modules|imports)/' },
  },
};
