#!/usr/bin/env node
// Proves the built add-in holds no secret or token: every text file under the output folder (default dist/, source
// maps included: they are deployed with it and carry the bundled sources) is searched for what a leaked credential
// looks like — JWTs, private keys, client secrets, bearer tokens, access tokens in URLs and well-known API key
// formats (the rules: scripts/secret-scan.cjs). Prints each file, line and rule with the value shortened, so the
// report does not leak it, and exits 1 when anything is found (2 when there is no build).
//   node scripts/check-secrets.mjs [folder]
import secretScan from './secret-scan.cjs';

const root = process.argv[2] ?? 'dist';
let result;
try {
  result = secretScan.scanDirectory(root);
} catch (error) {
  console.error(`check-secrets: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(2);
}
for (const finding of result.findings) {
  console.error(`check-secrets: ${finding.file}:${finding.line}: ${finding.description} (${finding.rule}): ${finding.value}`);
}
console.log(
  `check-secrets: ${result.scanned} files in ${root}/ read (source maps included): ${result.findings.length === 0 ? 'no secret or token' : `${result.findings.length} found — FAILED`}`,
);
process.exit(result.findings.length === 0 ? 0 : 1);
