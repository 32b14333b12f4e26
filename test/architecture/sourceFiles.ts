import { readdirSync } from 'node:fs';
import { join } from 'node:path';

/**
 * The repository's root, and the trees the architecture tests hold to their rules: the pane, the service, what exists
 * only for development (dev/: the workbench, the stand-ins, the dev service, the benchmarks), the build's scripts.
 */
export const ROOT = join(__dirname, '../..');
export const CHECKED_TREES = ['src', 'server', 'dev', 'scripts'] as const;

/** Source files a tree holds: TypeScript and JavaScript (.ts, .tsx, .js, .mjs, .cjs), declaration files aside. */
export function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'node_modules' ? [] : sourceFiles(path);
    return /\.(tsx?|m?js|cjs)$/.test(entry.name) && !entry.name.endsWith('.d.ts') ? [path] : [];
  });
}

/** Every source file of the checked trees. */
export function checkedFiles(): string[] {
  return CHECKED_TREES.flatMap((tree) => sourceFiles(join(ROOT, tree)));
}
