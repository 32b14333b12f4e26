// What a deploy build was made for, written beside the built service as dist/server/build.json: `npm run serve` and
// `npm run service` serve under the path of publicUrl (BASE_PATH overrides it, e.g. behind a proxy that strips the
// path) and name the release in their start line. And what a deploy build lacks: warnings webpack prints.
'use strict';
const { readFileSync } = require('node:fs');
const { join } = require('node:path');

const BUILD_INFO_FILE = 'server/build.json';
/** The sample add-in id in manifest.xml: every organisation sets its own (--env addinId=<a new GUID>). */
const SAMPLE_ADDIN_ID = '5f0c7f4e-2d8a-4b8e-9a61-3c1b7e9d2a40';

/**
 * The build's settings as webpack's --env gives them (each a string when given).
 * @typedef {{ publicUrl?: string, addinId?: string, providerName?: string, version?: string, clientId?: string }} BuildEnv
 */

/** The path the add-in is hosted under: '/linkedin/' for https://addins.contoso.com/linkedin/ ('/' without publicUrl). */
/** @param {string | undefined} publicUrl @returns {string} */
function basePathOf(publicUrl) {
  if (!publicUrl) return '/';
  const path = new URL(publicUrl).pathname;
  return path.endsWith('/') ? path : `${path}/`;
}

/** The build's own facts (from webpack's --env and package.json): nothing secret, nothing the manifest does not say. */
/** @param {BuildEnv} env */
function buildInfo(env = {}) {
  const { version } = /** @type {{ version: string }} */ (JSON.parse(readFileSync(join(__dirname, '..', 'package.json'), 'utf8')));
  return { publicUrl: env.publicUrl || null, basePath: basePathOf(env.publicUrl), release: version };
}

/** The build's settings webpack passes to the manifest (only those given). */
/** @param {BuildEnv} env */
function manifestSettings(env = {}) {
  /** @type {BuildEnv} */
  const settings = {};
  for (const name of /** @type {const} */ (['publicUrl', 'addinId', 'providerName', 'version'])) {
    const value = env[name];
    if (typeof value === 'string') settings[name] = value;
  }
  return settings;
}

/** What a deploy build (npm run build) lacks, in words webpack prints as warnings. */
/** @param {BuildEnv} env */
function deployWarnings(env = {}) {
  const warnings = [];
  if (!env.publicUrl)
    warnings.push(
      'no --env publicUrl: the manifests point at https://localhost:3000/ (development). For a deployment: npm run build -- --env publicUrl=https://<host>/<path>/',
    );
  if (!env.clientId) warnings.push("no --env clientId: the pane cannot sign in to Microsoft (the add-in's Entra app id)");
  if (!env.addinId || env.addinId.toLowerCase() === SAMPLE_ADDIN_ID)
    warnings.push(
      `no --env addinId: the manifests carry this repository's sample id ${SAMPLE_ADDIN_ID}; an organisation sets its own (a new GUID)`,
    );
  return warnings;
}

module.exports = { BUILD_INFO_FILE, SAMPLE_ADDIN_ID, basePathOf, buildInfo, manifestSettings, deployWarnings };
