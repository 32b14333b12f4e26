import { Button, Field, Input, makeStyles, Text, tokens } from '@fluentui/react-components';
import { useState } from 'react';
import { adminDetailsLink, type AdminDetailsSubject } from '../../app/adminDetails';
import { useStrings } from '../i18n/hooks';
import { useI18n } from '../i18n/I18nProvider';
import { useThemeKind } from '../frame/themeKind';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalXS },
  note: { color: tokens.colorNeutralForeground3 },
});

/**
 * "Copy details for your admin": a workbench link that reproduces this user's decision, with nothing personal in it.
 * Once asked for, the link is also shown (read-only), so the user sees what they share and can copy it by hand where
 * the pane may not use the clipboard.
 */
export function AdminDetails(props: { subject: AdminDetailsSubject; onCopy: (text: string) => Promise<boolean> }): JSX.Element {
  const styles = useStyles();
  const { pane } = useStrings();
  const { locale } = useI18n();
  const theme = useThemeKind();
  const [copied, setCopied] = useState<{ link: string; ok: boolean } | null>(null);
  const link = adminDetailsLink(props.subject, { theme, language: locale });
  const copy = (): void => {
    void props.onCopy(link).then((ok) => setCopied({ link, ok }));
  };
  return (
    <div className={styles.root}>
      <Button size="small" onClick={copy} data-action="admin-details">
        {pane.adminDetails}
      </Button>
      <Text size={200} className={styles.note}>
        {pane.adminDetailsNote}
      </Text>
      <Text size={200} role="status" data-copied={copied ? String(copied.ok) : undefined}>
        {copied ? (copied.ok ? pane.adminDetailsCopied : pane.adminDetailsNotCopied) : ''}
      </Text>
      {copied && (
        <Field label={pane.adminDetailsLabel} size="small">
          <Input readOnly value={copied.link} data-admin-details-link="" onFocus={(event) => event.currentTarget.select()} />
        </Field>
      )}
    </div>
  );
}
