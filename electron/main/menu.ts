import type { MenuItemConstructorOptions } from 'electron';

export interface MenuInput {
  isPackaged: boolean;
  platform: NodeJS.Platform;
}

/** A small menu: quit, the edit roles (so copy/paste shortcuts work), reload and zoom. DevTools only in development. */
export function buildMenuTemplate({ isPackaged, platform }: MenuInput): MenuItemConstructorOptions[] {
  const view: MenuItemConstructorOptions[] = [
    { role: 'reload' },
    { type: 'separator' },
    { role: 'resetZoom' },
    { role: 'zoomIn' },
    { role: 'zoomOut' },
    { type: 'separator' },
    { role: 'togglefullscreen' },
  ];
  if (!isPackaged) view.push({ type: 'separator' }, { role: 'forceReload' }, { role: 'toggleDevTools' });

  const template: MenuItemConstructorOptions[] = [];
  if (platform === 'darwin') template.push({ role: 'appMenu' });
  template.push(
    { label: 'File', submenu: [platform === 'darwin' ? { role: 'close' } : { role: 'quit' }] },
    {
      label: 'Edit',
      submenu: [
        { role: 'undo' },
        { role: 'redo' },
        { type: 'separator' },
        { role: 'cut' },
        { role: 'copy' },
        { role: 'paste' },
        { role: 'selectAll' },
      ],
    },
    { label: 'View', submenu: view },
    { role: 'windowMenu' },
  );
  return template;
}
