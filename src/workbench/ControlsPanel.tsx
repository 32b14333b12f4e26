import { Button, Checkbox, Field, makeStyles, Select, shorthands, Text, tokens } from '@fluentui/react-components';
import { PolicyFileEditor } from './PolicyFileEditor';
import { CHOICES, DEFAULT_SCENARIO, type Scenario } from './scenario';

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
  cloud: 'Cloud',
  mailboxGeo: 'Mailbox data location',
  tenantCountry: 'Tenant country',
  groupMembership: 'Viewer in the selected group (Graph)',
  platform: 'Outlook platform',
  consent: 'LinkedIn consent',
  theme: 'Office theme',
  displayLanguage: 'Display language',
  latencyMs: 'Added latency (ms)',
  lookupFault: 'Fault: public lookup',
  insightsFault: 'Fault: connected insights',
};

/** Every input the product honors that is not about one person, as a control. */
export function ControlsPanel(props: { scenario: Scenario; onChange: (patch: Partial<Scenario>) => void }): JSX.Element {
  const styles = useStyles();
  const { scenario, onChange } = props;
  const choice = (key: keyof typeof CHOICES): JSX.Element => (
    <Field label={LABELS[key]} key={key}>
      <Select value={String(scenario[key])} onChange={(_, d) => onChange({ [key]: d.value })} data-control={key}>
        {CHOICES[key].map((value) => (
          <option key={value}>{value}</option>
        ))}
      </Select>
    </Field>
  );
  return (
    <aside className={styles.root} aria-label="Scenario controls">
      <Text as="h2" size={400} weight="semibold">
        Scenario
      </Text>
      <div className={styles.row}>
        <Button size="small" onClick={() => void navigator.clipboard?.writeText(window.location.href)}>
          Copy link
        </Button>
        <Button size="small" onClick={() => onChange({ ...DEFAULT_SCENARIO, item: scenario.item })}>
          Reset
        </Button>
      </div>
      <fieldset className={styles.group}>
        <legend className={styles.legend}>Microsoft 365 (as detected)</legend>
        {choice('cloud')}
        {choice('mailboxGeo')}
        {choice('tenantCountry')}
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
        <legend className={styles.legend}>Insights service (simulated)</legend>
        {choice('latencyMs')}
        {choice('lookupFault')}
        {choice('insightsFault')}
      </fieldset>
      <fieldset className={styles.group}>
        <legend className={styles.legend}>Admin policy file</legend>
        <PolicyFileEditor text={scenario.policyText} onChange={(policyText) => onChange({ policyText })} />
      </fieldset>
    </aside>
  );
}
