import type { IpcMainInvokeEvent, Session, WebContents } from 'electron';

/** The Content-Security-Policy of every page Casebook shows (also set as a meta tag in index.html). */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  // Mantine writes its theme variables into a <style> element.
  "style-src 'self' 'unsafe-inline'",
  // blob: for the pages of a printout, drawn in memory for the print dialog.
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-src 'none'",
  "frame-ancestors 'none'",
].join('; ');

/** Deny by default: no permission (camera, notifications, …) is ever granted, and every response gets the CSP. */
export function hardenSession(session: Session): void {
  session.setPermissionRequestHandler((_wc, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
  session.webRequest.onHeadersReceived((details, callback) => {
    callback({ responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [CONTENT_SECURITY_POLICY] } });
  });
}

/** The window never leaves the app: no navigation, no new windows, no webviews. */
export function hardenContents(contents: WebContents, isAppUrl: (url: string) => boolean): void {
  contents.on('will-navigate', (event, url) => {
    if (!isAppUrl(url)) event.preventDefault();
  });
  contents.on('will-redirect', (event, url) => {
    if (!isAppUrl(url)) event.preventDefault();
  });
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
  contents.on('will-attach-webview', (event) => event.preventDefault());
}

/** True when an IPC call comes from the app's own top-level page, not from some other frame. */
export function isTrustedSender(
  event: Pick<IpcMainInvokeEvent, 'senderFrame'>,
  isAppUrl: (url: string) => boolean,
): boolean {
  const frame = event.senderFrame;
  if (!frame || frame.parent !== null) return false;
  return isAppUrl(frame.url);
}

/** The app's own pages: the built renderer file, or the dev server while developing. */
export function appUrlCheck(rendererFile: string, devServerUrl: string | undefined): (url: string) => boolean {
  const fileUrl = new URL(`file://${rendererFile.startsWith('/') ? '' : '/'}${rendererFile.replace(/\\/g, '/')}`);
  return (raw) => {
    let url: URL;
    try {
      url = new URL(raw);
    } catch {
      return false;
    }
    if (devServerUrl) {
      const dev = new URL(devServerUrl);
      if (url.origin === dev.origin) return true;
    }
    return url.protocol === 'file:' && decodeURIComponent(url.pathname) === decodeURIComponent(fileUrl.pathname);
  };
}
