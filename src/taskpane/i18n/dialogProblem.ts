/**
 * Office's dialog error codes (displayDialogAsync, DialogEventReceived), grouped by what the user is told. Every
 * language words each group (DialogTexts); a code outside them is shown as it is (a code, not a count).
 */
export type DialogProblem = 'alreadyOpen' | 'popupBlocked' | 'dismissed' | 'pageNotAllowed' | 'pageNotLoaded';

export type DialogTexts = Record<DialogProblem, string> & { other: (code: number) => string };

const PROBLEM_OF_CODE: Readonly<Record<number, DialogProblem>> = {
  12007: 'alreadyOpen',
  12011: 'popupBlocked',
  12009: 'dismissed',
  12004: 'pageNotAllowed',
  12005: 'pageNotAllowed',
  12002: 'pageNotLoaded',
  12003: 'pageNotLoaded',
};

export function dialogText(texts: DialogTexts, code: number): string {
  const problem = PROBLEM_OF_CODE[code];
  return problem ? texts[problem] : texts.other(code);
}
