import { Center, Loader } from '@mantine/core';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AppState } from '../../shared/contract';
import { invoke, onSessionLost } from './api';
import { followCoreClock } from './clock';
import { DesktopCommands } from './components/DesktopCommands/DesktopCommands';
import { Workspace } from './components/Workspace/Workspace';
import { Navigator } from './navigation';
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
  // Where the person has been is kept across a lock, so unlocking returns to the same screen with Back
  // as it was; another person signing in (or Switch user) starts afresh at home, and cannot go Back
  // into the last person's clients.
  const [owner, setOwner] = useState<number | null>(null);
  const [generation, setGeneration] = useState(0);
  const signedIn = state?.user?.id ?? null;
  if (signedIn !== null && signedIn !== owner) setOwner(signedIn);

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
  const switchUser = useCallback(async () => {
    const r = await invoke('signIn.lock', {});
    setGeneration((g) => g + 1);
    if (r.ok) apply(r.value);
  }, [apply]);

  return (
    <Navigator key={`${owner}:${generation}`} first={{ name: 'home' }}>
      <Screen state={state} failed={failed} apply={apply} refresh={refresh} onSwitchUser={switchUser} />
      <DesktopCommands state={state} onState={apply} />
    </Navigator>
  );
}

function Screen({
  state,
  failed,
  apply,
  refresh,
  onSwitchUser,
}: {
  state: AppState | null;
  failed: boolean;
  apply: (s: AppState) => void;
  refresh: () => Promise<void>;
  onSwitchUser: () => void;
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
      return <Workspace state={state} onState={apply} onSwitchUser={onSwitchUser} />;
  }
}
