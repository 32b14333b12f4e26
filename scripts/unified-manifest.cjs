#!/usr/bin/env node
// The unified manifest for Microsoft 365 (manifest.json), derived from manifest.xml — the one source of truth for the
// add-in's id, version, names, pages, surfaces, permission, icons and URLs — so the two can never disagree. Webpack
// writes dist/manifest.json from the (publicUrl-rewritten) manifest.xml; validation uses the JSON schema bundled in
// @microsoft/app-manifest for the version the manifest declares (offline: nothing is fetched).
//   node scripts/unified-manifest.cjs [manifest.xml] [out.json]      writes (or prints) the unified manifest
//   node scripts/unified-manifest.cjs --validate dist/manifest.json    exits 1 with the schema's errors
'use strict';
const fs = require('node:fs');
const path = require('node:path');
const { DOMParser } = require('@xmldom/xmldom');

/** The unified manifest schema version this add-in declares (bundled in @microsoft/app-manifest). */
const MANIFEST_VERSION = '1.24';
const SCHEMA_URL = `https://developer.microsoft.com/json-schemas/teams/v${MANIFEST_VERSION}/MicrosoftTeams.schema.json`;
/** LinkedIn's blue, as in the icons (the XML manifest has no accent colour). */
const ACCENT_COLOR = '#0A66C2';
/** The XML manifest's permission → the unified manifest's resource-specific permission. */
/** @type {Record<string, string>} */
const PERMISSIONS = {
  Restricted: 'MailboxItem.Restricted.User',
  ReadItem: 'MailboxItem.Read.User',
  ReadWriteItem: 'MailboxItem.ReadWrite.User',
  ReadWriteMailbox: 'Mailbox.ReadWrite.User',
};
/** The XML manifest's command surfaces → the unified manifest's ribbon contexts. */
/** @type {Record<string, string>} */
const CONTEXTS = {
  MessageReadCommandSurface: 'mailRead',
  AppointmentAttendeeCommandSurface: 'meetingDetailsAttendee',
};
const ICONS = { color: 'assets/icon-192.png', outline: 'assets/icon-outline-32.png' };
const XSI = 'http://www.w3.org/2001/XMLSchema-instance';

/** @typedef {import('@xmldom/xmldom').Element} XmlElement */
/** @typedef {(id: string | null) => string} ResourceOf */

/** @param {XmlElement} node @param {string} tag @returns {XmlElement[]} */
const byTag = (node, tag) => Array.from(node.getElementsByTagName(tag));
/** @param {XmlElement} node @param {string} tag @returns {XmlElement | undefined} */
const child = (node, tag) =>
  /** @type {XmlElement | undefined} */ (Array.from(node.childNodes).find((n) => n.nodeType === 1 && n.localName === tag));
/** The child element `tag`, which the manifest must have. @param {XmlElement} node @param {string} tag */
const the = (node, tag) => required(child(node, tag), `<${tag}>`);
/** @param {XmlElement} node */
const typeOf = (node) => node.getAttributeNS(XSI, 'type');
/**
 * @template T
 * @param {T | null | undefined} value @param {string} what @returns {T}
 */
function required(value, what) {
  if (value === undefined || value === null || value === '') throw new Error(`manifest.xml has no ${what}`);
  return value;
}
/** @param {XmlElement} node @param {string} tag */
const defaultValue = (node, tag) => required(child(node, tag)?.getAttribute('DefaultValue'), tag);

/** Reads the resources (images, URLs, strings) of one VersionOverrides by id. */
/** @param {XmlElement} overrides @returns {ResourceOf} */
function resourcesOf(overrides) {
  const resources = the(overrides, 'Resources');
  /** @type {Map<string, string | null>} */
  const values = new Map();
  for (const tag of ['Image', 'Url', 'String']) {
    for (const node of byTag(resources, `bt:${tag}`)) {
      const id = node.getAttribute('id');
      if (id) values.set(id, node.getAttribute('DefaultValue'));
    }
  }
  return (id) => required(values.get(id ?? ''), `resource ${id}`);
}

