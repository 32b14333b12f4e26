import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv from 'ajv';
import { http, HttpResponse } from 'msw';
import jsonSchema from '../../policy/linkedin-policy.schema.json';
import example from '../../policy/linkedin-policy.example.json';
import { loadPolicyFile, parsePolicyFile, policyFileUrl } from '../../src/services/policyFile';
import { DEFAULT_ADMIN_POLICY } from '../../src/contract/policyFile';
import { createTestServer } from '../support/mswServer';
import { POLICY_SCHEMA_FILE, policySchemaText } from '../../scripts/policySchema';

const BASE = 'https://addins.contoso.com/linkedin/taskpane.html';
const FILE = 'https://addins.contoso.com/linkedin/linkedin-policy.json';
const { server, requests } = createTestServer();

const serve = (body: string, status = 200) =>
  server.use(http.get(FILE, () => new HttpResponse(body, { status, headers: { 'Content-Type': 'application/json' } })));

describe('the admin policy file', () => {
  test('is read beside the task pane page', () => {
    expect(policyFileUrl(BASE)).toBe(FILE);
  });

  test('a missing file (404) means the documented defaults', async () => {
    serve('', 404);
    const state = await loadPolicyFile(BASE);
    expect(state).toEqual({ status: 'missing', policy: DEFAULT_ADMIN_POLICY });
    expect(DEFAULT_ADMIN_POLICY.tenantMode).toBe('unset');
    expect(requests).toHaveLength(1);
  });

  test('the shipped example is valid and every field reaches the add-in', async () => {
    serve(JSON.stringify(example));
    const state = await loadPolicyFile(BASE);
    expect(state.status).toBe('valid');
    if (state.status !== 'valid') return;
    expect(state.policy).toMatchObject({
      tenantMode: 'selected',
      selectedGroupId: '6f1c2a9e-3b4d-4e5f-8a7b-9c0d1e2f3a4b',
      selectedUsers: ['pilot.user@contoso.com'],
      environment: { cloud: 'worldwide', mailboxGeo: 'NAM', tenantCountry: 'US' },
    });
  });

  test('geo and country codes are accepted in any case and used upper-case', () => {
    const state = parsePolicyFile({
      environment: { mailboxGeo: 'eur', tenantCountry: 'de' },
      availability: { excludedMailboxGeos: ['jpn'] },
    });
    expect(state).toMatchObject({
      status: 'valid',
      policy: { environment: { mailboxGeo: 'EUR', tenantCountry: 'DE' }, availability: { excludedMailboxGeos: ['JPN'] } },
    });
  });

  test.each([
    ['a misspelt field', { linkedinAccountConnections: 'yes' }, 'linkedinAccountConnections'],
    ['an unknown nested field', { officePolicy: { showLinkedIn: 'enabled' } }, 'officePolicy.showLinkedIn'],
    ['an unknown mode', { linkedInAccountConnections: 'maybe' }, 'linkedInAccountConnections'],
    ['a bad Office policy value', { officePolicy: { showLinkedInFeatures: 'off' } }, 'officePolicy.showLinkedInFeatures'],
    ['a group id that is not a GUID', { linkedInAccountConnections: 'selected', selectedGroupId: 'pilot-group' }, 'selectedGroupId'],
    ['mode selected with no group and no users', { linkedInAccountConnections: 'selected' }, 'selectedGroupId'],
    ['a bad address in the user list', { selectedUsers: ['ok@contoso.com', 'not an address'] }, 'selectedUsers[1]'],
    ['an unknown cloud override', { environment: { cloud: 'mars' } }, 'environment.cloud'],
    ['a wrong version', { version: 2 }, 'version'],
    ['an array instead of an object', [], '(the whole file)'],
  ])('%s makes the file invalid and names the field at fault', async (_name, body, field) => {
    serve(JSON.stringify(body));
    const state = await loadPolicyFile(BASE);
    expect(state).toMatchObject({ status: 'invalid', field });
  });

  test('text that is not JSON is invalid', async () => {
    serve('{ "linkedInAccountConnections": "yes", ');
    expect(await loadPolicyFile(BASE)).toMatchObject({ status: 'invalid', field: '(the whole file)', problem: 'is not valid JSON' });
  });

  test.each([
    ['a server error', () => new HttpResponse(null, { status: 500 }), 'server'],
    ['being offline', () => HttpResponse.error(), 'offline'],
    ['a 403', () => new HttpResponse(null, { status: 403 }), 'forbidden'],
  ])('%s is "unreachable", never the defaults (fail closed)', async (_name, resolver, kind) => {
    server.use(http.get(FILE, resolver));
    const state = await loadPolicyFile(BASE);
    expect(state.status).toBe('unreachable');
    if (state.status === 'unreachable') expect(state.error.kind).toBe(kind);
  });
});

describe('the JSON Schema shipped for editors agrees with the validator the add-in uses', () => {
  test('is the one generated from the zod schema, byte for byte (npm run build:policy-schema writes it)', () => {
    expect(readFileSync(join(__dirname, '../..', POLICY_SCHEMA_FILE), 'utf8')).toBe(policySchemaText());
  });

  const ajv = new Ajv({ allErrors: true, strict: false });
  const validate = ajv.compile(jsonSchema);
  const samples: unknown[] = [
    example,
    {},
    { linkedInAccountConnections: 'no' },
    { linkedInAccountConnections: 'selected' },
    { linkedInAccountConnections: 'selected', selectedUsers: [] },
    { linkedInAccountConnections: 'selected', selectedUsers: ['a@b.co'] },
    { linkedInAccountConnections: 'maybe' },
    { linkedinAccountConnections: 'yes' },
    { officePolicy: { showLinkedInFeatures: 'disabled', connectedExperiences: 'enabled' } },
    { officePolicy: { showLinkedInFeatures: 'off' } },
    { officePolicy: { extra: 'enabled' } },
    { environment: { cloud: 'gccHigh', mailboxGeo: 'EUR', tenantCountry: 'DE' } },
    { environment: { mailboxGeo: 'EURO' } },
    { availability: { excludedClouds: ['china'], excludedMailboxGeos: ['JPN'] } },
    { availability: { excludedClouds: ['unknown'] } },
    { version: 1 },
    { version: 2 },
    { selectedGroupId: 'nope' },
    { selectedUsers: ['x'] },
  ];
  test.each(samples.map((sample) => [JSON.stringify(sample), sample]))('%s', (_label, sample) => {
    expect(parsePolicyFile(sample).status === 'valid').toBe(validate(sample) === true);
  });
});
