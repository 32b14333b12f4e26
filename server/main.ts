import { ConfigError, loadConfig } from './config';
import { readBuildInfo } from './hosting/buildInfo';
import { runService, startOrExit } from './startup';

/**
 * `npm run service`: the insights service's API on HOST:PORT (default 127.0.0.1:3001), under the path of the build's
 * publicUrl (dist/server/build.json beside this bundle) unless BASE_PATH says otherwise.
 */
startOrExit(() => {
  const problems: string[] = [];
  const build = readBuildInfo(__dirname, problems);
  if (problems.length > 0) throw new ConfigError(problems);
  return runService(loadConfig(process.env, { basePath: build.basePath }), undefined, build);
}, 'The insights service');
