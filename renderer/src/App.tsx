import { Center, Loader } from '@mantine/core';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AppState } from '../../shared/contract';
import { invoke, onSessionLost } from './api';
import { followCoreClock } from './clock';
import { DesktopCommands } from './components/DesktopCommands/DesktopCommands';
import { Workspace, type Route } from './components/Workspace/Workspace';
import { NewPasswordPage } from './pages/NewPassword.page';
import { ProblemPage } from './pages/Problem.page';
import { SetupPage } from './pages/Setup.page';
import { UnlockPage } from './pages/Unlock.page';
import { useActivityReporter } from './useActivityReporter';

/** How often the window asks whether the app is still unlocked (the idle lock runs in the main process). */
const STATUS_POLL_MS = 15_000;

export function App() {
  const { i18n } = useTranslation();
  const [state, setState] = useState<AppState | null>(null);
  const [failed, setFailed] = useState(false);
  // Kept across a lock, so unlocking returns to the same screen.
  const [route, setRoute] = useState<Route>({ name: 'home' });

  const apply = useCallback(
    (next: AppState) => {
      followCoreClock(next.now);
      setState(next);
      if (i18n.language !== next.language) void i18n.changeLanguage(next.language);
      document.documentElement.lang = next.language;
    },
    [i18n],
  );

  const refresh = useCallback(async () => {
    const r = await invoke('app.status', {});
    if (r.ok) apply(r.value);
    else setFailed(true);
  }, [apply]);

  useEffect(() => {
    // eslint-disable-next-line react-hooks/set-state-in-effect -- state is set only when the answer arrives
    void refresh();
    return onSessionLost(() => void refresh());
  }, [refresh]);

  const unlocked = state?.state === 'unlocked';
  useEffect(() => {
    if (!unlocked) return;
    const timer = setInterval(() => void refresh(), STATUS_POLL_MS);
    return () => clearInterval(timer);
  }, [unlocked, refresh]);

  useActivityReporter(unlocked);
  const openBackupPage = useCallback(() => setRoute({ name: 'backup' }), []);

  return (
    <>
      <Screen state={state} failed={failed} apply={apply} refresh={refresh} route={route} setRoute={setRoute} />
      <DesktopCommands state={state} onState={apply} openBackupPage={openBackupPage} />
    </>
  );
}

function Screen({
  state,
  failed,
  apply,
  refresh,
  route,
  setRoute,
}: {
  state: AppState | null;
  failed: boolean;
  apply: (s: AppState) => void;
  refresh: () => Promise<void>;
  route: Route;
  setRoute: (r: Route) => void;
}) {
  if (failed) return <ProblemPage problem={null} dataDir="" />;
  if (!state)
    return (
      <Center h="100vh">
        <Loader aria-label="Loading" />
      </Center>
    );
  switch (state.state) {
    case 'needsSetup':
      return <SetupPage state={state} onState={apply} />;
    case 'problem':
      return <ProblemPage problem={state.problem} dataDir={state.dataDir} onState={apply} onRetry={refresh} />;
    case 'locked':
      return <UnlockPage state={state} onState={apply} />;
    case 'unlocked':
      if (state.mustChangePassword) return <NewPasswordPage state={state} onState={apply} />;
      return (
        <Workspace
          state={state}
          onState={apply}
          route={route}
          go={setRoute}
          onSwitchUser={async () => {
            const r = await invoke('session.lock', {});
            setRoute({ name: 'home' });
            if (r.ok) apply(r.value);
          }}
        />
      );
  }
}
