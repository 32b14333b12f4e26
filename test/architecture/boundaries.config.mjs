// The project's layer rules (eslint.config.mjs `boundaries`) alone, with the TypeScript parser and no type
// information, so boundaries.test.ts can lint made-up files quickly.
import tseslint from 'typescript-eslint';
import { boundaries } from '../../eslint.config.mjs';

export default [
  { files: ['**/*.ts', '**/*.tsx'], languageOptions: { parser: tseslint.parser }, plugins: { '@typescript-eslint': tseslint.plugin } },
  ...boundaries,
];
