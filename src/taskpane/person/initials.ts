/**
 * Scripts Fluent draws no initials for (it shows its person icon instead): Arabic, Hangul, Japanese kana, CJK.
 * The same ranges as Fluent's own rule, so these names look as they did.
 */
const NO_INITIALS =
  /^[\u0600-\u06FF\u0750-\u077F\u08A0-\u08FF\u1100-\u11FF\u3130-\u318F\uA960-\uA97F\uAC00-\uD7AF\uD7B0-\uD7FF\u3040-\u309F\u30A0-\u30FF\u3400-\u4DBF\u4E00-\u9FFF\uF900-\uFAFF]/;

/**
 * A person's initials in the name's own order: "Aiko Tanaka" is "AT" in an Arabic (right-to-left) pane too. Fluent's
 * Avatar swaps two initials when the pane is right to left, which reverses a Latin name's ("TA"); the letters keep
 * their own direction when drawn, so no swap is needed. First and last word (of two or three), as Fluent picks them;
 * undefined where Fluent draws an icon instead (the scripts above, phone numbers, nothing left), so it still does.
 */
export function initialsOf(name: string): string | undefined {
  const words = name
    .replace(/[([{][^)\]}]*([)\]}]|$)/g, '')
    .replace(/[^\p{L}\p{N}\s]/gu, '')
    .split(/\s+/)
    .filter(Boolean);
  const first = words[0];
  if (!first || NO_INITIALS.test(first) || /^\p{N}/u.test(first)) return undefined;
  const last = words.length === 2 ? words[1] : words.length === 3 ? words[2] : undefined;
  const initial = (word: string | undefined): string => (word ? String.fromCodePoint(word.codePointAt(0) ?? 32).toUpperCase() : '');
  return (initial(first) + (last && !NO_INITIALS.test(last) ? initial(last) : '')).trim() || undefined;
}
