/**
 * Characters no address the service takes may hold (src/contract/address.ts), named for the test tables: C0 controls,
 * DEL, C1 controls, U+FFFD (what invalid UTF-8 decodes to), bidi controls, and others SMTP (RFC 5321) does not carry
 * in a dot-string mailbox: spaces, specials, non-ASCII letters, invisible characters and a lone surrogate.
 */
const range = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => String.fromCharCode(from + i));

export const UNSAFE_ADDRESS_CHARACTERS: readonly string[] = [
  ...range(0x00, 0x1f),
  '\u007f',
  ...range(0x80, 0x9f),
  '\ufffd',
  '\u061c',
  '\u200e',
  '\u200f',
  ...range(0x202a, 0x202e),
  ...range(0x2066, 0x2069),
  ...[' ', '"', '(', ')', ',', ':', ';', '<', '>', '[', ']', '\\'],
  ...['\u00a0', '\u200b', '\u2028', '\ufeff', 'é', '\uff20', '\ud800'],
];

/** `address` with `character` put in at `position` (0 … address.length). */
export const insertAt = (address: string, character: string, position: number): string =>
  `${address.slice(0, position)}${character}${address.slice(position)}`;

/** Every address made by putting each unsafe character at every position of `address`. */
export function everyUnsafeInsertion(address: string): { address: string; character: string; position: number }[] {
  return UNSAFE_ADDRESS_CHARACTERS.flatMap((character) =>
    Array.from({ length: address.length + 1 }, (_, position) => ({ address: insertAt(address, character, position), character, position })),
  );
}

export const codePoint = (character: string): string => `U+${(character.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')}`;
