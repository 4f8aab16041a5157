import { join } from 'node:path';
import type { Session, WebContents } from 'electron';
import { APP_SCHEME } from '../shared/ipc';
import { createRequestHandler } from './protocol/handle-request';
import { buildCsp, isAllowedNavigation, isAllowedPermission } from './security';

/** Serves outu://app/ from out/renderer and outu://data/ from data/geo below `appRoot`. */
export function registerAppProtocol(session: Session, appRoot: string, devServerUrl?: string): void {
  const handler = createRequestHandler(
    { app: join(appRoot, 'out', 'renderer'), data: join(appRoot, 'data', 'geo') },
    { csp: buildCsp(devServerUrl), corsHosts: ['data'] },
  );
  session.protocol.handle(APP_SCHEME, handler);
}

/** The dev server sends no CSP of its own, so add ours to everything it serves. */
export function applyDevServerCsp(session: Session, devServerUrl: string): void {
  const origin = new URL(devServerUrl).origin;
  const csp = buildCsp(devServerUrl);
  session.webRequest.onHeadersReceived((details, callback) => {
    if (new URL(details.url).origin !== origin) {
      callback({});
      return;
    }
    const responseHeaders = Object.fromEntries(
      Object.entries(details.responseHeaders ?? {}).filter(
        ([name]) => name.toLowerCase() !== 'content-security-policy',
      ),
    );
    responseHeaders['Content-Security-Policy'] = [csp];
    callback({ responseHeaders });
  });
}

/** Deny every permission except geolocation (for field staff), and that only for the app itself. */
export function restrictPermissions(session: Session, devServerUrl?: string): void {
  session.setPermissionRequestHandler((contents, permission, callback, details) => {
    const url = 'requestingUrl' in details ? details.requestingUrl : contents.getURL();
    callback(isAllowedPermission(permission, url, devServerUrl));
  });
  session.setPermissionCheckHandler((_contents, permission, requestingOrigin) =>
    isAllowedPermission(permission, requestingOrigin, devServerUrl),
  );
  session.setDevicePermissionHandler(() => false);
}

/** Every web contents: no navigation away from the app, no new windows, no <webview>. */
export function guardWebContents(contents: WebContents, devServerUrl?: string): void {
  const refuse = (event: { url: string; preventDefault: () => void }): void => {
    if (!isAllowedNavigation(event.url, devServerUrl)) event.preventDefault();
  };
  contents.on('will-navigate', refuse);
  contents.on('will-frame-navigate', refuse);
  contents.on('will-redirect', refuse);
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
}
