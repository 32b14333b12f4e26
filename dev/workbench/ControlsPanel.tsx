import {
  Button,
  Checkbox,
  Field,
  makeStyles,
  MessageBar,
  MessageBarBody,
  Select,
  shorthands,
  Text,
  tokens,
} from '@fluentui/react-components';
import { useState } from 'react';
import { PolicyFileEditor } from './PolicyFileEditor';
import { fieldAt, parseJsonObject } from './policyEditing';
import { clearPaneCache } from './paneCache';
import { CHOICES, DEFAULT_SCENARIO, PARAM_OF as PARAM, type Scenario } from './scenario';

const useStyles = makeStyles({
  root: {
    display: 'flex',
    flexDirection: 'column',
    rowGap: tokens.spacingVerticalM,
    padding: tokens.spacingHorizontalM,
    overflowY: 'auto',
    backgroundColor: tokens.colorNeutralBackground2,
    ...shorthands.borderLeft(tokens.strokeWidthThin, 'solid', tokens.colorNeutralStroke2),
  },
  group: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalXS, margin: 0, padding: 0, border: 'none' },
  legend: { fontWeight: tokens.fontWeightSemibold, marginBlockEnd: tokens.spacingVerticalXS },
  row: { display: 'flex', columnGap: tokens.spacingHorizontalS },
});

const LABELS: Record<keyof typeof CHOICES, string> = {
  cloud: "Tenant's cloud (its OpenID configuration; unknown: unreadable)",
  mailboxGeo: 'Mailbox data location (Graph reports it in multi-geo tenants only)',
  tenantCountry: 'Tenant country',
  groupMembership: 'Viewer in the selected group (Graph)',
  platform: 'Outlook platform',
  consent: 'LinkedIn consent',
  theme: 'Office theme',
  displayLanguage: 'Display language',
  latencyMs: 'Added latency (ms)',
  lookupFault: 'Fault: public lookup',
  insightsFault: 'Fault: connected insights',
  calendarPermission: 'Calendars.ReadBasic (the admin granted the add-in the calendar)',
  calendarFault: 'Fault: the calendar (Graph calendarView)',
};

/**
 * What the pane uses for an environment field and where it comes from: the policy file always wins over detection,
 * so a control that the file overrides says so instead of seeming to work.
 */
export function sourceHint(scenario: Scenario, path: string, detected: string): string {
  const stated = fieldAt(parseJsonObject(scenario.policyText), path);
  return typeof stated === 'string'
    ? `The pane uses ${stated}: from the policy file (this control is ignored).`
    : `The pane uses ${detected}: detected.`;
}

