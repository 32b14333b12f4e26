/**
 * What the pane's first script settles from the policy file's answer (earlyStart.ts), and what it leaves to the rest
 * of the pane: a file it can use settles the first render (and the pane's next read of the file asks again); any other
 * answer is handed on untouched, so the pane says what is wrong with it exactly as before.
 */
import {
  requestedPolicy,
  sendPagePolicyFileRequest,
  takePagePolicyFileRequest,
  type EarlyPolicyFileRequest,
} from '../../src/app/pagePolicyFileRequest';
import { startEarly } from '../../src/app/pane/earlyStart';
import { INLINED_POLICY_FILE_ID } from '../../src/contract/inlinePolicyFile';
import { loadPolicyFile } from '../../src/services/policyFile';
import { UNKNOWN_ENVIRONMENT } from '../../src/policy';
import { createFakeHost, PANE_URL, POLICY_URL } from '../support/fakeHost';

const STATED = { linkedInAccountConnections: 'yes', environment: { cloud: 'worldwide', mailboxGeo: 'NAM', tenantCountry: 'US' } };

function answered(body: unknown, status = 200): EarlyPolicyFileRequest {
  const text = typeof body === 'string' ? body : JSON.stringify(body);
  return requestedPolicy(POLICY_URL, Promise.resolve(new Response(status === 404 ? null : text, { status })));
}

describe("the first script's start", () => {
  test('a file that states everything: the policy and the first lookup are settled, and the pane will ask anew', async () => {
    const { host } = createFakeHost({});
    const early = startEarly(host, answered(STATED));
    const decided = await early.decided;
    expect(decided?.settled).toEqual({
      policyState: { status: 'valid', policy: expect.objectContaining({ tenantMode: 'yes' }) },
      detected: UNKNOWN_ENVIRONMENT,
    });
    expect(decided?.item).toEqual(await host.getItem());
    expect(decided?.lookups[0]).toBe((await host.getItem())?.people[0]?.address);
    // Its answer was used: a later read of the file (a restart) is not given this one.
    expect(early.takePolicyRequest()).toBeUndefined();
  });

  test.each([
    ['invalid', { version: 2 }, 'invalid'],
    ['not JSON', '{"version": 1,', 'invalid'],
    ['leaving the environment to detect', { linkedInAccountConnections: 'yes' }, 'valid'],
    ['missing (the defaults leave the environment to detect)', '', 'missing'],
  ])('a file %s is left to the pane, which reads the same answer', async (_, body, status) => {
    const { host } = createFakeHost({});
    const early = startEarly(host, answered(body, status === 'missing' ? 404 : 200));
    expect(await early.decided).toBeNull();
    const taken = early.takePolicyRequest();
    expect(taken).toBeDefined();
    expect(await loadPolicyFile(PANE_URL, undefined, taken)).toMatchObject({ status });
    // Once: any later read asks the server again.
    expect(early.takePolicyRequest()).toBeUndefined();
  });

  test('a file the rules say no to: settled, and nobody is looked up', async () => {
    const { host } = createFakeHost({});
    const early = startEarly(host, answered({ ...STATED, linkedInAccountConnections: 'no' }));
    expect((await early.decided)?.lookups).toEqual([]);
  });

  test("the page's start script reads the file's answer as it arrives, before the host is ready", async () => {
    const fetchSpy = jest.spyOn(globalThis, 'fetch').mockImplementation(async () => new Response(JSON.stringify(STATED)));
    try {
      const page = { location: { href: PANE_URL } } as unknown as Window;
      sendPagePolicyFileRequest(page);
      // Read without startEarly (no host yet): the first script finds the text there when it checks the file.
      expect(await takePagePolicyFileRequest(page).answer).toEqual({ status: 'found', text: JSON.stringify(STATED) });
    } finally {
      fetchSpy.mockRestore();
    }
  });

  test.each([
    ['an error status', new Response('{}', { status: 500 })],
    ['an answer declared too big', new Response('{}', { status: 200, headers: { 'Content-Length': String(5 * 1024 * 1024) } })],
  ])('%s is no answer to check: the pane reads it and says what is wrong', async (_, response) => {
    expect(await requestedPolicy(POLICY_URL, Promise.resolve(response)).answer).toBeNull();
  });

  test("the page's start script asks for the file once; the first script takes that request, once", () => {
    const fetchSpy = jest.spyOn(globalThis, 'fetch').mockImplementation(async () => new Response('{}'));
    try {
      const page = { location: { href: PANE_URL } } as unknown as Window;
      sendPagePolicyFileRequest(page);
      expect(fetchSpy.mock.calls.map(([url]) => (url instanceof Request ? url.url : url.toString()))).toEqual([POLICY_URL]);
      expect(takePagePolicyFileRequest(page).url).toBe(POLICY_URL);
      expect(fetchSpy).toHaveBeenCalledTimes(1);
      // Nothing left on the page (a pane started again, or a page without the start script): asked for anew.
      takePagePolicyFileRequest(page);
      expect(fetchSpy).toHaveBeenCalledTimes(2);
    } finally {
      fetchSpy.mockRestore();
    }
  });

  test('a policy the server put into the page settles the first decision at once, without reading a response body', async () => {
    // In the browser a body read is a task of its own, run after the scripts queued before it (the pane's chunk, the
    // frame's render): the bench's page measured it up to 140 ms after the start script, the first lookup waiting.
    // A body read that never ends stands in for that queue: the inlined text must not wait for one.
    const fetchSpy = jest.spyOn(globalThis, 'fetch');
    const bodyRead = jest.spyOn(Response.prototype, 'text').mockReturnValue(new Promise<string>(() => undefined));
    const block = document.createElement('script');
    block.type = 'application/json';
    block.id = INLINED_POLICY_FILE_ID;
    block.textContent = JSON.stringify({ status: 'found', text: JSON.stringify(STATED) });
    document.head.append(block);
    try {
      const page = { location: { href: PANE_URL }, document } as unknown as Window;
      sendPagePolicyFileRequest(page);
      const { host } = createFakeHost({});
      const early = startEarly(host, takePagePolicyFileRequest(page));
      const nextTask = new Promise<'a task later'>((resolve) => setTimeout(() => resolve('a task later'), 0));
      const decided = await Promise.race([early.decided, nextTask]);
      expect(decided).not.toBe('a task later');
      expect(decided).toMatchObject({ settled: { policyState: { status: 'valid' } } });
      expect(decided === 'a task later' ? undefined : decided?.lookups[0]).toBe((await host.getItem())?.people[0]?.address);
      expect(fetchSpy).not.toHaveBeenCalled();
      expect(document.getElementById(INLINED_POLICY_FILE_ID)).toBeNull();
    } finally {
      block.remove();
      bodyRead.mockRestore();
      fetchSpy.mockRestore();
    }
  });
});
