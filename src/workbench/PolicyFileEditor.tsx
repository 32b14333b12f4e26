import { Checkbox, Field, Input, makeStyles, Select, Text, Textarea, tokens } from '@fluentui/react-components';
import { parsePolicyFile } from '../services/policyFile';
import { CHOICES, DEFAULT_POLICY_TEXT } from './scenario';
import { fieldAt, parseJsonObject, splitList, stringifyPolicy, withField } from './policyEditing';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalS },
  json: { fontFamily: tokens.fontFamilyMonospace, fontSize: tokens.fontSizeBase200 },
  status: { color: tokens.colorNeutralForeground3 },
  bad: { color: tokens.colorPaletteRedForeground1 },
});

const STATES = ['', 'enabled', 'disabled', 'notConfigured'] as const;
const OFFICE_POLICIES: [string, string][] = [
  ['officePolicy.showLinkedInFeatures', 'Show LinkedIn features in Office applications'],
  ['officePolicy.connectedExperiences', 'Connected experiences'],
  ['officePolicy.optionalConnectedExperiences', 'Optional connected experiences'],
];

/** The admin's linkedin-policy.json: served or not, edited as a form or as JSON, validated as the add-in will. */
export function PolicyFileEditor(props: { text: string | null; onChange: (text: string | null) => void }): JSX.Element {
  const styles = useStyles();
  const object = parseJsonObject(props.text);
  const formDisabled = object === null;
  const state =
    props.text === null
      ? null
      : (() => {
          try {
            return parsePolicyFile(JSON.parse(props.text));
          } catch {
            return { status: 'invalid' as const, field: '(the whole file)', problem: 'is not valid JSON' };
          }
        })();

  const set = (path: string, value: unknown): void => {
    if (object) props.onChange(stringifyPolicy(withField(object, path, value)));
  };
  const text = (path: string): string => {
    const value = fieldAt(object, path);
    return typeof value === 'string' ? value : '';
  };
  const list = (path: string): string => {
    const value = fieldAt(object, path);
    return Array.isArray(value) ? value.join(', ') : '';
  };

  return (
    <div className={styles.root}>
      <Checkbox
        label="Serve linkedin-policy.json (unchecked: 404, the documented defaults apply)"
        checked={props.text !== null}
        onChange={(_, data) => props.onChange(data.checked ? DEFAULT_POLICY_TEXT : null)}
      />
      {props.text !== null && (
        <>
          <Field label="LinkedIn account connections (organisation mode)">
            <Select
              disabled={formDisabled}
              value={text('linkedInAccountConnections')}
              onChange={(_, d) => set('linkedInAccountConnections', d.value)}
            >
              <option value="">not set (default)</option>
              <option value="yes">Yes</option>
              <option value="selected">Selected group</option>
              <option value="no">No</option>
            </Select>
          </Field>
          <Field label="Selected group id">
            <Input disabled={formDisabled} value={text('selectedGroupId')} onChange={(_, d) => set('selectedGroupId', d.value.trim())} />
          </Field>
          <Field label="Selected users (legacy list)">
            <Input disabled={formDisabled} value={list('selectedUsers')} onChange={(_, d) => set('selectedUsers', splitList(d.value))} />
          </Field>
          {OFFICE_POLICIES.map(([path, label]) => (
            <Field key={path} label={`Office policy: ${label}`}>
              <Select disabled={formDisabled} value={text(path)} onChange={(_, d) => set(path, d.value)}>
                {STATES.map((s) => (
                  <option key={s} value={s}>
                    {s || 'not in file (notConfigured)'}
                  </option>
                ))}
              </Select>
            </Field>
          ))}
          <Field label="Override: cloud">
            <Select disabled={formDisabled} value={text('environment.cloud')} onChange={(_, d) => set('environment.cloud', d.value)}>
              <option value="">detect</option>
              {CHOICES.cloud
                .filter((c) => c !== 'unknown')
                .map((c) => (
                  <option key={c}>{c}</option>
                ))}
            </Select>
          </Field>
          <Field label="Override: mailbox data location">
            <Input
              disabled={formDisabled}
              value={text('environment.mailboxGeo')}
              onChange={(_, d) => set('environment.mailboxGeo', d.value.trim())}
            />
          </Field>
          <Field label="Override: tenant country">
            <Input
              disabled={formDisabled}
              value={text('environment.tenantCountry')}
              onChange={(_, d) => set('environment.tenantCountry', d.value.trim())}
            />
          </Field>
          <Field label="Availability: excluded clouds (replaces the built-in list)">
            <Input
              disabled={formDisabled}
              value={list('availability.excludedClouds')}
              onChange={(_, d) => set('availability.excludedClouds', splitList(d.value))}
            />
          </Field>
          <Field label="Availability: excluded mailbox locations (replaces the built-in list)">
            <Input
              disabled={formDisabled}
              value={list('availability.excludedMailboxGeos')}
              onChange={(_, d) => set('availability.excludedMailboxGeos', splitList(d.value, true))}
            />
          </Field>
          <Field label="linkedin-policy.json">
            <Textarea className={styles.json} resize="vertical" rows={8} value={props.text} onChange={(_, d) => props.onChange(d.value)} />
          </Field>
          {formDisabled && <Text className={styles.bad}>The text is not a JSON object; fix it to use the form.</Text>}
          {state && (
            <Text size={200} className={state.status === 'valid' ? styles.status : styles.bad} data-policy-status={state.status}>
              {state.status === 'valid'
                ? 'Valid policy file.'
                : state.status === 'invalid'
                  ? `Invalid: ${state.field} — ${state.problem}`
                  : ''}
            </Text>
          )}
        </>
      )}
    </div>
  );
}
