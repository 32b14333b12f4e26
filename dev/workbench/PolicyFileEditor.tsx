import { Checkbox, Field, Input, makeStyles, Select, Text, Textarea, tokens } from '@fluentui/react-components';
import { useState } from 'react';
import { checkPolicyText } from '../../src/contract/policyFile';
import { KNOWN_CLOUDS, POLICY_STATES, STATED_TENANT_MODES } from '../../src/policy';
import { DEFAULT_POLICY_TEXT } from './scenario';
import { fieldAt, parseJsonObject, splitList, stringifyPolicy, withField } from './policyEditing';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalS },
  json: { fontFamily: tokens.fontFamilyMonospace, fontSize: tokens.fontSizeBase200 },
  status: { color: tokens.colorNeutralForeground3 },
  bad: { color: tokens.colorPaletteRedForeground1 },
});

/** The form's choices are the policy engine's own lists (src/policy/vocabulary.ts), each with how Entra names it. */
const MODE_NAMES: Record<(typeof STATED_TENANT_MODES)[number], string> = { yes: 'Yes', selected: 'Selected group', no: 'No' };
const MODES: ReadonlyArray<readonly [string, string]> = [
  ['', 'not set (default)'],
  ...STATED_TENANT_MODES.map((mode) => [mode, MODE_NAMES[mode]] as const),
];
const STATES: ReadonlyArray<readonly [string, string]> = [
  ['', 'not in file (notConfigured)'],
  ...POLICY_STATES.map((state) => [state, state] as const),
];
const CLOUDS: ReadonlyArray<readonly [string, string]> = [['', 'not stated (detected)'], ...KNOWN_CLOUDS.map((c) => [c, c] as const)];
const OFFICE_POLICIES: [string, string][] = [
  ['officePolicy.showLinkedInFeatures', 'Show LinkedIn features in Office applications'],
  ['officePolicy.connectedExperiences', 'Connected experiences'],
  ['officePolicy.optionalConnectedExperiences', 'Optional connected experiences'],
];

/**
 * A list field (addresses, codes) typed as text: what the user types stays as typed — commas and spaces included —
 * while the file gets the parsed list; the text follows the file only when the file changes from elsewhere (the JSON).
 */
function ListInput(props: {
  value: readonly string[];
  upper?: boolean;
  disabled: boolean;
  onChange: (list: string[]) => void;
}): JSX.Element {
  const joined = props.value.join(', ');
  const [draft, setDraft] = useState(joined);
  const parsedDraft = splitList(draft, props.upper).join(', ');
  // The file changed elsewhere (the JSON text, Reset): show it; while typing, the draft parses to the file's list.
  const text = parsedDraft === joined ? draft : joined;
  return (
    <Input
      disabled={props.disabled}
      value={text}
      onChange={(_, d) => {
        setDraft(d.value);
        props.onChange(splitList(d.value, props.upper));
      }}
    />
  );
}

/**
 * A choice the form offers, plus what the file says when it is none of them: an invalid value is shown as itself
 * ("sometimes" — invalid), never as if the field were not set.
 */
function choiceOptions(raw: unknown, choices: ReadonlyArray<readonly [string, string]>): JSX.Element[] {
  const options = choices.map(([value, label]) => (
    <option key={value} value={value}>
      {label}
    </option>
  ));
  if (raw === undefined || choices.some(([value]) => value !== '' && value === raw)) return options;
  const shown = typeof raw === 'string' ? raw : JSON.stringify(raw);
  return [
    <option key="(invalid)" value={INVALID}>
      {`${shown} — invalid`}
    </option>,
    ...options,
  ];
}
const INVALID = '\u0000invalid';

/** The admin's linkedin-policy.json: served or not, edited as a form or as JSON, validated as the add-in will. */
export function PolicyFileEditor(props: { text: string | null; onChange: (text: string | null) => void }): JSX.Element {
  const styles = useStyles();
  const object = parseJsonObject(props.text);
  const formDisabled = object === null;
  const state = props.text === null ? null : checkPolicyText(props.text);

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

/** One field of the form: where it is in the file, and its label. */
interface FormFieldProps {
  form: FormAccess;
  path: string;
  label: string;
}

/**
 * A choice: shows the file's value, or the invalid marker when the file holds something not offered; choosing the
 * marker changes nothing.
 */
function ChoiceField({ form, path, label, choices }: FormFieldProps & { choices: ReadonlyArray<readonly [string, string]> }): JSX.Element {
  const raw = fieldAt(form.object, path);
  const shown = raw === undefined ? '' : choices.some(([value]) => value !== '' && value === raw) ? (raw as string) : INVALID;
  return (
    <Field label={label}>
      <Select
        disabled={form.object === null}
        value={shown}
        onChange={(_, d) => {
          if (d.value !== INVALID) form.set(path, d.value);
        }}
        data-field={path}
      >
        {choiceOptions(raw, choices)}
      </Select>
    </Field>
  );
}

/** A text field, trimmed into the file. */
function TextField({ form, path, label }: FormFieldProps): JSX.Element {
  const value = fieldAt(form.object, path);
  return (
    <Field label={label}>
      <Input
        disabled={form.object === null}
        value={typeof value === 'string' ? value : ''}
        onChange={(_, d) => form.set(path, d.value.trim())}
      />
    </Field>
  );
}

/** A list typed as text (`upper`: codes, kept in capitals). */
function ListField({ form, path, label, upper }: FormFieldProps & { upper?: boolean }): JSX.Element {
  const value = fieldAt(form.object, path);
  return (
    <Field label={label}>
      <ListInput
        disabled={form.object === null}
        upper={upper}
        value={Array.isArray(value) ? value.map((v) => (typeof v === 'string' ? v : JSON.stringify(v))) : []}
        onChange={(list) => form.set(path, list)}
      />
    </Field>
  );
}

/** The policy file as a form (disabled while the text is not a JSON object). */
function PolicyForm(form: FormAccess): JSX.Element {
  return (
    <>
      <ChoiceField form={form} path="linkedInAccountConnections" label="LinkedIn account connections (organisation mode)" choices={MODES} />
      <TextField form={form} path="selectedGroupId" label="Selected group id" />
      <ListField form={form} path="selectedUsers" label="Selected users (legacy list)" />
      {OFFICE_POLICIES.map(([path, label]) => (
        <ChoiceField key={path} form={form} path={path} label={`Office policy: ${label}`} choices={STATES} />
      ))}
      <ChoiceField form={form} path="environment.cloud" label="Override: cloud (otherwise detected)" choices={CLOUDS} />
      <TextField form={form} path="environment.mailboxGeo" label="Override: mailbox data location" />
      <TextField form={form} path="environment.tenantCountry" label="Override: tenant country" />
      <ListField form={form} path="availability.excludedClouds" label="Availability: excluded clouds (replaces the built-in list)" />
      <ListField
        form={form}
        path="availability.excludedMailboxGeos"
        label="Availability: excluded mailbox locations (replaces the built-in list)"
        upper
      />
    </>
  );
}
