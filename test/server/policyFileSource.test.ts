import {
  policyTextSource,
  watchedPolicyFile,
  type Identity,
  type PolicyFileAccess,
  type PolicyFileReading,
} from '../../server/rules/policyFileSource';

/**
 * How the service follows its policy file (the process test, policyFileProcess.test.ts, edits a real one). Here, a
 * file system whose clock is as coarse as some are: an edit that keeps the file's size and lands in the same tick
 * leaves its identity unchanged, and must still be seen; an old, unchanged file is not read again at every request.
 */
const OPEN = JSON.stringify({ version: 1, linkedInAccountConnections: 'yes' });
const SAME_SIZE_OFF = JSON.stringify({ version: 1, linkedInAccountConnections: 'no' }).padEnd(OPEN.length, ' ');

function coarseFiles(start: { text: string; mtimeMs: number }) {
  let text = start.text;
  let now = start.mtimeMs;
  let reads = 0;
  const identity: Identity = { ino: 1n, size: BigInt(OPEN.length), mtimeNs: BigInt(start.mtimeMs) * 1_000_000n, ctimeNs: 0n };
  const files: PolicyFileAccess = {
    stat: () => identity,
    read: () => {
      reads += 1;
      return text;
    },
    now: () => now,
  };
  return {
    files,
    edit: (next: string) => (text = next),
    advance: (ms: number) => (now += ms),
    reads: () => reads,
  };
}

const statusOf = (reading: PolicyFileReading) => (reading.status === 'valid' ? reading.policy.tenantMode : reading.status);

test('an edit that keeps the size and the clock tick is seen while the file is recent', () => {
  expect(SAME_SIZE_OFF.length).toBe(OPEN.length);
  const disk = coarseFiles({ text: OPEN, mtimeMs: 1_000_000 });
  const file = watchedPolicyFile('/etc/linkedin-policy.json', undefined, disk.files);
  expect(statusOf(file.read())).toBe('yes');
  disk.edit(SAME_SIZE_OFF);
  disk.advance(3);
  expect(statusOf(file.read())).toBe('no');
});

test('an old file whose identity is unchanged is not read again (a stat per request, no more)', () => {
  const disk = coarseFiles({ text: OPEN, mtimeMs: 1_000_000 });
  const file = watchedPolicyFile('/etc/linkedin-policy.json', undefined, disk.files);
  disk.advance(60_000);
  for (let i = 0; i < 100; i++) expect(statusOf(file.read())).toBe('yes');
  expect(disk.reads()).toBe(1);
});

test('each change of state is reported once, with its problems; the same bad file again is not', () => {
  const disk = coarseFiles({ text: OPEN, mtimeMs: 1_000_000 });
  const reported: string[] = [];
  const file = watchedPolicyFile('/etc/linkedin-policy.json', (reading) => reported.push(statusOf(reading)), disk.files);
  file.read();
  disk.edit('{"linkedInAccountConnections":"sometimes"}');
  for (let i = 0; i < 5; i++) file.read();
  disk.edit(OPEN);
  file.read();
  expect(reported).toEqual(['yes', 'invalid', 'yes']);
});

test("the workbench's text is read as a file would be: null is no file, not JSON is invalid", () => {
  let text: string | null = null;
  const source = policyTextSource(() => text);
  expect(source.read().status).toBe('none');
  text = 'not json';
  const reading = source.read();
  expect(reading).toMatchObject({ status: 'invalid', problems: [{ field: '(the whole file)', problem: 'is not valid JSON' }] });
  text = OPEN;
  expect(statusOf(source.read())).toBe('yes');
});
