// The secret scanner behind scripts/check-secrets.mjs (CommonJS, so jest can load it too): what a leaked credential
// looks like, and a search of a text or a built folder for it.
'use strict';
const { readdirSync, readFileSync, statSync } = require('node:fs');
const { join, relative } = require('node:path');

/**
 * What a secret looks like. Each rule matches a value, not a name: library code that merely mentions
 * "client_secret" or builds "Bearer " + token is fine; a literal value next to it is not.
 */
const RULES = [
  { id: 'jwt', description: 'a JSON Web Token', pattern: /\beyJ[A-Za-z0-9_-]{8,}\.eyJ[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}/g },
  { id: 'private-key', description: 'a private key', pattern: /-----BEGIN (?:[A-Z]+ )*PRIVATE KEY(?: BLOCK)?-----/g },
  {
    id: 'client-secret',
    description: 'a client secret with its value',
    // A quoted literal (code, JSON) or a form/URL value; `clientSecret: config.secret` is a name, not a value.
    pattern:
      /\b(?:client_secret|clientSecret|client-secret)\b["']?\s*[:=]\s*["'`](?!\$\{)[A-Za-z0-9~._\-+/=]{8,}["'`]|\bclient_secret=[A-Za-z0-9~._\-+/%]{8,}/g,
  },
  { id: 'bearer-token', description: 'a bearer token', pattern: /\bBearer\s+(?!\$\{)[A-Za-z0-9\-._~+/]{20,}=*/g },
  {
    id: 'access-token-in-url',
    description: 'an access or refresh token in a URL or form',
    pattern: /\b(?:access_token|refresh_token|id_token)=(?!\$\{)[A-Za-z0-9\-._~+/%]{16,}/g,
  },
  {
    id: 'api-key-assignment',
    description: 'a long key, secret, password or token assigned as a literal',
    pattern:
      /\b(?:api[_-]?key|apikey|secret|password|passwd|auth[_-]?token|access[_-]?token)\b["']?\s*[:=]\s*["'`](?=[A-Za-z0-9+/_\-=]*\d)(?=[A-Za-z0-9+/_\-=]*[A-Za-z])[A-Za-z0-9+/_-]{24,}={0,2}["'`]/gi,
  },
  { id: 'aws-access-key', description: 'an AWS access key id', pattern: /\b(?:AKIA|ASIA)[0-9A-Z]{16}\b/g },
  { id: 'github-token', description: 'a GitHub token', pattern: /\b(?:gh[pousr]_[A-Za-z0-9]{36,}|github_pat_[A-Za-z0-9_]{60,})\b/g },
  { id: 'google-api-key', description: 'a Google API key', pattern: /\bAIza[0-9A-Za-z_-]{35}\b/g },
  { id: 'slack-token', description: 'a Slack token', pattern: /\bxox[abposr]-[A-Za-z0-9-]{10,}/g },
  { id: 'stripe-key', description: 'a Stripe secret key', pattern: /\b[sr]k_live_[0-9A-Za-z]{16,}/g },
  {
    id: 'azure-storage-key',
    description: 'an Azure storage account key or SAS signature',
    pattern: /\b(?:AccountKey=[A-Za-z0-9+/]{40,}={0,2}|[?&]sig=[A-Za-z0-9%+/]{30,})/g,
  },
];

/** Never binary: images, fonts and archives can't hold text secrets in a way these rules would find. */
const BINARY = /\.(?:png|jpe?g|gif|ico|webp|avif|woff2?|ttf|otf|eot|zip|gz|br|pdf)$/i;

/** The value of a finding, shortened so the report itself does not leak it. */
/** @param {string} value */
function redact(value) {
  return value.length <= 12 ? `${value.slice(0, 4)}…` : `${value.slice(0, 10)}…(${value.length} chars)`;
}

/** Findings in one text: rule, line and the shortened value. */
/**
 * @typedef {{ file: string, line: number, rule: string, description: string, value: string }} Finding
 * @param {string} text
 * @returns {Finding[]}
 */
function scanText(text, file = '<text>') {
  /** @type {Finding[]} */
  const findings = [];
  for (const rule of RULES) {
    for (const match of text.matchAll(rule.pattern)) {
      const line = text.slice(0, match.index).split('\n').length;
      findings.push({ file, line, rule: rule.id, description: rule.description, value: redact(match[0]) });
    }
  }
  return findings;
}

/** Every file under a folder, depth first. */
/** @param {string} root @returns {string[]} */
function filesUnder(root) {
  return readdirSync(root, { withFileTypes: true }).flatMap((entry) => {
    const path = join(root, entry.name);
    return entry.isDirectory() ? filesUnder(path) : entry.isFile() ? [path] : [];
  });
}

/** Findings in every text file under a folder (paths relative to it), and how many files were read. */
/** @param {string} root */
function scanDirectory(root) {
  if (!statSync(root, { throwIfNoEntry: false })?.isDirectory()) throw new Error(`${root} is not a folder: build first`);
  /** @type {Finding[]} */
  const findings = [];
  let scanned = 0;
  for (const path of filesUnder(root)) {
    if (BINARY.test(path)) continue;
    const bytes = readFileSync(path);
    if (bytes.includes(0)) continue;
    scanned += 1;
    findings.push(...scanText(bytes.toString('utf8'), relative(root, path)));
  }
  return { findings, scanned };
}

module.exports = { RULES, scanText, scanDirectory };
