import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * What the deploy build was made for (scripts/build-info.cjs writes it to dist/server/build.json): the service answers
 * under the path of the build's publicUrl unless BASE_PATH says otherwise. A server built alone (npm run build:server)
 * has no such file: it answers at the root.
 */
export interface BuildInfo {
  publicUrl?: string;
  basePath?: string;
  /** The release (package.json's version) the build was made from. */
  release?: string;
}

export const BUILD_INFO_FILE = 'build.json';

/** The build info in `serverDir` (the folder of the service's bundle); {} when there is none; a broken one is named. */
export function readBuildInfo(serverDir: string, problems: string[]): BuildInfo {
  const file = join(serverDir, BUILD_INFO_FILE);
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    return {};
  }
  try {
    const parsed = JSON.parse(text) as Record<string, unknown>;
    const info: BuildInfo = {};
    if (typeof parsed.publicUrl === 'string') info.publicUrl = parsed.publicUrl;
    if (typeof parsed.basePath === 'string') info.basePath = parsed.basePath;
    if (typeof parsed.release === 'string') info.release = parsed.release;
    return info;
  } catch {
    problems.push(`${file} is not valid JSON: build again (npm run build)`);
    return {};
  }
}
