import { DialogError, retryOnceWhenStillOpen, REOPEN_WAIT_MS, type SignInDialog } from '../../src/office/signInDialog';

const handlers = { onMessage: () => undefined, onClosed: () => undefined };

/** A dialog whose opens fail with these codes first, then succeed. */
function dialogFailing(...codes: number[]) {
  const attempts: string[] = [];
  const dialog: SignInDialog = {
    open: async (url) => {
      attempts.push(url);
      const code = codes.shift();
      if (code !== undefined) throw new DialogError(code);
      return { close: () => undefined };
    },
  };
  return { dialog, attempts };
}

describe('reopening the dialog right after a close (12007, office-js #6021)', () => {
  test('12007 waits, then tries once more, and opens', async () => {
    const { dialog, attempts } = dialogFailing(12007);
    const waits: number[] = [];
    const opened = await retryOnceWhenStillOpen(dialog, async (ms) => void waits.push(ms)).open('https://a/dialog.html', handlers);
    expect(opened).toBeDefined();
    expect(attempts).toHaveLength(2);
    expect(waits).toEqual([REOPEN_WAIT_MS]);
  });
  test('a second 12007 is the caller’s: only one retry', async () => {
    const { dialog, attempts } = dialogFailing(12007, 12007);
    await expect(retryOnceWhenStillOpen(dialog, async () => undefined).open('u', handlers)).rejects.toMatchObject({ code: 12007 });
    expect(attempts).toHaveLength(2);
  });
  test.each([12009, 12011, 12004])('%i is not retried', async (code) => {
    const { dialog, attempts } = dialogFailing(code);
    await expect(retryOnceWhenStillOpen(dialog, async () => undefined).open('u', handlers)).rejects.toMatchObject({ code });
    expect(attempts).toHaveLength(1);
  });
});
