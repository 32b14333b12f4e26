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

  return (
    <div className={styles.root}>
      <Checkbox
        label="Serve linkedin-policy.json (unchecked: 404, the documented defaults apply)"
        checked={props.text !== null}
        onChange={(_, data) => props.onChange(data.checked ? DEFAULT_POLICY_TEXT : null)}
      />
      {props.text !== null && (
        <>
          <PolicyForm object={object} set={set} />
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

interface FormAccess {
  object: Record<string, unknown> | null;
  set: (path: string, value: unknown) => void;
}

/** The policy file as a form (disabled while the text is not a JSON object). */
function PolicyForm({ object, set }: FormAccess): JSX.Element {
  const form: FormAccess = { object, set };
  const disabled = object === null;
  const text = (path: string): string => {
    const value = fieldAt(object, path);
    return typeof value === 'string' ? value : '';
  };
  return (
    <>
      <Field label="LinkedIn account connections (organisation mode)">
        <Select
          disabled={disabled}
          value={text('linkedInAccountConnections')}
          onChange={(_, d) => set('linkedInAccountConnections', d.value)}
        >
          <option value="">not set (default)</option>
          <option value="yes">Yes</option>
          <option value="selected">Selected group</option>
          <option value="no">No</option>
        </Select>
      </Field>
      <TextField form={form} label="Selected group id" path="selectedGroupId" kind="text" />
      <TextField form={form} label="Selected users (legacy list)" path="selectedUsers" kind="list" />
      {OFFICE_POLICIES.map(([path, label]) => (
        <Field key={path} label={`Office policy: ${label}`}>
          <Select disabled={disabled} value={text(path)} onChange={(_, d) => set(path, d.value)}>
            {STATES.map((s) => (
              <option key={s} value={s}>
                {s || 'not in file (notConfigured)'}
              </option>
            ))}
          </Select>
        </Field>
      ))}
      <Field label="Override: cloud">
        <Select disabled={disabled} value={text('environment.cloud')} onChange={(_, d) => set('environment.cloud', d.value)}>
          <option value="">detect</option>
          {CHOICES.cloud
            .filter((c) => c !== 'unknown')
            .map((c) => (
              <option key={c}>{c}</option>
            ))}
        </Select>
      </Field>
      <TextField form={form} label="Override: mailbox data location" path="environment.mailboxGeo" kind="text" />
      <TextField form={form} label="Override: tenant country" path="environment.tenantCountry" kind="text" />
      <TextField
        form={form}
        label="Availability: excluded clouds (replaces the built-in list)"
        path="availability.excludedClouds"
        kind="list"
      />
      <TextField
        form={form}
        label="Availability: excluded mailbox locations (replaces the built-in list)"
        path="availability.excludedMailboxGeos"
        kind="list"
        geos
      />
    </>
  );
}

/** A text field of the form: a string (trimmed) or a comma-separated list (`geos`: upper-cased mailbox locations). */
function TextField(props: { form: FormAccess; label: string; path: string; kind: 'text' | 'list'; geos?: boolean }): JSX.Element {
  const value = fieldAt(props.form.object, props.path);
  const shown = props.kind === 'list' ? (Array.isArray(value) ? value.join(', ') : '') : typeof value === 'string' ? value : '';
  return (
    <Field label={props.label}>
      <Input
        disabled={props.form.object === null}
        value={shown}
        onChange={(_, d) => props.form.set(props.path, props.kind === 'list' ? splitList(d.value, props.geos) : d.value.trim())}
      />
    </Field>
  );
}
