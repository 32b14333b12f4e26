/** @jest-environment node */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

// eslint-disable-next-line @typescript-eslint/no-require-imports -- the scripts are CommonJS, shared with webpack.
const { manifestForPublicUrl } = require('../scripts/manifest.cjs') as { manifestForPublicUrl: (xml: string, url: string) => string };
// eslint-disable-next-line @typescript-eslint/no-require-imports -- the scripts are CommonJS, shared with webpack.
const { unifiedManifestFromXml } = require('../scripts/unified-manifest.cjs') as { unifiedManifestFromXml: (xml: string) => Unified };

interface Control {
  id: string;
  actionId: string;
  icons: { size: number; url: string }[];
}
interface Unified {
  name: { short: string; full: string };
  $schema: string;
  manifestVersion: string;
  id: string;
  version: string;
  developer: { name: string; websiteUrl: string; privacyUrl: string; termsOfUseUrl: string };
  icons: { color: string; outline: string };
  validDomains: string[];
  authorization: { permissions: { resourceSpecific: { name: string; type: string }[] } };
  extensions: {
    requirements: { capabilities: { name: string; minVersion: string }[] };
    runtimes: { code: { page: string }; actions: { id: string; type: string; pinnable?: boolean; supportsNoItemContext?: boolean }[] }[];
    ribbons: { contexts: string[]; tabs: { groups: { controls: Control[] }[] }[] }[];
  }[];
}

const ROOT = join(__dirname, '..');
const xml = readFileSync(join(ROOT, 'manifest.xml'), 'utf8');
const PUBLIC = 'https://addins.contoso.com/linkedin/';
const local = unifiedManifestFromXml(xml);
const deployed = unifiedManifestFromXml(manifestForPublicUrl(xml, PUBLIC));

