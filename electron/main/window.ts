import type { BrowserWindowConstructorOptions } from 'electron';

export interface WindowOptionsInput {
  preloadPath: string;
  isPackaged: boolean;
}

/**
 * The main window's options. The renderer is an ordinary web page: isolated from the preload,
 * sandboxed, no Node, no <webview>, web security on. DevTools only in development builds.
 */
export function buildWindowOptions({ preloadPath, isPackaged }: WindowOptionsInput): BrowserWindowConstructorOptions {
  return {
    title: 'Runback',
    width: 1280,
    height: 820,
    minWidth: 960,
    minHeight: 600,
    show: false,
    backgroundColor: '#ffffff',
    webPreferences: {
      preload: preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webviewTag: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      navigateOnDragDrop: false,
      safeDialogs: true,
      devTools: !isPackaged,
    },
  };
}
