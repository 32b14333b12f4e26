/**
 * Why the privacy grid (paneGrid.tsx) may render fewer rows than the policy tests' 3,919,104 input combinations: every
 * collapse it makes is proved here over that whole grid, and every raw value still reaches the pane in some row.
 */
import { decideAccess, type AccessInput } from '../../src/policy';
import { CLASSES, decisionKey, RAW, realise, REDUCED_INPUTS, representative, ROWS } from './paneGrid';
import { LONG_TEST_TIMEOUT_MS } from '../timeouts.cjs';

test(
  'every input of the policy grid decides exactly as its collapsed representative: 5,225,472 inputs, identical decisions and reasons',
  () => {
    const memo = new Map<string, string>();
    let checked = 0;
    const mismatches: string[] = [];
    for (const cloud of RAW.cloud)
      for (const mailboxGeo of RAW.mailboxGeo)
        for (const tenantCountry of RAW.tenantCountry)
          for (const tenantMode of RAW.tenantMode)
            for (const membership of RAW.membership)
              for (const platform of RAW.platform)
                for (const showLinkedInFeatures of RAW.policy)
                  for (const connectedExperiences of RAW.policy)
                    for (const optionalConnectedExperiences of RAW.policy)
                      for (const userOption of RAW.userOption)
                        for (const consent of RAW.consent)
                          for (const memberVisibility of RAW.memberVisibility) {
                            const input: AccessInput = {
                              cloud,
                              mailboxGeo,
                              tenantCountry,
                              tenantMode,
                              membership,
                              platform,
                              officePolicy: { showLinkedInFeatures, connectedExperiences, optionalConnectedExperiences },
                              userOption,
                              consent,
                              memberVisibility,
                            };
                            const rep = representative(input);
                            const p = rep.officePolicy;
                            const repId = `${rep.cloud}|${rep.mailboxGeo}|${rep.tenantCountry}|${rep.tenantMode}|${rep.membership}|${rep.platform}|${p.showLinkedInFeatures}|${p.connectedExperiences}|${p.optionalConnectedExperiences}|${rep.userOption}|${rep.consent}|${rep.memberVisibility}`;
                            let expected = memo.get(repId);
                            if (expected === undefined) {
                              expected = decisionKey(decideAccess(rep));
                              memo.set(repId, expected);
                            }
                            checked++;
                            if (decisionKey(decideAccess(input)) !== expected && mismatches.length < 5)
                              mismatches.push(JSON.stringify(input));
                          }
    expect(mismatches).toEqual([]);
    expect(checked).toBe(5_225_472);
    // The representatives are exactly the reduced grid (× the three member visibilities).
    expect(memo.size).toBe(REDUCED_INPUTS.length * 3);
  },
  LONG_TEST_TIMEOUT_MS,
);

test(`the reduced grid: ${REDUCED_INPUTS.length} viewer inputs in ${CLASSES.length} decision classes, ${ROWS.length} rendered rows`, () => {
  expect(new Set(REDUCED_INPUTS.map((x) => JSON.stringify(representative(x)))).size).toBe(REDUCED_INPUTS.length);
  // Level none: one row per class. Otherwise every member of the class, with each kind of person.
  for (const cls of CLASSES) {
    const rows = ROWS.filter((row) => cls.members.includes(row.reduced));
    expect(rows.length).toBe(cls.level === 'none' ? 1 : cls.members.length * 3);
  }
  // Each row's realisation (the raw values the pane is given) decides exactly as the reduced input it stands for.
  for (const row of ROWS) expect(decisionKey(decideAccess(realise(row).input))).toBe(decisionKey(decideAccess(row.reduced)));
});

test('every raw value of every input reaches the pane in some row', () => {
  const seen = new Map<string, Set<string>>();
  const see = (dim: string, value: unknown) => {
    const set = seen.get(dim) ?? new Set<string>();
    set.add(String(value));
    seen.set(dim, set);
  };
  for (const row of ROWS) {
    const x = realise(row).input;
    see('cloud', x.cloud);
    see('mailboxGeo', x.mailboxGeo);
    if (x.tenantMode === 'unset') see('tenantCountry', x.tenantCountry);
    see('tenantMode', x.tenantMode);
    if (x.tenantMode === 'selected') see('membership', x.membership);
    see('platform', x.platform);
    see('showLinkedInFeatures', x.officePolicy.showLinkedInFeatures);
    see('connectedExperiences', x.officePolicy.connectedExperiences);
    see('optionalConnectedExperiences', x.officePolicy.optionalConnectedExperiences);
    see('userOption', x.userOption);
    see('consent', x.consent);
    see('person', row.person);
  }
  const all = (values: readonly unknown[]) => new Set(values.map(String));
  expect(seen.get('cloud')).toEqual(all(RAW.cloud));
  expect(seen.get('mailboxGeo')).toEqual(all(RAW.mailboxGeo));
  expect(seen.get('tenantCountry')).toEqual(all(RAW.tenantCountry));
  expect(seen.get('tenantMode')).toEqual(all(RAW.tenantMode));
  expect(seen.get('membership')).toEqual(all(RAW.membership));
  expect(seen.get('platform')).toEqual(all(RAW.platform));
  for (const policy of ['showLinkedInFeatures', 'connectedExperiences', 'optionalConnectedExperiences'])
    expect(seen.get(policy)).toEqual(all(RAW.policy));
  expect(seen.get('userOption')).toEqual(all(RAW.userOption));
  expect(seen.get('consent')).toEqual(all(RAW.consent));
  expect(seen.get('person')).toEqual(all(['visible', 'hidden', 'noMatch']));
  // The consent record and the service disagreeing, both ways round, where the service is asked.
  const disagreeing = ROWS.map(realise).filter((r) => r.recordConsent !== r.serviceConsent && decideAccess(r.input).level !== 'none');
  expect(new Set(disagreeing.map((r) => r.recordConsent))).toEqual(new Set(['twoWay', 'linkedInToMicrosoft']));
  // Every level the rules give, and outbound sharing, are among the rows.
  const levels = new Set(ROWS.map((row) => decideAccess(realise(row).input).level));
  expect(levels).toEqual(new Set(['none', 'public', 'connected']));
  expect(ROWS.some((row) => decideAccess(realise(row).input).outboundSharing)).toBe(true);
});
