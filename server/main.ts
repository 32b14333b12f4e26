import { loadConfig } from './config';
import { runService, startOrExit } from './startup';

/** `npm run service`: the insights service's API on HOST:PORT (default 127.0.0.1:3001). */
startOrExit(() => runService(loadConfig()), 'The insights service');
