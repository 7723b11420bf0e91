import { describe, expect, it } from 'vitest';
import { ESLint } from 'eslint';

// The architecture's one-way imports are enforced by lint; these rows prove the rules bite.
const eslint = new ESLint({ cwd: process.cwd() });

const rows: readonly [file: string, source: string, expectedRule: string | null, why: string][] = [
  ['src/core/probe.ts', "import { App } from '../app/app';\nexport const a = App;\n", 'no-restricted-imports', 'core must not import app'],
  ['src/core/probe.ts', "import { X } from '@/ui/x';\nexport const a = X;\n", 'no-restricted-imports', 'core must not import ui (alias)'],
  ['src/core/probe.ts', "import { useState } from 'react';\nexport const a = useState;\n", 'no-restricted-imports', 'core is framework-free'],
  ['src/core/probe.ts', "import { readFileSync } from 'node:fs';\nexport const a = readFileSync;\n", 'no-restricted-imports', 'core runs in the browser'],
  ['src/ui/probe.ts', "import * as pkijs from 'pkijs';\nexport const a = pkijs;\n", 'no-restricted-imports', 'only core touches pkijs'],
  ['src/ui/probe.ts', "import { App } from '../app/app';\nexport const a = App;\n", 'no-restricted-imports', 'ui never imports app'],
  ['src/core/probe.ts', 'export const a: any = 1;\n', '@typescript-eslint/no-explicit-any', 'no any'],
  ['src/core/probe.ts', "import type { CertificateModel } from './model';\nexport type A = CertificateModel;\n", null, 'a legal core import passes'],
];

describe('architecture lint rules', () => {
  it.each(rows)('%s: %j → %s (%s)', async (file, source, expectedRule) => {
    const [result] = await eslint.lintText(source, { filePath: file });
    const rules = (result?.messages ?? []).map((m) => m.ruleId);
    if (expectedRule) expect(rules).toContain(expectedRule);
    else expect(rules).toEqual([]);
  });
});
