/**
 * The pane sets the page's language and direction (`<html lang dir>`) from Office's display language; a test that
 * renders it in another language puts them back after each test (`afterEach(resetDocumentLanguage)`).
 */
export function resetDocumentLanguage(): void {
  document.documentElement.removeAttribute('lang');
  document.documentElement.removeAttribute('dir');
}
