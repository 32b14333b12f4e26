import { readFileSync } from 'node:fs';
import { relative } from 'node:path';
import ts from 'typescript';
import { checkedFiles, ROOT } from './sourceFiles';

/** No function in src/, server/, dev/ or scripts/ is over 80 lines (a function past that wants splitting). */
const MAX_LINES = 80;

const SCRIPT_KINDS: Record<string, ts.ScriptKind> = { tsx: ts.ScriptKind.TSX, ts: ts.ScriptKind.TS };

/** Every function (declaration, method, arrow, expression) in a file, with its name and length in lines. */
export function functionLengths(file: string, text: string): { where: string; lines: number }[] {
  const kind = SCRIPT_KINDS[file.split('.').pop() ?? ''] ?? ts.ScriptKind.JS;
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true, kind);
  const found: { where: string; lines: number }[] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isFunctionLike(node) && 'body' in node && node.body) {
      const start = source.getLineAndCharacterOfPosition(node.getStart(source)).line;
      const end = source.getLineAndCharacterOfPosition(node.getEnd()).line;
      const name = node.name && ts.isIdentifier(node.name) ? node.name.text : '(anonymous)';
      found.push({ where: `${relative(ROOT, file)}:${start + 1} ${name}`, lines: end - start + 1 });
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

test("the measure counts a function's lines, in TypeScript and in JavaScript", () => {
  const body = Array.from({ length: 90 }, (_, i) => `  const v${i} = ${i};`).join('\n');
  expect(functionLengths('x.ts', `function long() {\n${body}\n}`)[0]?.lines).toBe(92);
  expect(functionLengths('x.mjs', `export async function main() {\n${body}\n}`)[0]?.lines).toBe(92);
  expect(functionLengths('x.cjs', `module.exports = () => {\n${body}\n};`)[0]?.lines).toBe(92);
});

test(`no function in src/, server/, dev/ or scripts/ is over ${MAX_LINES} lines`, () => {
  const all = checkedFiles().flatMap((file) => functionLengths(file, readFileSync(file, 'utf8')));
  expect(all.length).toBeGreaterThan(600);
  expect(all.filter((f) => f.lines > MAX_LINES).map((f) => `${f.where}: ${f.lines} lines`)).toEqual([]);
});
