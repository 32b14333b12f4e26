/** @jest-environment node */
import { http, HttpResponse } from 'msw';
import { CONSENT_SETTING, readConsentRecord } from '../../src/app/connect/consentRecord';
import { disconnectLinkedIn, type DisconnectDependencies } from '../../src/app/connect/disconnectFlow';
import { reconcileConsent } from '../../src/app/connect/reconcile';
import { insightsService } from '../support/insightsService';
import { memoryRoamingSettings } from '../../src/office';
import { createInsightsClient } from '../../src/services/insightsClient';
import { createTestServer } from '../support/mswServer';

const { server } = createTestServer(...insightsService().handlers);
const insights = createInsightsClient('https://addins.contoso.com/linkedin/api/v1/', async () => 't');
const RECORD = { consent: 'twoWay', connectedAt: '2026-11-27T10:00:00.000Z', version: 1 };

function device() {
  const data = new Map<string, string>([
    ['partition-1:linkedin.profileCache.v1', '[["v|a",{}]]'],
    ['linkedin.profileCache.v1', '[]'],
    ['partition-1:linkedin.showLinkedInFeatures', 'true'],
    ['other-app.setting', 'x'],
  ]);
  const databases = [{ name: 'linkedin-profiles' }, { name: 'other-app' }];
  const deleted: string[] = [];
  const deps = (
    roaming = memoryRoamingSettings({ [CONSENT_SETTING]: RECORD }),
  ): DisconnectDependencies & { roaming: ReturnType<typeof memoryRoamingSettings> } => ({
    insights,
    roaming,
    purgeCache: jest.fn(),
    localStore: {
      get length() {
        return data.size;
      },
      key: (i: number) => [...data.keys()][i] ?? null,
      removeItem: (k: string) => void data.delete(k),
    },
    indexedDB: { databases: async () => databases, deleteDatabase: (name: string) => (deleted.push(name), {} as IDBOpenDBRequest) },
  });
  return { data, deleted, deps };
}

describe('disconnecting', () => {
  test('after both ways: revokes, then nothing of LinkedIn is left in local storage, IndexedDB or roaming settings', async () => {
    const { data, deleted, deps } = device();
    const d = deps();
    expect(await disconnectLinkedIn(d, 'twoWay')).toEqual({ ok: true, remains: 'microsoftAndLinkedIn' });
    expect(d.purgeCache).toHaveBeenCalled();
    expect([...data.keys()]).toEqual(['partition-1:linkedin.showLinkedInFeatures', 'other-app.setting']);
    expect(deleted).toEqual(['linkedin-profiles']);
    expect(readConsentRecord(d.roaming)).toBe('none');
    expect(d.roaming.saved).toEqual({});
  });

  test('after "LinkedIn to Microsoft only" only LinkedIn\'s side remains to clean', async () => {
    const { deps } = device();
    expect(await disconnectLinkedIn(deps(), 'linkedInToMicrosoft')).toEqual({ ok: true, remains: 'linkedInOnly' });
  });

  test.each([500, 401, 403])('the service cannot revoke (%i): nothing changes on this device', async (status) => {
    server.use(http.delete('*/api/v1/connection', () => new HttpResponse(null, { status })));
    const { data, deleted, deps } = device();
    const d = deps();
    const outcome = await disconnectLinkedIn(d, 'twoWay');
    expect(outcome).toMatchObject({ ok: false, reason: 'service' });
    expect(d.purgeCache).not.toHaveBeenCalled();
    expect(data.size).toBe(4);
    expect(deleted).toEqual([]);
    expect(readConsentRecord(d.roaming)).toEqual(RECORD);
  });

  test('the roaming save fails: says so; the next start reconciles the record away', async () => {
    const { deps } = device();
    const roaming = memoryRoamingSettings({ [CONSENT_SETTING]: RECORD });
    roaming.failNextSave(9057);
    expect(await disconnectLinkedIn(deps(roaming), 'twoWay')).toEqual({
      ok: false,
      reason: 'saveFailed',
      code: 9057,
      remains: 'microsoftAndLinkedIn',
    });
    expect(roaming.saved[CONSENT_SETTING]).toEqual(RECORD);
    // Next start: the service says not connected.
    expect(await reconcileConsent(roaming, insights)).toEqual({ status: 'removed' });
    expect(roaming.saved).toEqual({});
  });
});

describe('reconciling on start', () => {
  test('connected on the service: the record stands', async () => {
    server.use(
      http.get('*/api/v1/connection', () =>
        HttpResponse.json({ apiVersion: '1', status: 'connected', consent: 'twoWay', connectedAt: RECORD.connectedAt }),
      ),
    );
    expect(await reconcileConsent(memoryRoamingSettings({ [CONSENT_SETTING]: RECORD }), insights)).toMatchObject({
      status: 'connected',
      consent: 'twoWay',
    });
  });
  test('expired on the service, or refused (401): expired, the record kept for Reconnect', async () => {
    const roaming = memoryRoamingSettings({ [CONSENT_SETTING]: RECORD });
    server.use(
      http.get('*/api/v1/connection', () =>
        HttpResponse.json({ apiVersion: '1', status: 'expired', consent: 'twoWay', connectedAt: RECORD.connectedAt }),
      ),
    );
    expect(await reconcileConsent(roaming, insights)).toEqual({ status: 'expired', record: RECORD, cause: 'linkedIn' });
    server.use(http.get('*/api/v1/connection', () => HttpResponse.json({ error: 'notConnected' }, { status: 401 })));
    expect(await reconcileConsent(roaming, insights)).toEqual({ status: 'expired', record: RECORD, cause: 'service' });
    expect(readConsentRecord(roaming)).toEqual(RECORD);
  });
  test("the add-in's own token refused (401 invalidToken): one fresh token, then unconfirmed — not expired, nothing to reconnect", async () => {
    const roaming = memoryRoamingSettings({ [CONSENT_SETTING]: RECORD });
    const asked: (boolean | undefined)[] = [];
    const refusing = createInsightsClient('https://addins.contoso.com/linkedin/api/v1/', async (options) => {
      asked.push(options?.forceRefresh);
      return `token-${asked.length}`;
    });
    server.use(
      http.get('*/api/v1/connection', () =>
        HttpResponse.json({ error: 'invalidToken', message: 'A valid token is required.' }, { status: 401 }),
      ),
    );
    expect(await reconcileConsent(roaming, refusing)).toMatchObject({ status: 'unconfirmed', record: RECORD, problem: 'unauthorized' });
    expect(asked).toEqual([undefined, true]);
    expect(readConsentRecord(roaming)).toEqual(RECORD);
  });
  test('the status cannot be fetched: unconfirmed (public only), the record is kept', async () => {
    server.use(http.get('*/api/v1/connection', () => new HttpResponse(null, { status: 503 })));
    const roaming = memoryRoamingSettings({ [CONSENT_SETTING]: RECORD });
    expect(await reconcileConsent(roaming, insights)).toMatchObject({ status: 'unconfirmed', problem: 'server' });
    expect(readConsentRecord(roaming)).toEqual(RECORD);
  });
  test('a record this version cannot read is unknown, and no request is made for no record', async () => {
    expect(await reconcileConsent(memoryRoamingSettings({ [CONSENT_SETTING]: { consent: 'all' } }), insights)).toEqual({
      status: 'notConnected',
      unreadable: true,
    });
    expect(await reconcileConsent(memoryRoamingSettings(), insights)).toEqual({ status: 'notConnected', unreadable: false });
  });
});
