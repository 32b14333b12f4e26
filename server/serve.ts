import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { ConfigError, type ServiceConfig } from './config';
import { readBuildInfo, type BuildInfo } from './hosting/buildInfo';
import { addinDirOf, loadServeConfig, type HostingConfig } from './hosting/config';
import { runService, startOrExit } from './startup';

/**
 * `npm run serve` (after `npm run build`): one process hosts a pilot — the add-in's pages and files from the deploy
 * build, `linkedin-policy.json` from POLICY_FILE, and the insights service's API at /api/v1/ — over HTTPS, or plain
 * HTTP behind a reverse proxy that terminates HTTPS. Settings come from the environment or a `.env` file beside where
 * it starts (the environment wins); every missing or bad one is named at start and it exits non-zero.
 */
function readSettings(): { config: ServiceConfig; hosting: HostingConfig; build: BuildInfo } {
  // Node's own reader: the environment's values win over the file's.
  if (existsSync('.env')) process.loadEnvFile('.env');
  // The path to serve under: the served build's publicUrl, unless BASE_PATH says otherwise.
  const buildProblems: string[] = [];
  const build = readBuildInfo(join(addinDirOf(process.env), 'server'), buildProblems);
  let settings: { config: ServiceConfig; hosting: HostingConfig } | undefined;
  const problems: string[] = [];
  try {
    settings = loadServeConfig(process.env, { basePath: build.basePath });
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    problems.push(...error.problems);
  }
  problems.push(...buildProblems);
  if (problems.length > 0 || !settings) throw new ConfigError(problems);
  return { ...settings, build };
}

startOrExit(() => {
  const { config, hosting, build } = readSettings();
  return runService(config, hosting, build);
}, 'npm run serve');
