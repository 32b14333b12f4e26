import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { POLICY_SCHEMA_FILE, policySchemaText } from './policySchema';

// `npm run build:policy-schema` (part of `npm run build`): writes the policy file's JSON Schema from the zod schema.
writeFileSync(join(__dirname, '..', POLICY_SCHEMA_FILE), policySchemaText());
console.log(`${POLICY_SCHEMA_FILE} generated from src/contract/policyFile.ts`);
