/**
 * Electron-side sender check (model: vscode's ipcMain validation): only our own renderer,
 * loaded from the app's private scheme in a top-level frame, may call main.
 */
export const appScheme = 'chispa';
export const appOrigin = `${appScheme}://app`;

export interface SenderFrameInfo {
  url: string;
  /** True when the frame is the window's top-level frame (not an iframe). */
  isMainFrame: boolean;
}

export const isTrustedSender = (frame: SenderFrameInfo | null | undefined): boolean => {
  if (!frame || !frame.isMainFrame) return false;
  let url: URL;
  try {
    url = new URL(frame.url);
  } catch {
    return false;
  }
  return url.protocol === `${appScheme}:` && url.host === 'app';
};
