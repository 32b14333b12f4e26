import { createRoot } from 'react-dom/client';
import { FluentProvider, Persona, webLightTheme } from '@fluentui/react-components';

/** Benchmark-only page (npm run bench): the smallest Fluent UI page, one Persona, the yardstick for the pane. */
const container = document.getElementById('root');
if (container) {
  createRoot(container).render(
    <FluentProvider theme={webLightTheme}>
      <Persona name="Bench Person" secondaryText="Headline" size="huge" />
    </FluentProvider>,
  );
}
