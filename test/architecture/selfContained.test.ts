import { readFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import ts from 'typescript';
import { ROOT, sourceFiles } from './sourceFiles';

/**
 * The rules (src/policy/) and what the pane and the service share besides the contract (src/shared/) import nothing
 * but themselves: no package, no other folder. Lint says so for import and export statements (eslint.config.mjs);
 * this holds every other way a file can reach out too: import(), require(), import type.
 */
const SELF_CONTAINED = ['src/policy', 'src/shared'];

/** A file's imports that leave `folder`, as "file -> what it names". */
export function importsLeaving(folder: string, file: string, text: string): string[] {
  const inside = (name: string) => name.startsWith('.') && (resolve(dirname(file), name) + sep).startsWith(folder + sep);
  return ts
    .preProcessFile(text, true, true)
    .importedFiles.filter(({ fileName }) => !inside(fileName))
    .map(({ fileName }) => `${relative(ROOT, file)} -> ${fileName}`);
}

test('an import that leaves the folder is found, however it is written', () => {
  const folder = join(ROOT, 'src/shared');
  const file = join(folder, 'probe.ts');
  const text = [
    "import { a } from './lruMap';",
    "import type { B } from '../contract/insights';",
    "const c = await import('./../policy');",
    "const d = require('react');",
    "export * from './nested/../lruMap';",
  ].join('\n');
  expect(importsLeaving(folder, file, text)).toEqual([
    'src/shared/probe.ts -> ../contract/insights',
    'src/shared/probe.ts -> ./../policy',
    'src/shared/probe.ts -> react',
  ]);
});

test.each(SELF_CONTAINED)('%s imports nothing but itself', (tree) => {
  const folder = join(ROOT, tree);
  const files = sourceFiles(folder);
  expect(files.length).toBeGreaterThan(0);
  expect(files.flatMap((file) => importsLeaving(folder, file, readFileSync(file, 'utf8')))).toEqual([]);
});
