/**
 * Which typed paths may be serial ports. A path typed on the student screen is checked against
 * the names serial devices have (Linux, macOS, Windows) before anything looks at the disk, so the
 * app never tells whether some other file exists; folders set by whoever starts the app (device
 * links made by udev rules, socat or ser2net) are accepted too.
 */

/** Typed paths watched at once; the oldest is forgotten past this. */
export const maxTypedPorts = 8;

const windowsPort = /^(\\\\\.\\)?COM[1-9]\d{0,2}$/i;
/**
 * Serial device names. Terminals are not among them: /dev/pts/N, /dev/tty, the consoles
 * /dev/ttyN, macOS /dev/ttysN and the old ttyp0-style ptys. Opening the terminal the app was
 * started from would take its keystrokes and change its settings; a test pty is typed through its
 * link in a device folder instead.
 */
const unixDevice =
  /^\/dev\/(tty(?![p-za-e][0-9a-f]$|s\d)[A-Za-z.][A-Za-z0-9._-]{0,39}|cu\.[A-Za-z0-9._-]{1,60}|rfcomm\d{1,3}|serial\/by-(id|path)\/[A-Za-z0-9:._+-]{1,200})$/;
const linkName = /^[A-Za-z0-9._+:-]{1,120}$/;

/** No empty, "." or ".." segments: the path says where it is without walking elsewhere. */
const isPlainAbsolute = (path: string): boolean =>
  path.startsWith('/') &&
  path
    .slice(1)
    .split('/')
    .every((segment) => segment !== '' && segment !== '.' && segment !== '..');

export const isTypedPortPath = (path: string, deviceDirs: readonly string[] = []): boolean => {
  if (path.length > 260) return false;
  if (windowsPort.test(path)) return true;
  if (!isPlainAbsolute(path)) return false;
  if (unixDevice.test(path)) return true;
  return deviceDirs.some((dir) => {
    const prefix = dir.endsWith('/') ? dir : `${dir}/`;
    if (!isPlainAbsolute(prefix.slice(0, -1)) || !path.startsWith(prefix)) return false;
    // A device link inside the folder or in one subfolder of it (one per bridge).
    const rest = path.slice(prefix.length).split('/');
    return rest.length <= 2 && rest.every((segment) => linkName.test(segment) && segment !== '..');
  });
};

/** `CHISPA_SERIAL_DEVICE_DIRS`: absolute folders separated by ':' (';' on Windows works too). */
export const deviceDirsFromEnv = (value: string | undefined): string[] =>
  (value ?? '')
    .split(/[:;]/)
    .map((dir) => dir.trim())
    .filter((dir) => dir.startsWith('/'));