/** One ribbon per command surface of the most recent VersionOverrides, and the task pane action each button opens. */
/** @param {XmlElement} overrides */
function surfacesOf(overrides) {
  const resource = resourcesOf(overrides);
  /** @type {Map<string, { page: string, pinnable: boolean, noItemContext: boolean }>} */
  const actions = new Map();
  const ribbons = [];
  for (const point of byTag(overrides, 'ExtensionPoint')) {
    const context = CONTEXTS[typeOf(point) ?? ''];
    if (!context) throw new Error(`manifest.xml: no unified context for ${typeOf(point)}`);
    const groups = byTag(point, 'Group').map((group) => ({
      id: group.getAttribute('id'),
      label: resource(the(group, 'Label').getAttribute('resid')),
      icons: iconsOf(required(byTag(group, 'Control')[0], 'Control'), resource),
      controls: byTag(group, 'Control').map((control) => {
        const action = the(control, 'Action');
        if (typeOf(action) !== 'ShowTaskpane') throw new Error('manifest.xml: only ShowTaskpane buttons are mapped');
        const page = resource(the(action, 'SourceLocation').getAttribute('resid'));
        const pinnable = child(action, 'SupportsPinning')?.textContent?.trim() === 'true';
        const noItemContext = child(action, 'SupportsNoItemContext')?.textContent?.trim() === 'true';
        const actionId = pinnable ? 'openPinnablePane' : 'openPane';
        actions.set(actionId, { page, pinnable, noItemContext });
        const supertip = the(control, 'Supertip');
        return {
          id: control.getAttribute('id'),
          type: 'button',
          label: resource(the(control, 'Label').getAttribute('resid')),
          icons: iconsOf(control, resource),
          supertip: {
            title: resource(the(supertip, 'Title').getAttribute('resid')),
            description: resource(the(supertip, 'Description').getAttribute('resid')),
          },
          actionId,
        };
      }),
    }));
    ribbons.push({ contexts: [context], tabs: [{ builtInTabId: the(point, 'OfficeTab').getAttribute('id'), groups }] });
  }
  return { ribbons, actions };
}

/** @param {XmlElement} control @param {ResourceOf} resource */
function iconsOf(control, resource) {
  return byTag(the(control, 'Icon'), 'bt:Image').map((image) => ({
    size: Number(image.getAttribute('size')),
    url: resource(image.getAttribute('resid')),
  }));
}

/** The unified manifest for the add-in manifest.xml describes (the same URLs: rewrite the XML for publicUrl first). */
/** @param {string} xml */
function unifiedManifestFromXml(xml) {
  const document = new DOMParser().parseFromString(xml, 'text/xml');
  const app = required(document.documentElement, 'root element');
  if (app.localName !== 'OfficeApp' || typeOf(app) !== 'MailApp') throw new Error('manifest.xml is not a mail add-in');
  const text = (/** @type {string} */ tag) => required(child(app, tag)?.textContent?.trim(), tag);
  // The innermost VersionOverrides is the newest (V1_1, Mailbox 1.5: the pinnable pane): it is what current clients use.
  const overrides = required(byTag(app, 'VersionOverrides').pop(), 'VersionOverrides');
  const minVersion = required(byTag(overrides, 'bt:Sets')[0]?.getAttribute('DefaultMinVersion'), 'Mailbox requirement');
  const { ribbons, actions } = surfacesOf(overrides);
  const pages = new Set([...actions.values()].map((a) => a.page));
  if (pages.size !== 1) throw new Error('manifest.xml: every button must open the same task pane page');
  const [page] = pages;
  const supportUrl = defaultValue(app, 'SupportUrl');
  const description = defaultValue(app, 'Description');
  const displayName = defaultValue(app, 'DisplayName');
  const permission = required(PERMISSIONS[text('Permissions')], `unified permission for ${text('Permissions')}`);
  const urls = [...xml.matchAll(/DefaultValue="(https:\/\/[^"]+)"/g)].map((m) => (m[1] ?? '').replace(/&amp;/g, '&'));
  const domains = [...new Set(urls.map((url) => new URL(url).host))];
  return {
    $schema: SCHEMA_URL,
    manifestVersion: MANIFEST_VERSION,
    id: text('Id'),
    version: text('Version').split('.').slice(0, 3).join('.'),
    localizationInfo: { defaultLanguageTag: text('DefaultLocale').toLowerCase() },
    developer: {
      name: text('ProviderName'),
      websiteUrl: supportUrl,
      privacyUrl: new URL('privacy.html', supportUrl).toString(),
      termsOfUseUrl: new URL('terms.html', supportUrl).toString(),
    },
    name: { short: displayName, full: displayName },
    description: { short: description.length <= 80 ? description : (description.split(',')[0] ?? '').slice(0, 80), full: description },
    icons: ICONS,
    accentColor: ACCENT_COLOR,
    validDomains: domains,
    authorization: { permissions: { resourceSpecific: [{ name: permission, type: 'Delegated' }] } },
    extensions: [
      {
        requirements: { scopes: ['mail'], capabilities: [{ name: 'Mailbox', minVersion }] },
        runtimes: [
          {
            id: 'TaskPaneRuntime',
            type: 'general',
            code: { page },
            lifetime: 'short',
            actions: [...actions].map(([id, action]) => ({
              id,
              type: 'openPage',
              view: 'linkedInProfile',
              ...(action.pinnable ? { pinnable: true } : {}),
              // Opens with no item selected (Today): as the XML manifest's SupportsNoItemContext.
              ...(action.noItemContext ? { supportsNoItemContext: true } : {}),
            })),
          },
        ],
        ribbons,
      },
    ],
  };
}

