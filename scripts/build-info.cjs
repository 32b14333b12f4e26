// What a deploy build was made for, written beside the built service as dist/server/build.json: `npm run serve` and
// `npm run service` serve under the path of publicUrl (BASE_PATH overrides it, e.g. behind a proxy that strips it).
'use strict';

const BUILD_INFO_FILE = 'server/build.json';

/** The path the add-in is hosted under: '/linkedin/' for https://addins.contoso.com/linkedin/ ('/' without publicUrl). */
function basePathOf(publicUrl) {
  if (!publicUrl) return '/';
  const path = new URL(publicUrl).pathname;
  return path.endsWith('/') ? path : `${path}/`;
}

/** The build's own facts (from webpack's --env): nothing secret, nothing the manifest does not already say. */
function buildInfo(env = {}) {
  return { publicUrl: env.publicUrl || null, basePath: basePathOf(env.publicUrl) };
}

module.exports = { BUILD_INFO_FILE, basePathOf, buildInfo };
