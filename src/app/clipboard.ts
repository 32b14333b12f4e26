/**
 * Puts text on the clipboard. False where the host refuses (an Outlook pane's frame may not grant clipboard access):
 * the caller then shows the text for the user to copy themselves.
 */
export async function copyText(
  text: string,
  clipboard: Pick<Clipboard, 'writeText'> | undefined = globalThis.navigator?.clipboard,
): Promise<boolean> {
  if (!clipboard) return false;
  try {
    await clipboard.writeText(text);
    return true;
  } catch {
    return false;
  }
}
