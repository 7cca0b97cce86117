// Electron's security checklist, item by item, without Electron: the Electron binary cannot run on
// the machines that run unit tests, so the window's preferences and the handlers are built by small
// functions and driven here with fakes holding just what they touch (a removed or weakened item fails
// its test). docs/security.md maps each checklist item to its code and its test.
import { EventEmitter } from 'node:events';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { App, Session, WebContents } from 'electron';
import { describe, expect, it, vi } from 'vitest';
import { applyPermissionPolicy, hardenAllWebContents, hardenWebContents } from './security';
import { mainWindowPreferences } from './window-preferences';

const REPO = join(import.meta.dirname, '..', '..');

/** A WebContents as the hardening sees it: events, and the window-open handler. */
class FakeContents extends EventEmitter {
  openHandler: ((details: { url: string }) => { action: string }) | null = null;
  setWindowOpenHandler(handler: (details: { url: string }) => { action: string }): void {
    this.openHandler = handler;
  }
  /** Emits `name` with an event for `url`; true when the event was prevented. */
  tried(name: string, url: string): boolean {
    const event = { url, preventDefault: vi.fn() };
    this.emit(name, event);
    return event.preventDefault.mock.calls.length > 0;
  }
}

const hardened = (): FakeContents => {
  const contents = new FakeContents();
  hardenWebContents(contents as unknown as WebContents);
  return contents;
};

describe("the main window's preferences (checklist 2, 3, 4, 6, 8, 9, 10, 11)", () => {
  it('keep every isolation on and every risky feature off', () => {
    expect(mainWindowPreferences('/app/preload.cjs')).toEqual({
      preload: '/app/preload.cjs',
      contextIsolation: true, // 3. context isolation
      sandbox: true, // 4. process sandboxing
      nodeIntegration: false, // 2. no Node.js for web content
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true, // 6. web security stays on
      allowRunningInsecureContent: false, // 8.
      experimentalFeatures: false, // 9.
      webviewTag: false, // 11, 12. no <webview> at all
      navigateOnDragDrop: false,
      spellcheck: false,
    });
    // 10. No Blink feature is switched on by name.
    expect(mainWindowPreferences('/p')).not.toHaveProperty('enableBlinkFeatures');
  });
});

describe('navigation and new windows (checklist 13, 14, 12)', () => {
  it('stays on app://ducha: a link, a script or a redirect elsewhere is stopped', () => {
    const contents = hardened();
    for (const url of [
      'https://example.com/',
      'file:///etc/passwd',
      'http://127.0.0.1:8080/',
      'app://other/',
    ])
      for (const event of ['will-navigate', 'will-redirect'])
        expect(contents.tried(event, url), `${event} ${url}`).toBe(true);
    expect(contents.tried('will-navigate', 'app://ducha/index.html?lang=en')).toBe(false);
    expect(contents.tried('will-redirect', 'app://ducha/')).toBe(false);
  });

  it('opens no new window, whatever it would show', () => {
    const contents = hardened();
    expect(contents.openHandler?.({ url: 'app://ducha/' })).toEqual({ action: 'deny' });
    expect(contents.openHandler?.({ url: 'https://example.com/' })).toEqual({ action: 'deny' });
  });

  it('attaches no <webview>', () => {
    expect(hardened().tried('will-attach-webview', 'app://ducha/')).toBe(true);
  });

  it('hardens every WebContents ever created, not only the main window', () => {
    const app = new EventEmitter();
    hardenAllWebContents(app as unknown as App);
    const contents = new FakeContents();
    app.emit('web-contents-created', {}, contents);
    expect(contents.tried('will-navigate', 'https://example.com/')).toBe(true);
    expect(contents.openHandler?.({ url: 'https://example.com/' })).toEqual({ action: 'deny' });
  });
});

describe('permissions (checklist 5)', () => {
  it('grants persistent storage only; refuses the camera, the microphone, location, devices', () => {
    const handlers: {
      request?: (contents: unknown, permission: string, callback: (granted: boolean) => void) => void;
      check?: (contents: unknown, permission: string) => boolean;
      device?: () => boolean;
    } = {};
    const session = {
      setPermissionRequestHandler: (handler: typeof handlers.request) => (handlers.request = handler),
      setPermissionCheckHandler: (handler: typeof handlers.check) => (handlers.check = handler),
      setDevicePermissionHandler: (handler: typeof handlers.device) => (handlers.device = handler),
    };
    applyPermissionPolicy(session as unknown as Session);
    const asked = (permission: string): boolean => {
      let granted: boolean | null = null;
      handlers.request?.({}, permission, (answer) => (granted = answer));
      return granted === true;
    };
    expect(asked('persistent-storage')).toBe(true);
    expect(handlers.check?.({}, 'persistent-storage')).toBe(true);
    for (const permission of [
      'media',
      'geolocation',
      'notifications',
      'clipboard-read',
      'openExternal',
      'hid',
    ]) {
      expect(asked(permission), permission).toBe(false);
      expect(handlers.check?.({}, permission), permission).toBe(false);
    }
    expect(handlers.device?.()).toBe(false);
  });
});

/** Every .ts/.tsx file under `folder`, recursively. */
function sources(folder: string): string[] {
  return readdirSync(folder).flatMap((name) => {
    const file = join(folder, name);
    if (statSync(file).isDirectory()) return sources(file);
    return /\.tsx?$/.test(name) && !name.endsWith('.test.ts') ? [file] : [];
  });
}

describe('what no code of the app may use (checklist 15, 10, 11)', () => {
  it('never calls shell.openExternal, switches on Blink features or allows pop-ups in a webview', () => {
    const used = [...sources(join(REPO, 'electron')), ...sources(join(REPO, 'renderer'))].filter((file) =>
      /openExternal|enableBlinkFeatures|allowpopups/.test(readFileSync(file, 'utf8')),
    );
    expect(used).toEqual([]);
  });
});

describe('Electron itself (checklist 16, 19)', () => {
  const manifest = JSON.parse(readFileSync(join(REPO, 'package.json'), 'utf8')) as {
    devDependencies: Record<string, string>;
  };

  it('is pinned to an exact release, the one installed', () => {
    const pinned = manifest.devDependencies.electron ?? '';
    expect(pinned).toMatch(/^\d+\.\d+\.\d+$/);
    const installed = JSON.parse(
      readFileSync(join(REPO, 'node_modules', 'electron', 'package.json'), 'utf8'),
    ) as {
      version: string;
    };
    expect(installed.version).toBe(pinned);
  });
});
