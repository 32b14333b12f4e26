// Journeys through the built workbench in Chromium, as a person would take them. Run: npm run test:e2e
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, test } from 'node:test';
import { done, openWorkbench, paneFrame, useHarness } from './harness.mjs';

const harness = useHarness();

describe('reading mail', () => {
  test("opening a mail shows the sender's card; switching shows another person", async () => {
    const session = await openWorkbench(harness);
    const { pane } = session;
    await pane.getByText('Partnerships lead at Fabrikam · B2B SaaS').waitFor();
    await pane.getByRole('option', { name: /Alex Wilber/ }).click();
    await pane.getByText('Finance manager at Contoso').waitFor();
    // One lookup for the two people on the mail; switching to a cached person asks nothing more.
    assert.deepEqual(session.linkedInRequests, ['POST /api/v1/profiles/lookup']);
    await done(session);
  });

  test('a pinned pane follows the selection; an unpinned one closes and reopens from the ribbon', async () => {
    const session = await openWorkbench(harness);
    const { page, pane } = session;
    await pane.getByText('Partnerships lead at Fabrikam · B2B SaaS').waitFor();
    await page.locator('[data-item="meeting"]').click();
    await pane.getByRole('option', { name: /Isaiah Langer/, selected: true }).waitFor();
    await pane.getByText('Principal product designer').waitFor();
    await page.locator('[data-action="pin"]').click();
    await page.locator('[data-item="internal-sender"]').click();
    assert.equal(await page.locator('iframe').count(), 0);
    await page.locator('[data-action="open-pane"]').click();
    await pane.getByText('Finance manager at Contoso').waitFor();
    await done(session);
  });
});

describe('connecting and disconnecting', () => {
  for (const [choice, label, status] of /** @type {[string, string, RegExp][]} */ ([
    ['twoWay', 'Share data both ways', /data shared both ways/],
    ['linkedInToMicrosoft', 'Only LinkedIn to Microsoft', /LinkedIn to Microsoft only/],
  ])) {
    test(`connect with "${label}", reload, disconnect: nothing of LinkedIn left on the device`, async () => {
      const session = await openWorkbench(harness);
      const { page, pane, context } = session;
      await pane.getByRole('button', { name: 'Connect your LinkedIn account' }).click();
      await pane.getByRole('radio', { name: label }).check();
      const [popup] = await Promise.all([context.waitForEvent('page'), pane.getByRole('button', { name: 'Continue to LinkedIn' }).click()]);
      await popup.getByRole('button', { name: 'Allow' }).click();
      await pane.getByText('12 mutual connections').waitFor();
      assert.match(await pane.locator('[data-connection]').innerText(), status);
      assert.match(page.url(), new RegExp(`consent=${choice}`));
      await page.reload();
      await pane.getByText('12 mutual connections').waitFor();
      await pane.getByRole('button', { name: 'Disconnect' }).click();
      await pane.getByRole('button', { name: 'Disconnect' }).click();
      await pane.getByText(/Your LinkedIn account is disconnected/).waitFor();
      await pane.getByText('Partnerships lead at Fabrikam · B2B SaaS').waitFor();
      // What it removed and what stays, said alike by the message and Settings; imported contacts after "both ways" only.
      const message = await pane.locator('[data-notice="disconnected"]').innerText();
      assert.match(message, /removed your saved choice and the LinkedIn information it had kept on this device about \d+ (person|people)/);
      assert.match(message, /kept in this pane only, until you close it; nothing is saved on this device/);
      assert.equal(/Contacts already imported into LinkedIn/.test(message), choice === 'twoWay');
      const kept = pane.locator('[data-cached]');
      await pane.locator('[data-cached][data-kept="pane"]').waitFor();
      assert.match(await kept.innerText(), /is kept in this pane only, until you close it; nothing is saved on this device/);
      const frame = paneFrame(page);
      const stores = await frame.evaluate(async () => ({
        localStorage: Object.keys(localStorage).filter((key) => /linkedin/i.test(key) && !key.endsWith('showLinkedInFeatures')),
        indexedDB: (await indexedDB.databases()).map((d) => d.name),
      }));
      assert.deepEqual(stores, { localStorage: [], indexedDB: [] });
      await done(session);
    });
  }

  test('LinkedIn Cancel leaves the user not connected', async () => {
    const session = await openWorkbench(harness);
    const { pane, context } = session;
    await pane.getByRole('button', { name: 'Connect your LinkedIn account' }).click();
    const [popup] = await Promise.all([context.waitForEvent('page'), pane.getByRole('button', { name: 'Continue to LinkedIn' }).click()]);
    await popup.getByRole('button', { name: 'Cancel', exact: true }).click();
    await pane.getByText('Not connected: the sign-in was cancelled.').waitFor();
    await done(session);
  });
});

