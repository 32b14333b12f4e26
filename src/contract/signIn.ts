import { isConsentGiven } from '../policy/vocabulary';

/**
 * The one-time values of the LinkedIn sign-in, as every side checks them: the pane that issues them, the dialog page
 * that carries them, and the service that binds and redeems them. All are base64url without padding.
 */

/** The state the pane issues for one sign-in: at least 128 bits (the pane's are 256). */
export const SIGN_IN_STATE = /^[A-Za-z0-9_-]{22,200}$/;
/** The service's own one-time code, which the dialog page hands the pane. */
export const SIGN_IN_CODE = /^[A-Za-z0-9_-]{22,200}$/;
/** PKCE's S256 code challenge (RFC 7636: 32 bytes of SHA-256). */
export const PKCE_CHALLENGE = /^[A-Za-z0-9_-]{43}$/;
/** PKCE's code verifier (RFC 7636: 43 to 128 unreserved characters). */
export const PKCE_VERIFIER = /^[A-Za-z0-9._~-]{43,128}$/;

/** The consent a sign-in is started for: one of the two the user can choose. */
export const isChosenConsent = isConsentGiven;

/**
 * The Microsoft Graph permissions of the Microsoft sign-in, spelled once for the pane (src/services/auth.ts) and the
 * fallback sign-in page (src/dialog/): User.Read at sign-in; Calendars.ReadBasic only when Today reads the calendar.
 */
export const GRAPH_USER_SCOPE = 'User.Read';
export const GRAPH_CALENDAR_SCOPE = 'Calendars.ReadBasic';
