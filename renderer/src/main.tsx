// The shared styles come first: each component's own stylesheet (imported next to it) builds on them.
import './styles/tokens.css';
import './styles/base.css';
import './styles/components.css';
import './styles/forms.css';
import './styles/layout.css';
import './styles/form-parts.css';
import './styles/patients.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { memoryPersistence, sessionStorageKioskPersistence, sessionStore, sessionStoragePersistence } from './api/session';
import { isDesktop } from './api/client';
import { captureLaunchToken } from './api/transport';
import { App } from './app/App';

// Web mode: take the launch token out of the address before anything reads the hash.
if (!isDesktop()) captureLaunchToken();
// The session survives a reload in a browser tab; in the desktop app it lives in memory only.
if (!isDesktop()) sessionStore.setPersistence(sessionStoragePersistence(window.sessionStorage), sessionStorageKioskPersistence(window.sessionStorage));
else sessionStore.setPersistence(memoryPersistence);

const root = document.getElementById('root');
if (root) {
  createRoot(root).render(
    <StrictMode>
      <App />
    </StrictMode>,
  );
}