/** The schema @microsoft/app-manifest bundles for this manifest's declared version (never fetched). */
/**
 * @param {{ manifestVersion?: unknown, $schema?: unknown }} manifest
 * @returns {import('ajv').JSONSchemaType<import('@microsoft/app-manifest').TeamsAppManifest>}
 */
function bundledSchemaFor(manifest) {
  const version = manifest.manifestVersion;
  if (typeof version !== 'string' || !/^(\d+\.\d+|devPreview)$/.test(version))
    throw new Error(`unknown manifestVersion ${String(version)}`);
  if (manifest.$schema !== `https://developer.microsoft.com/json-schemas/teams/v${version}/MicrosoftTeams.schema.json`)
    throw new Error(`$schema does not match manifestVersion ${version}: ${String(manifest.$schema)}`);
  const root = path.dirname(require.resolve('@microsoft/app-manifest/package.json'));
  const file = path.join(root, 'build', 'json-schemas', 'teams', `v${version}`, 'MicrosoftTeams.schema.json');
  // The same clean-up @microsoft/app-manifest applies to a fetched schema (an invalid "\a" in one of its patterns).
  return JSON.parse(fs.readFileSync(file, 'utf8').replace(/\\a/g, '\\x07'));
}

/** The schema's errors for this unified manifest ([] when valid). */
/** @param {import('@microsoft/app-manifest').TeamsAppManifest} manifest @returns {Promise<string[]>} */
async function validateUnifiedManifest(manifest) {
  const { ManifestUtil } = require('@microsoft/app-manifest');
  return ManifestUtil.validateManifestAgainstSchema(manifest, bundledSchemaFor(manifest));
}

if (require.main === module) {
  const args = process.argv.slice(2);
  if (args[0] === '--validate') {
    const files = args.slice(1);
    if (files.length === 0) {
      console.error('usage: node scripts/unified-manifest.cjs --validate <manifest.json>…');
      process.exit(2);
    }
    void (async () => {
      let failed = false;
      for (const file of files) {
        let errors;
        try {
          errors = await validateUnifiedManifest(JSON.parse(fs.readFileSync(file, 'utf8')));
        } catch (error) {
          errors = [error instanceof Error ? error.message : String(error)];
        }
        failed ||= errors.length > 0;
        console.log(`${file}: ${errors.length === 0 ? 'valid' : `INVALID\n  ${errors.join('\n  ')}`}`);
      }
      process.exit(failed ? 1 : 0);
    })();
  } else {
    const [input = 'manifest.xml', output] = args;
    const json = `${JSON.stringify(unifiedManifestFromXml(fs.readFileSync(input, 'utf8')), null, 2)}\n`;
    if (output) fs.writeFileSync(output, json);
    else process.stdout.write(json);
  }
}

module.exports = { unifiedManifestFromXml, validateUnifiedManifest, bundledSchemaFor, MANIFEST_VERSION };
