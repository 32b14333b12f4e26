import { config } from 'zod/mini';
import { en } from 'zod/locales';

/**
 * The one schema library of the add-in: zod's tree-shakable "mini" build (about a third of the classic build's
 * weight in the pane). Use it as `import * as z from './zod'`: named re-exports keep it tree-shakable (a namespace
 * object passed around would pull in all of zod). English messages, since an invalid policy file names its problem
 * in the admin's words.
 */
config(en());
// No compiled parsers: zod would otherwise probe `new Function`, which the pages' Content Security Policy forbids
// (and reports as a violation even though zod catches it).
config({ jitless: true });

export * from 'zod/mini';
