/**
 * An e-mail address as the insights service takes it and the pane sends it: a mailbox SMTP carries as it is
 * (RFC 5321 §4.1.2): a dot-string local part of `atext` (letters, digits and ! # $ % & ' * + - / = ? ^ _ ` { | } ~,
 * dots only between them), at most 64 characters, `@`, a domain name of letter-digit-hyphen labels (two at least),
 * the whole at most 254 characters (a path's 256 octets less its angle brackets).
 *
 * Everything else is refused, on both sides: control characters (C0, DEL, C1), U+FFFD (what broken UTF-8 decodes to),
 * bidi controls and any other non-ASCII character, spaces, quoted local parts and address literals. Internationalized
 * addresses (RFC 6531) are refused too: the pane shows such a person as "can't be looked up from here".
 */
const ATEXT = "[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]";
const LABEL = '[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?';
// atext holds no dot and a label no dot, so each part matches one way only: linear, whatever the input.
export const EMAIL_ADDRESS = new RegExp(`^(?=[^@]{1,64}@)${ATEXT}+(?:\\.${ATEXT}+)*@${LABEL}(?:\\.${LABEL})+$`);
export const MAX_ADDRESS_LENGTH = 254;

/** True when the address may travel to the service (the pane answers any other as "can't be looked up from here"). */
export function isLookupAddress(value: string): boolean {
  return value.length <= MAX_ADDRESS_LENGTH && EMAIL_ADDRESS.test(value);
}

/** The most addresses one lookup (and one suggestions request) takes. */
export const MAX_LOOKUP_BATCH = 20;
