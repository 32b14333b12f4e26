/** @jest-environment node */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * What a deploy build is made for: the path it serves under, the organisation's own add-in id, provider name and
 * version in both manifests, a head comment that says what the build is, and warnings when a deploy build lacks
 * publicUrl, clientId or its own add-in id.
 */
/* eslint-disable @typescript-eslint/no-require-imports -- the build's helpers are CommonJS, run by webpack directly. */
const { basePathOf, buildInfo, deployWarnings, SAMPLE_ADDIN_ID } = require('../scripts/build-info.cjs') as {
  basePathOf: (url?: string) => string;
  buildInfo: (env: Record<string, string>) => { publicUrl: string | null; basePath: string; release: string };
  deployWarnings: (env: Record<string, string>) => string[];
  SAMPLE_ADDIN_ID: string;
};
const { manifestForBuild } = require('../scripts/manifest.cjs') as {
  manifestForBuild: (xml: string, settings: Record<string, string>) => string;
};
const { unifiedManifestFromXml } = require('../scripts/unified-manifest.cjs') as {
  unifiedManifestFromXml: (xml: string) => { id: string; version: string; developer: { name: string } };
};
/* eslint-enable @typescript-eslint/no-require-imports */

const xml = readFileSync(join(__dirname, '..', 'manifest.xml'), 'utf8');
const ORG = {
  publicUrl: 'https://addins.contoso.com/linkedin/',
  clientId: '0d5e6f70-1111-4222-8333-944445555666',
  addinId: '7C2D1E0F-AAAA-4BBB-8CCC-DDDDEEEEFFFF',
  providerName: 'Contoso IT',
  version: '1.4.0.2',
};

test('the path a build serves under is its publicUrl’s', () => {
  expect(['https://h/linkedin/', 'https://h/linkedin', 'https://h/', undefined].map(basePathOf)).toEqual([
    '/linkedin/',
    '/linkedin/',
    '/',
    '/',
  ]);
  expect(buildInfo({ publicUrl: ORG.publicUrl })).toMatchObject({
    publicUrl: ORG.publicUrl,
    basePath: '/linkedin/',
    release: expect.stringMatching(/^\d+\.\d+\.\d+/),
  });
});

test('a deploy build warns for each thing it lacks, and not once all are given', () => {
  const warnings = deployWarnings({});
  expect(warnings.map((warning) => /--env (\w+)/.exec(warning)?.[1])).toEqual(['publicUrl', 'clientId', 'addinId']);
  expect(deployWarnings({ ...ORG, addinId: SAMPLE_ADDIN_ID })).toHaveLength(1);
  expect(deployWarnings(ORG)).toEqual([]);
});

test("both manifests carry the organisation's id, provider name and version, and say what they were built for", () => {
  const built = manifestForBuild(xml, ORG);
  expect(built).toContain('<Id>7c2d1e0f-aaaa-4bbb-8ccc-ddddeeeeffff</Id>');
  expect(built).toContain('<ProviderName>Contoso IT</ProviderName>');
  expect(built).toContain('<Version>1.4.0.2</Version>');
  expect(built).toContain('Built by npm run build for https://addins.contoso.com/linkedin/');
  expect(built).not.toMatch(/localhost|Development URLs point at/);
  expect(unifiedManifestFromXml(built)).toMatchObject({
    id: '7c2d1e0f-aaaa-4bbb-8ccc-ddddeeeeffff',
    version: '1.4.0',
    developer: { name: 'Contoso IT' },
  });
  // Without settings only the comment changes: it no longer claims a rewrite that did not happen.
  expect(manifestForBuild(xml, {})).toContain('Built by npm run build without publicUrl');
  expect(manifestForBuild(xml, {}).replace(/<!--[\s\S]*?-->/, '')).toBe(xml.replace(/<!--[\s\S]*?-->/, ''));
});

test.each([
  [{ addinId: 'not-a-guid' }, 'addinId must be a GUID'],
  [{ version: '1.2.3.4.5' }, 'version must be up to four numbers'],
  [{ providerName: ' ' }, 'providerName must be 1 to 250 characters'],
  [{ publicUrl: 'http://addins.contoso.com/' }, 'publicUrl must be https'],
])('a bad setting stops the build, named: %j', (settings, message) => {
  expect(() => manifestForBuild(xml, settings)).toThrow(message);
});