/** Every input the product honors that is not about one person, as a control. */
export function ControlsPanel(props: {
  scenario: Scenario;
  onChange: (patch: Partial<Scenario>) => void;
  /** The link to this scenario as it is now, the person shown in the pane included. */
  link: () => string;
}): JSX.Element {
  const styles = useStyles();
  const { scenario } = props;
  const [cleared, setCleared] = useState<number | null>(null);
  // Latency and faults reach only requests: what the pane keeps would answer without one, so changing them clears it.
  const onChange = (patch: Partial<Scenario>): void => {
    if (SERVICE_CONTROLS.some((key) => key in patch && patch[key] !== scenario[key])) setCleared(clearPaneCache(safeStorage()));
    props.onChange(patch);
  };
  const choice = (key: ChoiceKey, hint?: string): JSX.Element => (
    <Choice key={key} name={key} scenario={scenario} hint={hint} onChange={onChange} />
  );
  return (
    <aside className={styles.root} aria-label="Scenario controls">
      <Text as="h2" size={400} weight="semibold">
        Scenario
      </Text>
      <ScenarioActions link={props.link} onReset={() => onChange({ ...DEFAULT_SCENARIO, item: scenario.item })} />
      <InvalidLinkValues invalid={scenario.invalid} />
      <fieldset className={styles.group}>
        <legend className={styles.legend}>Microsoft 365 (as detected)</legend>
        {choice('cloud', sourceHint(scenario, 'environment.cloud', scenario.cloud))}
        {choice('mailboxGeo', sourceHint(scenario, 'environment.mailboxGeo', scenario.mailboxGeo))}
        {choice('tenantCountry', sourceHint(scenario, 'environment.tenantCountry', scenario.tenantCountry))}
        {choice('groupMembership')}
      </fieldset>
      <fieldset className={styles.group}>
        <legend className={styles.legend}>This device</legend>
        {choice('platform')}
        {choice('theme')}
        {choice('displayLanguage')}
        <Checkbox
          label='User option "Show LinkedIn features"'
          checked={scenario.userOption}
          onChange={(_, d) => onChange({ userOption: d.checked === true })}
          data-control="userOption"
        />
      </fieldset>
      <fieldset className={styles.group}>
        <legend className={styles.legend}>The user</legend>
        {choice('consent')}
      </fieldset>
      <fieldset className={styles.group}>
        <legend className={styles.legend}>Insights service (latency and faults it injects)</legend>
        <Text size={200}>
          They apply to the next request. People the pane keeps (cached) would answer without one, so changing them clears what the pane
          keeps.
        </Text>
        {choice('latencyMs')}
        {choice('lookupFault')}
        {choice('insightsFault')}
        <Text size={200} role="status" data-cache-cleared={cleared ?? undefined}>
          {cleared === null
            ? ''
            : `Cleared what the pane kept about ${cleared} ${cleared === 1 ? 'person' : 'people'}: every card asks the service again.`}
        </Text>
      </fieldset>
      <fieldset className={styles.group}>
        <legend className={styles.legend}>Microsoft Graph (Today's calendar)</legend>
        {choice('calendarPermission')}
        {choice('calendarFault', '401 a refused token, 403 no permission, 429 with Retry-After, 503 unavailable.')}
      </fieldset>
      <fieldset className={styles.group}>
        <legend className={styles.legend}>Admin policy file</legend>
        <PolicyFileEditor text={scenario.policyText} onChange={(policyText) => onChange({ policyText })} />
      </fieldset>
    </aside>
  );
}

type ChoiceKey = keyof typeof CHOICES;

/** One control chosen from a list; a value of the link it does not know is said under it, with the value used. */
function Choice(props: { name: ChoiceKey; scenario: Scenario; hint?: string; onChange: (patch: Partial<Scenario>) => void }): JSX.Element {
  const { name, scenario } = props;
  const unknown = scenario.invalid[PARAM[name]];
  return (
    <Field
      label={LABELS[name]}
      hint={props.hint}
      validationState={unknown === undefined ? 'none' : 'error'}
      validationMessage={
        unknown === undefined
          ? undefined
          : `“${unknown}” (from the link) is not a value this control knows: the workbench uses ${String(scenario[name])}.`
      }
    >
      <Select value={String(scenario[name])} onChange={(_, d) => props.onChange({ [name]: d.value })} data-control={name}>
        {CHOICES[name].map((value) => (
          <option key={value}>{value}</option>
        ))}
      </Select>
    </Field>
  );
}

/** Latency and faults: the controls whose change clears what the pane keeps. */
const SERVICE_CONTROLS = ['latencyMs', 'lookupFault', 'insightsFault'] as const;

function safeStorage(): Storage | undefined {
  try {
    return window.localStorage;
  } catch {
    return undefined;
  }
}

/** The link's values the workbench does not know, said once at the top (each control says its own too). */
function InvalidLinkValues({ invalid }: { invalid: Scenario['invalid'] }): JSX.Element | null {
  const entries = Object.entries(invalid);
  if (entries.length === 0) return null;
  return (
    <MessageBar intent="warning" layout="multiline" data-invalid-link="">
      <MessageBarBody>
        The link has values the workbench does not know, so their defaults are used:{' '}
        {entries.map(([name, raw]) => `${name}=${raw}`).join(', ')}.
      </MessageBarBody>
    </MessageBar>
  );
}

/** Copy link (with feedback: the link opens this scenario, the person shown included) and Reset. */
function ScenarioActions(props: { link: () => string; onReset: () => void }): JSX.Element {
  const styles = useStyles();
  const [copied, setCopied] = useState<'copied' | 'failed' | null>(null);
  const copyLink = async (): Promise<void> => {
    try {
      await navigator.clipboard.writeText(props.link());
      setCopied('copied');
    } catch {
      setCopied('failed');
    }
  };
  return (
    <>
      <div className={styles.row}>
        <Button size="small" onClick={() => void copyLink()}>
          Copy link
        </Button>
        <Button size="small" onClick={props.onReset}>
          Reset
        </Button>
      </div>
      <Text size={200} role="status" data-copied={copied ?? undefined}>
        {copied === 'copied'
          ? 'Link copied: it opens this scenario, with the person shown.'
          : copied === 'failed'
            ? "Couldn't copy: copy the address bar instead."
            : ''}
      </Text>
    </>
  );
}