describe('every reason is explained, and LinkedIn is asked only what the decision allows', () => {
  const policy = (/** @type {object} */ json) => `policy=${encodeURIComponent(JSON.stringify(json))}`;
  /** @type {[string, string, RegExp, string[]?][]} */
  const cases = [
    ['cloud-unavailable', '?cloud=gccHigh', /Microsoft cloud/],
    ['mailbox-geo-unavailable', '?geo=DEU', /data location/],
    ['environment-unknown', '?cloud=unknown', /couldn't confirm/],
    ['tenant-off', `?${policy({ linkedInAccountConnections: 'no' })}`, /turned off LinkedIn account connections/],
    ['tenant-default-off', '?nopolicy=1&country=DE', /off by default/],
    ['tenant-mode-unknown', '?nopolicy=1&country=unknown', /isn't known yet/],
    [
      'not-in-selected-group',
      `?membership=notMember&${policy({ linkedInAccountConnections: 'selected', selectedGroupId: '6f1c2a9e-3b4d-4e5f-8a7b-9c0d1e2f3a4b' })}`,
      /aren't in it/,
    ],
    [
      'membership-unknown',
      `?membership=unknown&${policy({ linkedInAccountConnections: 'selected', selectedGroupId: '6f1c2a9e-3b4d-4e5f-8a7b-9c0d1e2f3a4b' })}`,
      /couldn't check/,
    ],
    [
      'selected-users-unverifiable',
      `?membership=member&${policy({ linkedInAccountConnections: 'selected', selectedUsers: ['megan.bowen@contoso.com'] })}`,
      /list of users, which the add-in can't check securely/,
    ],
    [
      'office-policy-off',
      `?platform=windows&${policy({ officePolicy: { showLinkedInFeatures: 'disabled' } })}`,
      /turns off LinkedIn features in Office apps/,
    ],
    [
      'connected-experiences-off',
      `?platform=mac&${policy({ officePolicy: { connectedExperiences: 'disabled' } })}`,
      /turns off connected experiences/,
    ],
    [
      'optional-connected-experiences-off',
      `?platform=windows&${policy({ officePolicy: { optionalConnectedExperiences: 'disabled' } })}`,
      /optional connected experiences/,
    ],
    ['user-option-off', '?option=0', /turned off "Show LinkedIn features"/],
    // Reasons that limit rather than turn off: the requests that remain are exactly the ones allowed.
    ['not-connected', '', /haven't connected your LinkedIn account/, ['POST /api/v1/profiles/lookup']],
    [
      'inbound-only',
      '?consent=linkedInToMicrosoft',
      /LinkedIn to Microsoft only/,
      ['GET /api/v1/connection', 'POST /api/v1/profiles/lookup', 'POST /api/v1/profiles/insights'],
    ],
    [
      'member-hidden',
      '?item=hidden-member&consent=twoWay',
      /isn't available in Microsoft apps/,
      ['GET /api/v1/connection', 'POST /api/v1/profiles/lookup'],
    ],
    // Today's own reasons (no item selected opens Today): neither the calendar nor a lookup is asked.
    ['today-not-connected', '?item=none', /Today needs your LinkedIn account connected with sharing data both ways/],
    [
      'today-inbound-only',
      '?item=none&consent=linkedInToMicrosoft',
      /Today needs sharing data both ways, because it sends the people on your calendar to LinkedIn/,
      ['GET /api/v1/connection'],
    ],
  ];
  test('the table has a row for every reason code of the policy engine', () => {
    const source = readFileSync(new URL('../../src/policy/reasons.ts', import.meta.url), 'utf8');
    const codes = [...source.matchAll(/^ {2}'([a-z-]+)': \{/gm)].map((m) => m[1]);
    assert.ok(codes.length >= 15, 'reason codes found in src/policy/reasons.ts');
    assert.deepEqual(cases.map(([code]) => code).sort(), [...codes].sort());
  });
  for (const [code, query, sentence, allowed = []] of cases) {
    test(code, async () => {
      // No policy file is a 404 by design; an unknown cloud is the tenant's OpenID configuration answering 400; an
      // unknown membership is the Graph stand-in's checkMemberGroups failing (500), as the pane's own Graph client reads it.
      const expected = [
        ...(query.includes('nopolicy') ? [/404/] : []),
        ...(query.includes('cloud=unknown') ? [/400/] : []),
        ...(query.includes('membership=unknown') ? [/500/] : []),
      ];
      const session = await openWorkbench(harness, query, expected);
      const reason = session.pane.locator(`[data-reason="${code}"]`);
      await reason.waitFor();
      assert.match(await reason.innerText(), sentence);
      await session.page.waitForTimeout(300);
      assert.deepEqual([...new Set(session.linkedInRequests)].sort(), [...allowed].sort());
      await done(session);
    });
  }
});

describe('pane and service decide as one: what the pane shows, the service answers (and what it refuses, the pane never asks)', () => {
  const policy = (/** @type {object} */ json) => `policy=${encodeURIComponent(JSON.stringify(json))}`;
  const GROUP = '6f1c2a9e-3b4d-4e5f-8a7b-9c0d1e2f3a4b';
  const CARD = 'Partnerships lead at Fabrikam · B2B SaaS';
  for (const [name, query, outcome] of /** @type {[string, string, { card?: boolean, reason?: string }][]} */ ([
    [
      'a cloud stated in the file wins over a different detection (GCC High detected, worldwide stated)',
      `?cloud=gccHigh&${policy({ linkedInAccountConnections: 'yes', environment: { cloud: 'worldwide' } })}`,
      { card: true },
    ],
    [
      'a data location stated in the file wins over a different detection (NAM detected, DEU stated)',
      `?geo=NAM&${policy({ linkedInAccountConnections: 'yes', environment: { mailboxGeo: 'DEU' } })}`,
      { reason: 'mailbox-geo-unavailable' },
    ],
    [
      'a pilot group with a legacy list beside it: a member of the group sees the card',
      `?membership=member&${policy({ linkedInAccountConnections: 'selected', selectedGroupId: GROUP, selectedUsers: ['alex.wilber@contoso.com'] })}`,
      { card: true },
    ],
    [
      'a pilot group with a legacy list beside it: on the list but not in the group is not a member',
      `?membership=notMember&${policy({ linkedInAccountConnections: 'selected', selectedGroupId: GROUP, selectedUsers: ['megan.bowen@contoso.com'] })}`,
      { reason: 'not-in-selected-group' },
    ],
  ])) {
    test(name, async () => {
      const session = await openWorkbench(harness, query);
      if (outcome.card) {
        // The card is the service's answer to the pane's lookup: the service admitted what the pane allowed.
        await session.pane.getByText(CARD).waitFor();
        assert.ok(session.linkedInRequests.includes('POST /api/v1/profiles/lookup'));
      } else {
        await session.pane.locator(`[data-reason="${outcome.reason}"]`).waitFor();
        assert.deepEqual(session.linkedInRequests, []);
      }
      await done(session);
    });
  }
});

describe('failures show a clear state', () => {
  test('an invalid policy file names the field at fault and sends nothing to LinkedIn', async () => {
    const session = await openWorkbench(harness, `?policy=${encodeURIComponent('{"linkedInAccountConnections":"sometimes"}')}`);
    const notice = session.pane.locator('[data-state="policy-invalid"]');
    await notice.waitFor();
    assert.match(await notice.innerText(), /policy file is invalid[\s\S]*linkedInAccountConnections/);
    assert.deepEqual(session.linkedInRequests, []);
    await done(session);
  });

  for (const [fault, message, expected] of /** @type {[string, string, RegExp[]][]} */ ([
    ['offline', 'You seem to be offline.', [/net::ERR_EMPTY_RESPONSE/]],
    ['throttled', 'The LinkedIn card service is busy.', [/429/]],
    ['server', 'The LinkedIn card service had a problem.', [/500/]],
    ['invalidPayload', 'The LinkedIn card service sent something unexpected.', []],
    ['truncated', 'The LinkedIn card service sent something unexpected.', []],
    ['unauthorized', "The add-in couldn't sign in to the LinkedIn card service.", [/401/]],
    ['forbidden', 'The LinkedIn card service refused access for your account.', [/403/]],
  ])) {
    test(`a lookup failing with "${fault}" says so${fault === 'forbidden' ? ', with no Retry that cannot help' : ' and offers Retry'}`, async () => {
      const session = await openWorkbench(harness, `?lookupFault=${fault}`, expected);
      await session.pane.getByText(message).waitFor();
      if (fault === 'forbidden') assert.equal(await session.pane.getByRole('button', { name: 'Retry' }).count(), 0);
      else await session.pane.getByRole('button', { name: 'Retry' }).waitFor();
      await done(session);
    });
  }
});

describe('connected insights failing show a clear state, and the public card stays', () => {
  for (const [fault, message, expected] of /** @type {[string, string, RegExp[]][]} */ ([
    ['offline', 'You seem to be offline.', [/net::ERR_EMPTY_RESPONSE/]],
    ['forbidden', 'The LinkedIn card service refused access for your account.', [/403/]],
    ['server', 'The LinkedIn card service had a problem.', [/500/]],
    ['invalidPayload', 'The LinkedIn card service sent something unexpected.', []],
    ['truncated', 'The LinkedIn card service sent something unexpected.', []],
    // The add-in's own token refused: a sign-in problem (after one fresh token), never "reconnect LinkedIn".
    ['unauthorized', "The add-in couldn't sign in to the LinkedIn card service.", [/401/]],
  ])) {
    test(`insights failing with "${fault}" says so${fault === 'forbidden' ? ', with no Retry that cannot help' : ' and offers Retry'}`, async () => {
      const session = await openWorkbench(harness, `?consent=twoWay&insightsFault=${fault}`, expected);
      await session.pane.getByText('Partnerships lead at Fabrikam · B2B SaaS').waitFor();
      await session.pane.getByText(message).waitFor();
      if (fault === 'forbidden') assert.equal(await session.pane.getByRole('button', { name: 'Retry' }).count(), 0);
      else await session.pane.getByRole('button', { name: 'Retry' }).waitFor();
      await done(session);
    });
  }

  test('insights answered "notConnected" (the LinkedIn connection gone) offer Reconnect, not Retry', async () => {
    const session = await openWorkbench(harness, '?consent=twoWay&insightsFault=notConnected', [/401/]);
    await session.pane.getByText('Partnerships lead at Fabrikam · B2B SaaS').waitFor();
    await session.pane.getByText('LinkedIn no longer accepts your connection. Reconnect to see insights.').waitFor();
    await session.pane.getByRole('button', { name: 'Reconnect LinkedIn' }).first().waitFor();
    assert.equal(await session.pane.getByRole('button', { name: 'Retry' }).count(), 0);
    await done(session);
  });
});