/** Every https URL anywhere in the manifest. */
const urlsIn = (manifest: unknown): string[] => JSON.stringify(manifest).match(/https:\/\/[^"]+/g) ?? [];

function png(file: string) {
  const data = readFileSync(join(ROOT, file));
  expect(data.subarray(1, 4).toString('ascii')).toBe('PNG');
  return { width: data.readUInt32BE(16), height: data.readUInt32BE(20), colourType: data[25] };
}

/**
 * Validates manifests as .ci/run does: `node scripts/unified-manifest.cjs --validate`, a real Node process loading
 * @microsoft/app-manifest and the schema it bundles for the declared version. Offline: the process's fetch is
 * replaced by one that fails, so a schema download would be an error. Returns each manifest's errors.
 */
function validate(manifests: Record<string, unknown>): Record<string, string> {
  const dir = mkdtempSync(join(tmpdir(), 'unified-manifest-'));
  const files = Object.entries(manifests).map(([name, manifest]) => {
    const file = join(dir, `${name}.json`);
    writeFileSync(file, JSON.stringify(manifest));
    return [name, file] as const;
  });
  const offline = join(dir, 'offline.cjs');
  writeFileSync(offline, "globalThis.fetch = () => Promise.reject(new Error('network used during validation'));\n");
  const run = spawnSync(
    process.execPath,
    ['--require', offline, join(ROOT, 'scripts', 'unified-manifest.cjs'), '--validate', ...files.map(([, f]) => f)],
    {
      encoding: 'utf8',
    },
  );
  const out = run.stdout;
  return Object.fromEntries(
    files.map(([name, file]) => [
      name,
      out
        .slice(out.indexOf(`${file}:`))
        .split(/\n(?=\/)/)[0]
        .slice(file.length + 2),
    ]),
  );
}

const broken = JSON.parse(JSON.stringify(local)) as Record<string, unknown> & Unified;
broken.authorization.permissions.resourceSpecific[0].type = 'Everything';
delete broken.accentColor;
broken.name = { short: 'A name far longer than thirty characters', full: 'x' };
let verdicts: Record<string, string>;
beforeAll(() => {
  verdicts = validate({ local, deployed, broken, mismatched: { ...local, $schema: 'https://example.com/schema.json' } });
});

describe('the unified manifest (manifest.json) the build emits from manifest.xml', () => {
  test.each([
    ['the default build', 'local', local],
    ['a publicUrl build', 'deployed', deployed],
  ])("%s validates against Microsoft's schema for the version it declares, offline", (_name, key, manifest) => {
    expect(manifest.$schema).toBe(
      `https://developer.microsoft.com/json-schemas/teams/v${manifest.manifestVersion}/MicrosoftTeams.schema.json`,
    );
    expect(verdicts[key]).toBe('valid');
  });

  test('the validator rejects what Microsoft would: a wrong permission type, a missing accent colour, a short name over 30 characters', () => {
    expect(verdicts.broken).toMatch(/^INVALID/);
    expect(verdicts.broken).toMatch(/resourceSpecific\/0\/type/);
    expect(verdicts.broken).toMatch(/accentColor/);
    expect(verdicts.broken).toMatch(/\/name\/short/);
  });

  test('a $schema that does not match manifestVersion is refused rather than validated against another schema', () => {
    expect(verdicts.mismatched).toMatch(/INVALID\s+\$schema does not match/);
  });

  test('the same add-in as manifest.xml: id, an x.y.z version, the same task pane page', () => {
    expect(local.id).toBe(/<Id>([^<]+)<\/Id>/.exec(xml)?.[1]);
    expect(local.version).toMatch(/^\d+\.\d+\.\d+$/);
    expect(`${local.version}.0`).toBe(/<Version>([^<]+)<\/Version>/.exec(xml)?.[1]);
    const pages = local.extensions[0].runtimes.map((r) => r.code.page);
    expect(pages).toEqual([/<bt:Url id="Taskpane.Url" DefaultValue="([^"]+)"/.exec(xml)?.[1]]);
  });

  test('the same surfaces: message read (pinnable) and meeting attendee, both opening the pane', () => {
    const extension = local.extensions[0];
    const actions = new Map(extension.runtimes[0].actions.map((a) => [a.id, a]));
    const surfaces = extension.ribbons.map((ribbon) => ({
      contexts: ribbon.contexts,
      pinnable: ribbon.tabs.flatMap((t) => t.groups.flatMap((g) => g.controls)).map((c) => actions.get(c.actionId)?.pinnable === true),
      noItem: ribbon.tabs
        .flatMap((t) => t.groups.flatMap((g) => g.controls))
        .map((c) => actions.get(c.actionId)?.supportsNoItemContext === true),
    }));
    // The mail pane also opens with no item selected (Today), as manifest.xml's SupportsNoItemContext says.
    expect(surfaces).toEqual([
      { contexts: ['mailRead'], pinnable: [true], noItem: [true] },
      { contexts: ['meetingDetailsAttendee'], pinnable: [false], noItem: [false] },
    ]);
    for (const action of actions.values()) expect(action.type).toBe('openPage');
    // Mailbox 1.5: pinning and ItemChanged.
    expect(extension.requirements.capabilities).toEqual([{ name: 'Mailbox', minVersion: '1.5' }]);
  });

  test('least privilege: reading the selected item only (ReadItem), nothing else', () => {
    expect(xml).toMatch(/<Permissions>ReadItem<\/Permissions>/);
    expect(local.authorization.permissions.resourceSpecific).toEqual([{ name: 'MailboxItem.Read.User', type: 'Delegated' }]);
  });

  test('a publicUrl build points every URL and the valid domain at the deployment', () => {
    expect(urlsIn(deployed).length).toBeGreaterThan(10);
    for (const url of urlsIn(deployed).filter((u) => !u.startsWith('https://developer.microsoft.com/json-schemas/')))
      expect(url.startsWith(PUBLIC)).toBe(true);
    expect(deployed.validDomains).toEqual(['addins.contoso.com']);
    expect(deployed.developer).toMatchObject({ privacyUrl: `${PUBLIC}privacy.html`, termsOfUseUrl: `${PUBLIC}terms.html` });
    expect(local.validDomains).toEqual(['localhost:3000']);
  });

  test('the privacy, terms and support pages it names are shipped', () => {
    for (const url of [local.developer.websiteUrl, local.developer.privacyUrl, local.developer.termsOfUseUrl]) {
      const file = new URL(url).pathname.slice(1);
      expect(readFileSync(join(ROOT, 'public', file), 'utf8')).toMatch(/<h1>/);
    }
  });

  test('icons: a 192×192 colour icon and a 32×32 outline icon (white on transparent), and every ribbon icon exists', () => {
    expect(png(local.icons.color)).toMatchObject({ width: 192, height: 192 });
    expect(png(local.icons.outline)).toMatchObject({ width: 32, height: 32, colourType: 6 });
    const ribbonIcons = local.extensions[0].ribbons.flatMap((r) =>
      r.tabs.flatMap((t) => t.groups.flatMap((g) => g.controls.flatMap((c) => c.icons))),
    );
    for (const icon of ribbonIcons) {
      expect(png(new URL(icon.url).pathname.slice(1))).toMatchObject({ width: icon.size, height: icon.size });
    }
  });
});
