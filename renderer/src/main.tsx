import '@mantine/core/styles.css';
import '@mantine/notifications/styles.css';
import '@mantine/charts/styles.css';
import '@mantine/dates/styles.css';
import { MantineProvider } from '@mantine/core';
import { ModalsProvider } from '@mantine/modals';
import { Notifications } from '@mantine/notifications';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { PrintoutProvider } from './components/Printout/Printout';
import { CasebookDates, cssVariablesResolver, useCasebookTheme } from './theme';
import './i18n';
// Listens for the menu and opened files from the start.
import './desktop';

function Casebook() {
  const theme = useCasebookTheme();
  return (
    <MantineProvider theme={theme} cssVariablesResolver={cssVariablesResolver} defaultColorScheme="light">
      <CasebookDates>
        <Notifications position="bottom-right" />
        <ModalsProvider>
          <PrintoutProvider>
            <App />
          </PrintoutProvider>
        </ModalsProvider>
      </CasebookDates>
    </MantineProvider>
  );
}

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <Casebook />
  </StrictMode>,
);
