/**
 * C0 and C1 control characters; bidi embeddings, overrides and isolates, which can make text read differently from
 * what it is ("Trojan Source", CVE-2021-42574); and lone surrogates (half a character: broken text).
 */
const UNSAFE =
  // eslint-disable-next-line no-control-regex -- matching control characters is the point: they are removed.
  /[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

/**
 * Text from outside the add-in (a network answer, the admin's file, storage) as the pane may show it: the characters
 * above removed, then cut to at most `max` UTF-16 units without splitting a character in two.
 */
export function cleanText(value: string, max: number): string {
  const cleaned = value.replace(UNSAFE, '');
  if (cleaned.length <= max) return cleaned;
  const cut = cleaned.slice(0, max);
  return /[\ud800-\udbff]$/.test(cut) ? cut.slice(0, -1) : cut;
}
