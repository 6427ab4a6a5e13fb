import '@mantine/core/styles.css';
import '@mantine/notifications/styles.css';
import '@mantine/charts/styles.css';
import { createTheme, MantineProvider } from '@mantine/core';
import { ModalsProvider } from '@mantine/modals';
import { Notifications } from '@mantine/notifications';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { PrintoutProvider } from './components/Printout/Printout';
import './i18n';
// Listens for the menu and opened files from the start.
import './desktop';

const theme = createTheme({
  primaryColor: 'indigo',
  // People who ask their system for less motion get no fades or slides.
  respectReducedMotion: true,
  defaultRadius: 'md',
  fontFamily: 'system-ui, "Segoe UI", Roboto, "Noto Sans", "DejaVu Sans", sans-serif',
});

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <MantineProvider theme={theme} defaultColorScheme="light">
      <Notifications position="bottom-right" />
      <ModalsProvider>
        <PrintoutProvider>
          <App />
        </PrintoutProvider>
      </ModalsProvider>
    </MantineProvider>
  </StrictMode>,
);
