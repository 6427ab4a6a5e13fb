import { beforeEach, describe, expect, it, vi } from 'vitest';
import { DESKTOP_COMMAND_CHANNEL } from '../../shared/desktop';
import { CHANNELS, contract } from '../../shared/contract';
import { Casebook } from '../../electron/core/casebook';
import { dispatch, joinHandlers } from '../../electron/core/rpc';
import { FolderPlatform, RESOURCES, tempDir } from './helpers';

const exposed: Record<string, unknown> = {};
const ipcRendererInvoke = vi.fn(async (..._args: unknown[]) => ({ ok: true, value: null }));
const ipcRendererOn = vi.fn((..._args: unknown[]) => undefined);

vi.mock('electron', () => ({
  contextBridge: { exposeInMainWorld: (key: string, api: unknown) => (exposed[key] = api) },
  ipcRenderer: {
    invoke: (...args: unknown[]) => ipcRendererInvoke(...args),
    on: (...args: unknown[]) => ipcRendererOn(...args),
  },
  webUtils: { getPathForFile: (file: { name: string }) => `/home/anna/Desktop/${file.name}` },
}));

function core() {
  const cb = new Casebook({
    dataDir: tempDir(),
    resourcesDir: RESOURCES,
    platform: new FolderPlatform(tempDir()),
    idleCheckMs: 0,
    log: () => {},
  });
  return cb;
}

describe('the contract', () => {
  it('every channel has exactly one handler, and there are no handlers without a channel', () => {
    const cb = core();
    expect(Object.keys(cb.handlers).sort()).toEqual([...CHANNELS].sort());
    for (const ch of CHANNELS) expect(typeof cb.handlers[ch], ch).toBe('function');
    cb.dispose();
    // Two domains answering one channel stop Casebook at start-up, instead of one replacing the other.
    const status = cb.handlers['app.status'];
    expect(() =>
      joinHandlers([{ 'app.status': status }, { 'app.about': cb.handlers['app.about'] }, { 'app.status': status }]),
    ).toThrow('Two domains answer the channel app.status');
    expect(Object.keys(joinHandlers([{ 'app.status': status }, { 'app.about': cb.handlers['app.about'] }]))).toEqual([
      'app.status',
      'app.about',
    ]);
  });

  it('every channel says who may call it', () => {
    for (const ch of CHANNELS) {
      const a = contract[ch].access;
      expect(a === 'open' || (Array.isArray(a) && a.length > 0), ch).toBe(true);
    }
  });

  it('an unknown channel and a throwing handler come back as data, never as a thrown error', async () => {
    const cb = core();
    expect(await cb.call('clients.drop', {})).toMatchObject({ ok: false, error: { code: 'UNKNOWN_CHANNEL' } });
    expect(await cb.call('__proto__', {})).toMatchObject({ ok: false, error: { code: 'UNKNOWN_CHANNEL' } });
    const reported: string[] = [];
    const handlers = {
      ...cb.handlers,
      'app.status': () => {
        throw new Error('Zofia Wiśniewska broke it');
      },
    };
    const res = await dispatch(
      handlers as never,
      () => {},
      'app.status',
      {},
      (ch) => reported.push(ch),
    );
    expect(res).toEqual({ ok: false, error: { code: 'INTERNAL', message: 'Unexpected error' } });
    expect(reported).toEqual(['app.status']);
    cb.dispose();
  });

  it('a handler whose result does not match the contract gives INTERNAL, not bad data', async () => {
    const cb = core();
    const handlers = { ...cb.handlers, 'app.status': () => ({ state: 'nonsense' }) };
    expect(await dispatch(handlers as never, () => {}, 'app.status', {})).toMatchObject({
      ok: false,
      error: { code: 'INTERNAL' },
    });
    cb.dispose();
  });

  it('session channels are refused while locked', async () => {
    const cb = core();
    for (const ch of CHANNELS.filter((c) => contract[c].access !== 'open')) {
      expect(await cb.call(ch, {}), ch).toMatchObject({ ok: false, error: { code: 'LOCKED' } });
    }
    cb.dispose();
  });
});

describe('the preload', () => {
  beforeEach(() => {
    for (const k of Object.keys(exposed)) delete exposed[k];
    vi.resetModules();
  });

  it('exposes only window.casebook.invoke (to ipcRenderer.invoke), pathForFile (a dropped file) and onCommand (the desktop channel, without the Electron event)', async () => {
    await import('../../electron/preload/index');
    expect(Object.keys(exposed)).toEqual(['casebook']);
    const api = exposed['casebook'] as Record<string, unknown>;
    expect(Object.keys(api)).toEqual(['invoke', 'pathForFile', 'onCommand']);
    // Where a dropped file is on disk, and nothing else: anything that is not a File is refused.
    const pathForFile = api['pathForFile'] as (f: unknown) => string;
    expect(pathForFile(new File(['x'], 'scan.pdf'))).toBe('/home/anna/Desktop/scan.pdf');
    expect(() => pathForFile({ name: '../../etc/passwd' })).toThrow(TypeError);
    await (api['invoke'] as (c: string, i: unknown) => Promise<unknown>)('app.status', {});
    expect(ipcRendererInvoke).toHaveBeenCalledWith('app.status', {});
    const heard: unknown[] = [];
    (api['onCommand'] as (l: (c: unknown) => void) => void)((c) => heard.push(c));
    expect(ipcRendererOn).toHaveBeenCalledWith(DESKTOP_COMMAND_CHANNEL, expect.any(Function));
    const forward = ipcRendererOn.mock.calls[0]![1] as (event: unknown, command: unknown) => void;
    forward({ sender: 'the Electron event, never shown to the page' }, { kind: 'menu', action: 'about' });
    expect(heard).toEqual([{ kind: 'menu', action: 'about' }]);
    expect(() => (api['onCommand'] as (l: unknown) => void)('not a function')).toThrow(TypeError);
  });
});

describe('main-process IPC registration', () => {
  it('registers every channel and refuses calls from a foreign or child frame', async () => {
    const { registerChannels } = await import('../../electron/main/ipc');
    const { appUrlCheck } = await import('../../electron/main/security');
    const registered = new Map<string, (event: unknown, input: unknown) => unknown>();
    const calls: string[] = [];
    const fakeCore = { call: async (ch: string) => (calls.push(ch), { ok: true as const, value: 'ran' }) };
    const isAppUrl = appUrlCheck('/opt/Casebook/resources/app.asar/out/renderer/index.html', undefined);
    registerChannels({ handle: (ch: string, fn: never) => void registered.set(ch, fn) } as never, fakeCore, isAppUrl);
    expect([...registered.keys()].sort()).toEqual([...CHANNELS].sort());

    const handler = registered.get('clients.search')!;
    const frame = (url: string, parent: unknown = null) => ({ senderFrame: { url, parent } });
    expect(
      await handler(frame('file:///opt/Casebook/resources/app.asar/out/renderer/index.html#/clients'), {}),
    ).toEqual({ ok: true, value: 'ran' });
    for (const bad of [
      frame('https://example.org/'),
      frame('file:///home/user/Downloads/evil.html'),
      frame('file:///opt/Casebook/resources/app.asar/out/renderer/index.html', { url: 'x' }),
      { senderFrame: null },
    ]) {
      expect(await handler(bad, {})).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    }
    expect(calls).toEqual(['clients.search']);
  });
});
