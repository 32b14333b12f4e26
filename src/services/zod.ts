import * as z from 'zod/mini';

/**
 * The one schema library of the add-in: zod's tree-shakable "mini" build (about a third of the classic build's
 * weight in the pane), with English messages, since an invalid policy file names its problem in the admin's words.
 */
z.config(z.locales.en());
// No compiled parsers: zod would otherwise probe `new Function`, which the pages' Content Security Policy forbids
// (and reports as a violation even though zod catches it).
z.config({ jitless: true });

export { z };
