#!/usr/bin/env node
// Rewrites the manifest's development URLs (https://localhost:3000/) to where the add-in is deployed.
// Used by webpack (`npm run build -- --env publicUrl=https://addins.contoso.com/linkedin/`) and as a CLI:
//   node scripts/manifest.cjs https://addins.contoso.com/linkedin/ [manifest.xml] [out.xml]
'use strict';
const fs = require('node:fs');

const DEV_BASE = 'https://localhost:3000/';

/** Returns the manifest with every development URL pointing at publicUrl (https only; a trailing slash is added). */
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
  const escaped = base.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');
  return xml.split(DEV_BASE).join(escaped);
}

if (require.main === module) {
  const [publicUrl, input = 'manifest.xml', output] = process.argv.slice(2);
  if (!publicUrl) {
    console.error('usage: node scripts/manifest.cjs <https public URL> [manifest.xml] [out.xml]');
    process.exit(2);
  }
  const result = manifestForPublicUrl(fs.readFileSync(input, 'utf8'), publicUrl);
  if (output) fs.writeFileSync(output, result);
  else process.stdout.write(result);
}

module.exports = { manifestForPublicUrl, DEV_BASE };
