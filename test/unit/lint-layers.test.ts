// The layers of ARCHITECTURE.md are held by lint: this writes real files that break them into the
// tree, runs the project's own ESLint configuration on them, and expects errors.
import { ESLint } from 'eslint';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const REPO = join(import.meta.dirname, '..', '..');
const written: string[] = [];

async function lint(relativePath: string, code: string): Promise<string[]> {
  const file = join(REPO, relativePath);
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, code);
  written.push(file);
  const eslint = new ESLint({ cwd: REPO });
  const [result] = await eslint.lintFiles([file]);
  return (result?.messages ?? [])
    .filter((m) =>
      [
        'no-restricted-imports',
        'no-restricted-globals',
        'no-restricted-syntax',
        'ducha/no-feature-internals',
      ].includes(m.ruleId ?? ''),
    )
    .map((m) => m.message);
}

afterAll(() => {
  for (const file of written) rmSync(dirname(file), { recursive: true, force: true });
});

describe('layer rules', () => {
  it('fail a component that imports Dexie', async () => {
    const errors = await lint(
      'renderer/features/zz-lint-probe/Probe.tsx',
      "import Dexie from 'dexie';\nexport const probe = (): string => Dexie.semVer;\n",
    );
    expect(errors.join('\n')).toContain('Only renderer/db touches Dexie');
  });

  it('fail shared/ importing the page', async () => {
    const errors = await lint(
      'shared/zz-lint-probe/probe.ts',
      "import { SECTIONS } from '../../renderer/app/navigation';\nexport const probe = SECTIONS.length;\n",
    );
    expect(errors.join('\n')).toContain('shared/ imports nothing of ours');
  });

  it('fail the page importing Electron or the host services', async () => {
    const errors = await lint(
      'renderer/zz-lint-probe/probe.ts',
      "import { createHostHandlers } from '../../electron/host/handlers';\nexport const probe = typeof createHostHandlers;\n",
    );
    expect(errors.join('\n')).toContain('only through the contract');
  });

  it('fail host services importing Electron, which the browser host cannot load', async () => {
    const errors = await lint(
      'electron/host/zz-lint-probe/probe.ts',
      "import { app } from 'electron';\nexport const probe = (): string => app.getName();\n",
    );
    expect(errors.join('\n')).toContain('plain Node');
  });

  it('fail the crypto libraries imported anywhere but shared/crypto', async () => {
    const page = await lint(
      'renderer/features/zz-lint-probe/probe.ts',
      "import { sha256 } from '@noble/hashes/sha2.js';\nexport const probe = sha256.outputLen;\n",
    );
    expect(page.join('\n')).toContain('the one importer of @noble/hashes');
    const shared = await lint(
      'shared/zz-lint-probe/probe.ts',
      "import { base64 } from '@scure/base';\nexport const probe = base64.encode(new Uint8Array());\n",
    );
    expect(shared.join('\n')).toContain('the one importer of @scure/base');
    const crypto = await lint(
      'shared/crypto/zz-lint-probe/probe.ts',
      "import { base64 } from '@scure/base';\nexport const probe = base64.encode(new Uint8Array());\n",
    );
    expect(crypto).toEqual([]);
  });

  it('fail atob and btoa outside shared/crypto', async () => {
    const errors = await lint(
      'electron/host/zz-lint-probe/probe.ts',
      "export const probe = (text: string): string => atob(text) + btoa('');\n",
    );
    expect(errors.filter((e) => e.includes('shared/crypto/base64.ts'))).toHaveLength(2);
  });

  it('fail a feature that takes stored rows or reads their bookkeeping', async () => {
    const imported = await lint(
      'renderer/features/zz-lint-probe/Probe.tsx',
      "import type { Stored } from '../../db';\nimport type { Issue } from '../../../shared/domain/issue';\nexport type Probe = Stored<Issue>;\n",
    );
    expect(imported.join('\n')).toContain("Stored rows are renderer/db's own");
    const read = await lint(
      'renderer/features/zz-lint-probe/probe.ts',
      [
        'export const a = (row: { _deleted?: boolean }) => row._deleted === true;',
        "export const b = (row: Record<string, unknown>) => row['_clocks'];",
        'export const c = ({ _grams }: { _grams: string[] }) => _grams.length;',
        '',
      ].join('\n'),
    );
    // a: the type and the read; b: the string key; c: the destructuring and its type.
    expect(read.filter((e) => e.includes('stay inside renderer/db'))).toHaveLength(5);
    const figures = await lint(
      'shared/figures/zz-lint-probe/probe.ts',
      'export const live = (rows: { _deleted?: boolean }[]) => rows.filter((r) => !r._deleted);\n',
    );
    expect(figures.join('\n')).toContain('stay inside renderer/db');
    const db = await lint(
      'renderer/db/zz-lint-probe/probe.ts',
      'export const live = (rows: { _deleted?: boolean }[]) => rows.filter((r) => !r._deleted);\n',
    );
    expect(db).toEqual([]);
  });

  it('fail @ant-design/icons imported anywhere but renderer/ui/icons, where icons are decorative', async () => {
    const raw = await lint(
      'renderer/features/zz-lint-probe/Probe.tsx',
      "import { PlusOutlined } from '@ant-design/icons';\nexport const probe = typeof PlusOutlined;\n",
    );
    expect(raw.join('\n')).toContain('renderer/ui/icons');
    const decorative = await lint(
      'renderer/features/zz-lint-probe-ok/Probe.tsx',
      "import { PlusOutlined } from '../../ui/icons';\nexport const probe = typeof PlusOutlined;\n",
    );
    expect(decorative).toEqual([]);
  });

  it("fail antd's InputNumber outside renderer/ui/InputNumber, whose arrows are not announced in English", async () => {
    const raw = await lint(
      'renderer/features/zz-lint-probe/Probe.tsx',
      "import { InputNumber } from 'antd';\nexport const probe = typeof InputNumber;\n",
    );
    expect(raw.join('\n')).toContain('renderer/ui/InputNumber');
  });

  it('fail the data layer importing the UI, and the UI reaching past the data layer index', async () => {
    const db = await lint(
      'renderer/db/zz-lint-probe/probe.ts',
      "import { StartVisitButton } from '../../features/visits/StartVisitButton';\nexport const probe = typeof StartVisitButton;\n",
    );
    expect(db.join('\n')).toContain('renderer/db is below the features');
    const deep = await lint(
      'renderer/features/zz-lint-probe/probe.ts',
      "import { getProject } from '../../db/repositories/projects';\nexport const probe = typeof getProject;\n",
    );
    expect(deep.join('\n')).toContain('through its index');
    const index = await lint(
      'renderer/features/zz-lint-probe-ok/probe.ts',
      "import { projectActions } from '../../db';\nimport { openDatabase } from '../../db/start';\nexport const probe = [typeof projectActions, typeof openDatabase];\n",
    );
    expect(index).toEqual([]);
  });

  it("fail a feature reaching into another feature's files, and the shared UI importing a feature", async () => {
    const internal = await lint(
      'renderer/features/zz-lint-probe/sub/Probe.tsx',
      "import { PhotoPanel } from '../../photos/PhotoPanel';\nexport const probe = typeof PhotoPanel;\n",
    );
    expect(internal.join('\n')).toContain('reaches into the photos feature');
    const lazy = await lint(
      'renderer/features/zz-lint-probe/probe.ts',
      "export const probe = () => import('../reports/build-reports');\n",
    );
    expect(lazy.join('\n')).toContain('reaches into the reports feature');
    const publicFace = await lint(
      'renderer/features/zz-lint-probe-ok/probe.ts',
      "import { PhotoPanel } from '../photos';\nexport const probe = [typeof PhotoPanel, () => import('../reports/excel')];\n",
    );
    expect(publicFace).toEqual([]);
    const ui = await lint(
      'renderer/ui/zz-lint-probe/probe.ts',
      "import { PhotoPanel } from '../../features/photos';\nexport const probe = typeof PhotoPanel;\n",
    );
    expect(ui.join('\n')).toContain('never imports a feature');
  });

  it('pass an import that points down', async () => {
    const errors = await lint(
      'renderer/features/zz-lint-probe-ok/probe.ts',
      "import { formatWan, type Fen } from '../../../shared/domain/money';\nexport const probe = (n: Fen): string => formatWan(n);\n",
    );
    expect(errors).toEqual([]);
  });
});
