/**
 * How the add-in sends a request: JSON accepted, no cookies, nothing cached. Its own module, without the parsing, so
 * the pane's first script can send the policy file's request (policyFileRequest.ts) before the rest of the pane is loaded.
 */
/** The largest answer parsed: 4 MB of text (more than a policy file listing its maximum of 10,000 users). */
export const MAX_RESPONSE_CHARS = 4 * 1024 * 1024;

/** An answer as the add-in reads it: a fetch Response, or one whose body was already read where it arrived (readNow). */
export type Answer = Pick<Response, 'ok' | 'status' | 'headers' | 'text'>;

/**
 * The answer with its body read now, as it arrives, rather than when its reader gets to it: a body read is a task of
 * its own in the browser, queued behind whatever the page is doing then (the pane's chunk evaluating, its first render
 * preparing). An answer declared bigger than the add-in parses is left unread (its reader refuses it).
 */
export async function readNow(response: Response): Promise<Answer> {
  if (Number(response.headers.get('Content-Length') ?? 0) > MAX_RESPONSE_CHARS) return response;
  const text = await response.text();
  return { ok: response.ok, status: response.status, headers: response.headers, text: async () => text };
}

export interface SendOptions {
  url: string;
  method?: 'GET' | 'POST' | 'DELETE';
  /** Sent as JSON. Personal data (e-mail addresses) belongs here, never in the URL. */
  body?: unknown;
  bearerToken?: string;
  signal?: AbortSignal;
}

export function send(request: SendOptions): Promise<Response> {
  const headers: Record<string, string> = { Accept: 'application/json' };
  if (request.body !== undefined) headers['Content-Type'] = 'application/json';
  if (request.bearerToken) headers.Authorization = `Bearer ${request.bearerToken}`;
  return fetch(request.url, {
    method: request.method ?? 'GET',
    headers,
    body: request.body === undefined ? undefined : JSON.stringify(request.body),
    signal: request.signal,
    credentials: 'omit',
    cache: 'no-store',
  });
}
