#!/usr/bin/env node
// Makes the deployed manifest from manifest.xml: every development URL (https://localhost:3000/) pointed at where the
// add-in is deployed, and the organisation's own add-in id, provider name and version. Used by webpack
// (`npm run build -- --env publicUrl=https://addins.contoso.com/linkedin/ --env addinId=<GUID> …`) and as a CLI:
//   node scripts/manifest.cjs https://addins.contoso.com/linkedin/ [manifest.xml] [out.xml]
'use strict';
const fs = require('node:fs');

const DEV_BASE = 'https://localhost:3000/';
const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const VERSION = /^\d{1,5}(\.\d{1,5}){0,3}$/;
/** @param {string} value */
const xmlText = (value) => value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** Returns the manifest with every development URL pointing at publicUrl (https only; a trailing slash is added). */
/** @param {string} xml @param {string} publicUrl @returns {string} */
function manifestForPublicUrl(xml, publicUrl) {
  let url;
  try {
    url = new URL(publicUrl);
  } catch {
    throw new Error(`publicUrl is not a URL: ${publicUrl}`);
  }
  if (url.protocol !== 'https:') throw new Error(`publicUrl must be https: Outlook loads add-ins over HTTPS only (got ${publicUrl})`);
  if (url.search || url.hash) throw new Error(`publicUrl must not have a query or fragment (got ${publicUrl})`);
  let base = url.toString();
  if (!base.endsWith('/')) base += '/';
  return xml.split(DEV_BASE).join(xmlText(base));
}

/** The element's text, replaced (exactly one such element in the manifest's head). */
/** @param {string} xml @param {string} tag @param {string} value */
function setElement(xml, tag, value) {
  const pattern = new RegExp(`<${tag}>[^<]*</${tag}>`);
  if (!pattern.test(xml)) throw new Error(`manifest.xml has no <${tag}>`);
  return xml.replace(pattern, `<${tag}>${xmlText(value)}</${tag}>`);
}

/**
 * The manifest a build ships: the URLs (publicUrl), the add-in id, provider name and version (each only when given),
 * and a head comment that says what the build was made for (the source's comment speaks of development).
 */
/**
 * @param {string} xml
 * @param {import('./build-info.cjs').BuildEnv} settings
 */
function manifestForBuild(xml, { publicUrl, addinId, providerName, version } = {}) {
  let out = publicUrl ? manifestForPublicUrl(xml, publicUrl) : xml;
  if (addinId !== undefined) {
    if (!GUID.test(addinId)) throw new Error(`addinId must be a GUID, your organisation's own (got ${addinId})`);
    out = setElement(out, 'Id', addinId.toLowerCase());
  }
  if (providerName !== undefined) {
    if (!providerName.trim() || providerName.length > 250) throw new Error('providerName must be 1 to 250 characters');
    out = setElement(out, 'ProviderName', providerName.trim());
  }
  if (version !== undefined) {
    if (!VERSION.test(version)) throw new Error(`version must be up to four numbers, such as 1.2.0.0 (got ${version})`);
    out = setElement(out, 'Version', version);
  }
  const built = publicUrl
    ? `Built by npm run build for ${xmlText(publicUrl)}: every URL below points there.`
    : 'Built by npm run build without publicUrl: its URLs are the development ones (https://localhost:3000/).';
  return out.replace(/<!--[\s\S]*?-->/, `<!--\n  LinkedIn profile card for Outlook: the add-in manifest.\n  ${built}\n-->`);
}

if (require.main === module) {
  const [publicUrl, input = 'manifest.xml', output] = process.argv.slice(2);
  if (!publicUrl) {
    console.error('usage: node scripts/manifest.cjs <https public URL> [manifest.xml] [out.xml]');
    process.exit(2);
  }
  const result = manifestForBuild(fs.readFileSync(input, 'utf8'), { publicUrl });
  if (output) fs.writeFileSync(output, result);
  else process.stdout.write(result);
}

module.exports = { manifestForPublicUrl, manifestForBuild, DEV_BASE };
