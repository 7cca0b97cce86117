// One feature never reaches into another's internals: from renderer/features/<a>/, an import that lands
// in renderer/features/<b>/ (b ≠ a) must name a folder with an index — the feature's public face
// (features/<b>) or a public module of it (features/reports/excel) — never a file inside it. Pieces
// that several features share live in renderer/ui instead. ESLint's import bans match specifiers as
// text; this rule resolves them, so that '../photos/PhotoPanel' and '../../photos/PhotoPanel' are the same.
import { existsSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';

const FEATURES = resolve(import.meta.dirname, '..', '..', 'renderer', 'features');

const featureOf = (path) => {
  const rel = relative(FEATURES, path);
  return rel.startsWith('..') || rel === '' ? null : rel.split(sep)[0];
};

const isPublicModule = (path) =>
  existsSync(path) &&
  statSync(path).isDirectory() &&
  ['index.ts', 'index.tsx'].some((name) => existsSync(join(path, name)));

const noFeatureInternals = {
  meta: {
    type: 'problem',
    schema: [],
    messages: {
      internal:
        "'{{spec}}' reaches into the {{feature}} feature: import its public face (features/{{feature}}, its index) or move the shared piece to renderer/ui.",
    },
  },
  create(context) {
    const own = featureOf(context.filename);
    if (own === null) return {};
    const check = (source) => {
      if (!source || source.type !== 'Literal' || typeof source.value !== 'string') return;
      const spec = source.value;
      if (!spec.startsWith('.')) return;
      const target = resolve(dirname(context.filename), spec);
      const feature = featureOf(target);
      if (feature === null || feature === own || isPublicModule(target)) return;
      context.report({ node: source, messageId: 'internal', data: { spec, feature } });
    };
    return {
      ImportDeclaration: (node) => check(node.source),
      ImportExpression: (node) => check(node.source),
      ExportNamedDeclaration: (node) => check(node.source),
      ExportAllDeclaration: (node) => check(node.source),
    };
  },
};

export const featureWalls = {
  files: ['renderer/features/**/*.{ts,tsx}'],
  plugins: { ducha: { rules: { 'no-feature-internals': noFeatureInternals } } },
  rules: { 'ducha/no-feature-internals': 'error' },
};
