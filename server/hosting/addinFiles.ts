import { readFile, stat } from 'node:fs/promises';
import { extname, join, sep } from 'node:path';
import type { FastifyInstance, FastifyReply } from 'fastify';
import type { HostingConfig } from './config';
import { inlinePolicy } from './inlinePolicyFile';
import type { PolicyFileSource } from '../rules/policyFileSource';

/**
 * The add-in's files beside the API, from the deploy build: every page with its Content Security Policy as an HTTP
 * header (the page's own policy, which its <meta> also carries, plus frame-ancestors for Outlook's origins, which only
 * a header can say); content-hashed scripts cached for a year, everything else revalidated on every load; and
 * `linkedin-policy.json` read fresh from its configured path (404 when none is configured, as the pane expects) —
 * and put into `taskpane.html` as it is served (inlinePolicyFile.ts), so the pane needn't ask for it.
 */
const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
  '.png': 'image/png',
  '.txt': 'text/plain; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
};
/** webpack's `[name].[contenthash:8].js` (and its source map) and the extracted CSS: the name changes whenever the content does. */
const CONTENT_HASHED = /\.[0-9a-f]{8}\.(js|css)(\.map)?$/;
/** The page's own policy (production HTML is minified: the attribute may be unquoted). */
const META_CSP = /<meta http-equiv="?Content-Security-Policy"? content="([^"]+)"/i;

export const POLICY_PATH = '/linkedin-policy.json';
/** The pages that read the policy file first thing: it is put into them, saving the pane that round trip. */
const PAGES_WITH_POLICY = ['taskpane.html'];

/** The page with the policy file's answer in it; as it was when the file can't be read (the pane then asks, and hears 503). */
async function withPolicy(html: string, readPolicy: PolicyTextReader): Promise<string> {
  try {
    const text = await readPolicy();
    return inlinePolicy(html, text === null ? { status: 'missing' } : { status: 'found', text });
  } catch {
    return html;
  }
}

/**
 * Reads the policy file's text: null when none is configured (404, the documented defaults); a throw when one is
 * configured but cannot be read (503: the pane must fail closed).
 */
export type PolicyTextReader = () => Promise<string | null>;

/** The text the service itself enforces (server/rules/policyFileSource.ts): the pane is served the same reading. */
export const policyTextReaderOf =
  (source: PolicyFileSource): PolicyTextReader =>
  async () => {
    const reading = source.read();
    if (reading.status === 'unreadable') throw new Error(`the policy file ${reading.cause}`);
    return reading.status === 'none' ? null : reading.text;
  };

export async function addinFileRoutes(app: FastifyInstance, hosting: HostingConfig, readPolicy: PolicyTextReader): Promise<void> {
  const root = hosting.addinDir;
  const frameAncestors = `frame-ancestors ${hosting.frameAncestors.join(' ')}`;

  const common = (reply: FastifyReply, cache: string): FastifyReply =>
    reply.header('Cache-Control', cache).header('X-Content-Type-Options', 'nosniff').header('Referrer-Policy', 'no-referrer');

  // The pane reads the admin's file at every start: never a stale copy.
  app.get(POLICY_PATH, { config: { apiHeaders: false } }, async (_request, reply) => {
    let text: string | null;
    try {
      text = await readPolicy();
    } catch {
      // A configured file that vanished is not "no file" (which means the defaults): the pane must fail closed.
      return common(reply, 'no-store')
        .code(503)
        .header('Retry-After', '30')
        .send({ error: 'unavailable', message: 'The policy file cannot be read.' });
    }
    if (text === null) return common(reply, 'no-cache').code(404).send({ error: 'notFound', message: 'No policy file is configured.' });
    return common(reply, 'no-cache').type(TYPES['.json']).send(text);
  });

  app.get('/*', { config: { apiHeaders: false } }, async (request, reply) => {
    const path = (request.params as { '*': string })['*'];
    // A folder's page is its index.html (the workbench at /; the deploy build has none, so / is a 404 there).
    const file = fileFor(root, path === '' || path.endsWith('/') ? `${path}index.html` : path);
    const info = file ? await stat(file).catch(() => null) : null;
    // Source maps hold the add-in's source: served only when the admin asks (SERVE_SOURCE_MAPS=true).
    const hidden = file?.endsWith('.map') && hosting.sourceMaps !== true;
    if (!file || !info?.isFile() || hidden) return reply.code(404).send({ error: 'notFound', message: 'No such file.' });
    const type = TYPES[extname(file)] ?? 'application/octet-stream';
    const body = await readFile(file);
    common(reply, CONTENT_HASHED.test(file) ? 'public, max-age=31536000, immutable' : 'no-cache').type(type);
    if (!type.startsWith('text/html')) return reply.send(body);
    const html = body.toString('utf8');
    const policy = META_CSP.exec(html)?.[1];
    // A page without its own policy gets the strictest one: nothing loads.
    reply.header('Content-Security-Policy', `${policy ?? "default-src 'none'"}; ${frameAncestors}`);
    return reply.send(PAGES_WITH_POLICY.includes(path) ? await withPolicy(html, readPolicy) : html);
  });
}

/** The file under root for a request path, or null for anything that could leave root (.., NUL, backslashes). */
function fileFor(root: string, path: string): string | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(path);
  } catch {
    return null;
  }
  if (decoded.includes('\0') || decoded.includes('\\') || decoded.split('/').some((part) => part === '..' || part.startsWith('.')))
    return null;
  // The service's own bundle lives in the same build: it is run, never sent.
  if (decoded === 'server' || decoded.startsWith('server/')) return null;
  const file = join(root, decoded);
  return file.startsWith(root + sep) ? file : null;
}
