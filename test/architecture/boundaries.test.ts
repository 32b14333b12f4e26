import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

/**
 * The layer rules are lint rules (eslint.config.mjs): each case is a file at a place in the tree importing something;
 * `npm run lint` must refuse the wrong imports and accept the right ones. The files are made up in a scratch tree and
 * linted with the project's own boundary rules.
 */
const CASES: { file: string; imports: string; allowed: boolean; typeOnly?: boolean }[] = [
  { file: 'src/taskpane/components/Wrong.tsx', imports: '../../services/insightsClient', allowed: false },
  { file: 'src/taskpane/Wrong.tsx', imports: '../office/boot', allowed: false },
  { file: 'src/taskpane/Wrong2.tsx', imports: '../../dev/workbench/store', allowed: false },
  { file: 'src/taskpane/Right.tsx', imports: '../app/pane/usePane', allowed: true },
  { file: 'src/taskpane/Right2.tsx', imports: '../policy', allowed: true },
  // The view names the words of the layers below (a type carries no behaviour); their code it reaches through app/.
  { file: 'src/taskpane/RightType.tsx', imports: '../office/types', allowed: true, typeOnly: true },
  { file: 'src/taskpane/card/RightType.tsx', imports: '../../services/errors', allowed: true, typeOnly: true },
  { file: 'src/taskpane/WrongValue.tsx', imports: '../services/profileCache', allowed: false },
  // The page's entry hands Office.js's readiness to the pane; the network it still reaches only through app/.
  { file: 'src/taskpane/index.tsx', imports: '../office/boot', allowed: true },
  { file: 'src/app/wrongType.ts', imports: '../taskpane/i18n/en/pane', allowed: false, typeOnly: true },
  { file: 'src/policy/wrong.ts', imports: '../contract/zod', allowed: false },
  { file: 'src/policy/wrong2.ts', imports: 'react', allowed: false },
  { file: 'src/policy/right.ts', imports: './types', allowed: true },
  { file: 'src/office/wrong.ts', imports: '../app/people', allowed: false },
  { file: 'src/services/wrong.ts', imports: '../taskpane/i18n/en/pane', allowed: false },
  { file: 'src/services/wrong2.ts', imports: '../../dev/mocks/handlers', allowed: false },
  { file: 'src/services/right.ts', imports: '../contract/insights', allowed: true },
  { file: 'src/app/wrong.ts', imports: '../taskpane/App', allowed: false },
  { file: 'src/app/right.ts', imports: '../services/errors', allowed: true },
  { file: 'src/dialog/wrong.ts', imports: '../services/send', allowed: false },
  { file: 'src/dialog/right.ts', imports: '../office/dialogPage', allowed: true },
  { file: 'src/dialog/patterns.ts', imports: '../contract/signIn', allowed: true },
  { file: 'src/dialog/schemas.ts', imports: '../contract/insights', allowed: false },
  { file: 'src/contract/wrong.ts', imports: '../services/errors', allowed: false },
  { file: 'src/contract/right.ts', imports: 'zod/mini', allowed: true },
  { file: 'server/src/wrong.ts', imports: '../../src/services/insightsClient', allowed: false },
  { file: 'server/src/wrong2.ts', imports: '../../src/app/viewer', allowed: false },
  { file: 'server/src/right.ts', imports: '../../src/contract/insights', allowed: true },
  { file: 'server/src/right3.ts', imports: '../../src/shared/lruMap', allowed: true },
  { file: 'src/shared/wrong.ts', imports: '../contract/insights', allowed: false },
  { file: 'src/shared/wrong2.ts', imports: 'react', allowed: false },
  { file: 'src/shared/wrong3.ts', imports: './../contract/insights', allowed: false },
  { file: 'src/shared/wrong4.ts', imports: './nested/../../policy', allowed: false },
  { file: 'src/shared/right.ts', imports: './lruMap', allowed: true },
  { file: 'server/right2.ts', imports: '../src/policy', allowed: true },
  // The fence around dev/: nothing under src/ or server/ imports from it, from any folder (a new one included).
  { file: 'server/app.ts', imports: '../dev/service/faultLayer', allowed: false },
  { file: 'server/routes/wrong.ts', imports: '../../dev/service/controls', allowed: false },
  { file: 'server/sources/wrong.ts', imports: '../../dev/standins/linkedinProvider', allowed: false },
  { file: 'src/policy/wrong3.ts', imports: '../../dev/fixtures/calendar', allowed: false },
  { file: 'src/app/wrong2.ts', imports: '../../dev/workbenchControls', allowed: false },
  { file: 'src/dialog/wrong2.ts', imports: '../../dev/workbench/workbenchDialog', allowed: false },
  { file: 'src/newFolder/wrong.ts', imports: '../../dev/bench/pane/benchHost', allowed: false },
  // dev/ builds on what ships; its service side takes from src/ only what the service may.
  { file: 'dev/service/right.ts', imports: './controls', allowed: true },
  { file: 'dev/service/right2.ts', imports: '../../server/app', allowed: true },
  { file: 'dev/service/wrong.ts', imports: '../../src/app/viewer', allowed: false },
  { file: 'dev/standins/wrong.ts', imports: '../../src/services/http', allowed: false },
  { file: 'dev/workbench/right.ts', imports: '../../src/taskpane/App', allowed: true },
];

interface LintResult {
  filePath: string;
  messages: { ruleId: string | null; message: string }[];
}

let results: Map<string, LintResult['messages']>;

beforeAll(() => {
  const root = mkdtempSync(join(tmpdir(), 'boundaries-'));
  try {
    for (const { file, imports, typeOnly } of CASES) {
      mkdirSync(dirname(join(root, file)), { recursive: true });
      const text = typeOnly
        ? `import type { Something } from '${imports}';\nexport type Used = Something;\n`
        : `import { something } from '${imports}';\nexport const used = something;\n`;
      writeFileSync(join(root, file), text);
    }
    const eslint = join(__dirname, '../../node_modules/eslint/bin/eslint.js');
    const config = join(__dirname, 'boundaries.config.mjs');
    let output: string;
    try {
      output = execFileSync(process.execPath, [eslint, '-c', config, '-f', 'json', '.'], { cwd: root, encoding: 'utf8' });
    } catch (error) {
      // ESLint exits 1 when it finds problems: its report is still on stdout.
      output = (error as { stdout: string }).stdout;
    }
    const parsed = JSON.parse(output) as LintResult[];
    results = new Map(parsed.map((r) => [r.filePath.slice(root.length + 1), r.messages]));
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});

test.each(CASES)('$file importing $imports: allowed = $allowed', ({ file, allowed }) => {
  const messages = results.get(file);
  expect(messages).toBeDefined();
  const refused = (messages ?? []).filter((m) => m.ruleId === '@typescript-eslint/no-restricted-imports');
  expect(refused.length === 0).toBe(allowed);
  // Nothing else went wrong (a parse error would hide the rule).
  expect((messages ?? []).filter((m) => m.ruleId !== '@typescript-eslint/no-restricted-imports')).toEqual([]);
});
