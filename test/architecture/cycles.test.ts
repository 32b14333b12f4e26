import { readFileSync } from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';
import ts from 'typescript';
import { checkedFiles, CHECKED_TREES, ROOT } from './sourceFiles';

/**
 * The import graph of src/, server/, dev/ and scripts/, drawn as a house (files as rooms, imports as arrows): no circle, and
 * no arrow running back up inside a folder. Each file's imports (static, dynamic, type-only and require()) are resolved
 * as TypeScript resolves them.
 */
const options: ts.CompilerOptions = {
  moduleResolution: ts.ModuleResolutionKind.Bundler,
  module: ts.ModuleKind.ESNext,
  jsx: ts.JsxEmit.ReactJSX,
  allowJs: true,
  resolveJsonModule: true,
};
const TREES = CHECKED_TREES.map((tree) => join(ROOT, tree) + sep);

/** file → the files of the checked trees it imports. */
export function importGraph(files: readonly string[]): Map<string, string[]> {
  const graph = new Map<string, string[]>();
  for (const file of files) {
    const { importedFiles } = ts.preProcessFile(readFileSync(file, 'utf8'), true, true);
    const targets = importedFiles
      .map((imported) => ts.resolveModuleName(imported.fileName, file, options, ts.sys).resolvedModule?.resolvedFileName)
      .filter(
        (target): target is string =>
          target !== undefined && TREES.some((tree) => target.startsWith(tree)) && !target.includes('node_modules'),
      );
    graph.set(file, targets);
  }
  return graph;
}

/** The cycles of a graph: its strongly connected components with more than one file, or a file importing itself. */
export function cyclesOf(graph: ReadonlyMap<string, readonly string[]>): string[][] {
  let counter = 0;
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const cycles: string[][] = [];
  const visit = (node: string): void => {
    index.set(node, counter);
    low.set(node, counter++);
    stack.push(node);
    onStack.add(node);
    for (const next of graph.get(node) ?? []) {
      if (!index.has(next)) {
        visit(next);
        low.set(node, Math.min(low.get(node)!, low.get(next)!));
      } else if (onStack.has(next)) low.set(node, Math.min(low.get(node)!, index.get(next)!));
    }
    if (low.get(node) !== index.get(node)) return;
    const component: string[] = [];
    let member: string;
    do {
      member = stack.pop()!;
      onStack.delete(member);
      component.push(member);
    } while (member !== node);
    if (component.length > 1 || (graph.get(node) ?? []).includes(node)) cycles.push(component.sort());
  };
  for (const node of graph.keys()) if (!index.has(node)) visit(node);
  return cycles;
}

/**
 * Arrows running back up: in every folder, a file at its top that files in its subfolders import (directly, or
 * through other top files: a floor they build on, such as server/config.ts) imports nothing from those subfolders.
 * A composition root at the top (server/app.ts) may import downwards: nothing below builds on it.
 */
export function upArrows(graph: ReadonlyMap<string, readonly string[]>): string[] {
  const folders = new Set([...graph.keys()].map((file) => dirname(file)));
  const arrows: string[] = [];
  for (const folder of folders) {
    const atTop = (file: string) => dirname(file) === folder;
    const below = (file: string) => file.startsWith(folder + sep) && !atTop(file);
    const floor = new Set<string>();
    for (const [file, targets] of graph) if (below(file)) for (const target of targets) if (atTop(target)) floor.add(target);
    for (const file of floor) for (const target of graph.get(file) ?? []) if (atTop(target)) floor.add(target);
    for (const file of floor) for (const target of graph.get(file) ?? []) if (below(target)) arrows.push(`${file} -> ${target}`);
  }
  return arrows.sort();
}

/**
 * Circles between rooms: in every folder, each file and each subfolder (all it holds) is one room, and an import joins
 * the rooms of its two ends. A circle of rooms is an arrow running back up between folders, even where no file circle
 * is (server/crypto/sealedTokens.ts importing linkedin/ while linkedin/ imports crypto/tokenCipher.ts). Each circle is
 * named by its folder and its rooms.
 */
export function roomCycles(graph: ReadonlyMap<string, readonly string[]>): string[] {
  const folders = new Set<string>();
  for (const file of graph.keys())
    for (let folder = dirname(file); !folders.has(folder); folder = dirname(folder)) {
      folders.add(folder);
      if (dirname(folder) === folder) break;
    }
  const circles: string[] = [];
  for (const folder of folders) {
    const prefix = folder.endsWith(sep) ? folder : folder + sep;
    const roomOf = (file: string) => (file.startsWith(prefix) ? file.slice(prefix.length).split(sep)[0] : undefined);
    const rooms = new Map<string, string[]>();
    for (const [file, targets] of graph) {
      const from = roomOf(file);
      if (from === undefined) continue;
      const arrows = rooms.get(from) ?? [];
      for (const target of targets) {
        const to = roomOf(target);
        if (to !== undefined && to !== from && !arrows.includes(to)) arrows.push(to);
      }
      rooms.set(from, arrows);
    }
    for (const circle of cyclesOf(rooms)) circles.push(`${folder}: ${circle.join(' <-> ')}`);
  }
  return circles.sort();
}

