import type { WebPreferences } from 'electron';
import { APP_ORIGIN, APP_SCHEME } from '../shared/ipc';

type Directives = Record<string, string[]>;

const BASE_DIRECTIVES: Readonly<Directives> = {
  'default-src': ["'self'", `${APP_SCHEME}:`],
  'script-src': ["'self'"],
  'worker-src': ["'self'", 'blob:'],
  'img-src': ["'self'", 'data:', 'blob:'],
  // maplibre-gl sets inline styles on its DOM elements.
  'style-src': ["'self'", "'unsafe-inline'"],
  'connect-src': ["'self'", `${APP_SCHEME}:`, 'data:', 'blob:'],
  'font-src': ["'self'", 'data:'],
  'object-src': ["'none'"],
  'base-uri': ["'none'"],
  'frame-ancestors': ["'none'"],
  'form-action': ["'none'"],
};

/** Origin of a dev-server URL, or null if it is not an http(s) URL. */
function devOrigin(devServerUrl: string | undefined): URL | null {
  if (!devServerUrl) return null;
  try {
    const url = new URL(devServerUrl);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url : null;
  } catch {
    return null;
  }
}

/**
 * The Content-Security-Policy for every renderer document and worker. With a dev-server URL
 * (electron-vite dev) it also allows that origin, its HMR websocket and the inline
 * React-refresh preamble that @vitejs/plugin-react injects — never in production.
 */
export function buildCsp(devServerUrl?: string): string {
  const directives: Directives = Object.fromEntries(
    Object.entries(BASE_DIRECTIVES).map(([name, sources]) => [name, [...sources]]),
  );
  const dev = devOrigin(devServerUrl);
  if (dev) {
    const wsOrigin = `${dev.protocol === 'https:' ? 'wss' : 'ws'}://${dev.host}`;
    directives['script-src']?.push(dev.origin, "'unsafe-inline'");
    directives['connect-src']?.push(dev.origin, wsOrigin);
    directives['worker-src']?.push(dev.origin);
    directives['img-src']?.push(dev.origin);
    directives['style-src']?.push(dev.origin);
    directives['font-src']?.push(dev.origin);
  }
  return Object.entries(directives)
    .map(([name, sources]) => `${name} ${sources.join(' ')}`)
    .join('; ');
}

/** Production CSP. */
export const CSP = buildCsp();

/**
 * Whether the main frame may navigate to `url`: only the app itself (outu://app/…) and, in dev,
 * the dev server's origin. Everything else is refused and nothing is opened externally.
 */
export function isAllowedNavigation(url: string, devServerUrl?: string): boolean {
  let target: URL;
  try {
    target = new URL(url);
  } catch {
    return false;
  }
  if (target.username || target.password) return false;
  if (target.protocol === `${APP_SCHEME}:` && target.host === new URL(APP_ORIGIN).host) return true;
  const dev = devOrigin(devServerUrl);
  return dev !== null && target.origin === dev.origin;
}

/** The renderer runs with no Node, in a sandbox, isolated from the preload. */
export const SECURE_WEB_PREFERENCES = {
  contextIsolation: true,
  sandbox: true,
  nodeIntegration: false,
  nodeIntegrationInWorker: false,
  nodeIntegrationInSubFrames: false,
  webSecurity: true,
  allowRunningInsecureContent: false,
  experimentalFeatures: false,
  webviewTag: false,
  navigateOnDragDrop: false,
  safeDialogs: true,
  spellcheck: false,
  // Middle-click on a link would otherwise try to open a new window (denied anyway).
  disableBlinkFeatures: 'Auxclick',
} as const satisfies WebPreferences;

export function secureWebPreferences(preloadPath: string): WebPreferences {
  return { ...SECURE_WEB_PREFERENCES, preload: preloadPath };
}

/** Permissions the renderer may be granted; everything else is denied. */
export const ALLOWED_PERMISSIONS: readonly string[] = ['geolocation'];

export function isAllowedPermission(permission: string, requestingUrl: string, devServerUrl?: string): boolean {
  return ALLOWED_PERMISSIONS.includes(permission) && isAllowedNavigation(requestingUrl, devServerUrl);
}
