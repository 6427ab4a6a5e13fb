import type { MenuItemConstructorOptions } from 'electron';
import type { MenuAction } from '../../shared/desktop';
import type { UiLanguage } from '../../shared/domain/languages';
import { createTranslator } from '../../shared/i18n';

/**
 * The application menu, in the language Casebook is shown in. Its Casebook items do not act here:
 * they ask the page (which knows who is signed in and what is on screen) through `act`.
 */
export function menuTemplate(opts: {
  language: UiLanguage;
  isMac: boolean;
  packaged: boolean;
  act: (action: MenuAction) => void;
}): MenuItemConstructorOptions[] {
  const { t } = createTranslator(opts.language);
  const item = (action: MenuAction, label: string, accelerator?: string): MenuItemConstructorOptions => ({
    id: action,
    label,
    accelerator,
    click: () => opts.act(action),
  });
  const about = item('about', t('menu.about'));
  const file: MenuItemConstructorOptions = {
    label: t('menu.file'),
    submenu: [
      item('backup', t('menu.backUp'), 'CmdOrCtrl+B'),
      item('restore', t('menu.restore')),
      { type: 'separator' },
      item('print', t('menu.print'), 'CmdOrCtrl+P'),
      { type: 'separator' },
      opts.isMac ? { role: 'close', label: t('menu.closeWindow') } : { role: 'quit', label: t('menu.quit') },
    ],
  };
  const edit: MenuItemConstructorOptions = {
    label: t('menu.edit'),
    submenu: [
      { role: 'undo', label: t('menu.undo') },
      { role: 'redo', label: t('menu.redo') },
      { type: 'separator' },
      { role: 'cut', label: t('menu.cut') },
      { role: 'copy', label: t('menu.copy') },
      { role: 'paste', label: t('menu.paste') },
      { role: 'selectAll', label: t('menu.selectAll') },
    ],
  };
  const view: MenuItemConstructorOptions = {
    label: t('menu.view'),
    submenu: [
      { role: 'zoomIn', label: t('menu.zoomIn') },
      { role: 'zoomOut', label: t('menu.zoomOut') },
      { role: 'resetZoom', label: t('menu.resetZoom') },
      { type: 'separator' },
      { role: 'togglefullscreen', label: t('menu.fullScreen') },
      // For whoever helps the charity with a problem; never in the installed app.
      ...(opts.packaged ? [] : [{ type: 'separator' } as const, { role: 'toggleDevTools' } as const]),
    ],
  };
  const help: MenuItemConstructorOptions = {
    label: t('menu.help'),
    role: 'help',
    submenu: [
      item('guide', t('menu.guide'), 'F1'),
      item('dataFolder', t('menu.dataFolder')),
      ...(opts.isMac ? [] : [{ type: 'separator' } as const, about]),
    ],
  };
  const macApp: MenuItemConstructorOptions = {
    label: 'Casebook',
    submenu: [
      about,
      { type: 'separator' },
      { role: 'hide', label: t('menu.hide') },
      { role: 'hideOthers', label: t('menu.hideOthers') },
      { role: 'unhide', label: t('menu.showAll') },
      { type: 'separator' },
      { role: 'quit', label: t('menu.quit') },
    ],
  };
  return [...(opts.isMac ? [macApp] : []), file, edit, view, help];
}