test('the detector finds a cycle when there is one, and none in a tree', () => {
  expect(
    cyclesOf(
      new Map([
        ['a', ['b']],
        ['b', ['c']],
        ['c', ['a']],
        ['d', ['a']],
      ]),
    ),
  ).toEqual([['a', 'b', 'c']]);
  expect(cyclesOf(new Map([['a', ['a']]]))).toEqual([['a']]);
  expect(
    cyclesOf(
      new Map([
        ['a', ['b', 'c']],
        ['b', ['c']],
        ['c', []],
      ]),
    ),
  ).toEqual([]);
});

test('the detector finds an arrow back up from a floor file, and lets a composition root import down', () => {
  const graph = new Map([
    [`/s${sep}app.ts`, [`/s${sep}a${sep}route.ts`]],
    [`/s${sep}config.ts`, [`/s${sep}shared.ts`]],
    [`/s${sep}shared.ts`, [`/s${sep}b${sep}types.ts`]],
    [`/s${sep}a${sep}route.ts`, [`/s${sep}config.ts`]],
    [`/s${sep}b${sep}types.ts`, []],
  ]);
  expect(upArrows(graph)).toEqual([`/s${sep}shared.ts -> /s${sep}b${sep}types.ts`]);
  // A room below that builds on the composition root makes it a floor: its import down is then an arrow back up.
  graph.set(`/s${sep}b${sep}devApp.ts`, [`/s${sep}app.ts`]);
  expect(upArrows(graph)).toEqual([`/s${sep}app.ts -> /s${sep}a${sep}route.ts`, `/s${sep}shared.ts -> /s${sep}b${sep}types.ts`]);
});

test('the detector finds two folders that import each other, with no circle of files', () => {
  const graph = new Map([
    [`/s${sep}app.ts`, [`/s${sep}linkedin${sep}routes.ts`]],
    [`/s${sep}linkedin${sep}routes.ts`, [`/s${sep}crypto${sep}cipher.ts`]],
    [`/s${sep}crypto${sep}cipher.ts`, []],
    [`/s${sep}crypto${sep}sealed.ts`, [`/s${sep}linkedin${sep}contexts.ts`]],
    [`/s${sep}linkedin${sep}contexts.ts`, []],
  ]);
  expect(cyclesOf(graph)).toEqual([]);
  expect(upArrows(graph)).toEqual([]);
  expect(roomCycles(graph)).toEqual([`/s: crypto <-> linkedin`]);
  // The context moved down beside the cipher: the arrow runs one way only.
  graph.set(`/s${sep}crypto${sep}sealed.ts`, [`/s${sep}crypto${sep}cipher.ts`]);
  expect(roomCycles(graph)).toEqual([]);
});

const files = checkedFiles();
const graph = importGraph(files);
const inRepo = (arrow: string) => arrow.split(ROOT + sep).join('');

test('src/, server/, dev/ and scripts/ have no import cycle', () => {
  // The graph is real, in each tree: the pane's composition imports its derivation, the service its configuration's
  // LinkedIn part, the bundle check its page reader (JavaScript).
  expect(graph.get(join(ROOT, 'src/app/pane/usePane.ts'))).toContain(join(ROOT, 'src/app/pane/derive.ts'));
  expect(graph.get(join(ROOT, 'server/config.ts'))).toContain(join(ROOT, 'server/linkedinConfig.ts'));
  expect(graph.get(join(ROOT, 'scripts/check-bundle.mjs'))).toContain(join(ROOT, 'scripts/page-scripts.mjs'));
  expect(cyclesOf(graph).map((cycle) => cycle.map((file) => relative(ROOT, file)))).toEqual([]);
});

/** Arrows back up that are left: none (a new one fails the test; server/context.ts now sits with the routes it serves). */
const KNOWN_UP_ARROWS: string[] = [];

test('no arrow runs back up inside a folder of src/, server/, dev/ or scripts/', () => {
  expect(upArrows(graph).map(inRepo)).toEqual(KNOWN_UP_ARROWS);
});

test('no two rooms of a folder of src/, server/, dev/ or scripts/ import each other (files and subfolders as rooms)', () => {
  expect(roomCycles(graph).map(inRepo)).toEqual([]);
});
