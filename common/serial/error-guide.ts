/**
 * Every serial error code and board state links to the section of the troubleshooting guide that
 * explains it (lessons/guides/serial-troubleshooting.<lang>.md, anchors as <a id="…">).
 */
export const serialErrorCodes = [
  'serial.no-sync',
  'serial.wrong-signature',
  'serial.port-busy',
  'serial.permission-denied',
  'serial.port-not-found',
  'serial.open-failed',
  'serial.timeout',
  'serial.disconnected',
  'serial.verify-mismatch',
  'serial.image-too-large',
  'serial.port-owned',
  'serial.firmware-missing',
  'serial.list-failed',
] as const;
export type SerialErrorCode = (typeof serialErrorCodes)[number];

export const guideAnchors = [
  'board-not-found',
  'ch340-driver',
  'usb-serial-driver',
  'linux-dialout',
  'linux-brltty',
  'charge-only-cable',
  'port-busy',
  'no-firmware',
  'upload-no-answer',
  'wrong-board',
  'upload-interrupted',
  'brown-out',
  'board-lost',
] as const;
export type GuideAnchor = (typeof guideAnchors)[number];

export const errorGuideAnchor: Record<SerialErrorCode, GuideAnchor> = {
  'serial.no-sync': 'upload-no-answer',
  'serial.wrong-signature': 'wrong-board',
  'serial.port-busy': 'port-busy',
  'serial.permission-denied': 'linux-dialout',
  'serial.port-not-found': 'board-not-found',
  'serial.open-failed': 'board-not-found',
  'serial.timeout': 'upload-interrupted',
  'serial.disconnected': 'upload-interrupted',
  'serial.verify-mismatch': 'brown-out',
  'serial.image-too-large': 'wrong-board',
  'serial.port-owned': 'port-busy',
  'serial.firmware-missing': 'no-firmware',
  'serial.list-failed': 'board-not-found',
};

/** Board states (common/ipc/contract-board.ts) that have a guide section. */
export const boardStateGuideAnchor: Partial<Record<string, GuideAnchor>> = {
  'no-firmware': 'no-firmware',
  'old-firmware': 'no-firmware',
  'port-busy': 'port-busy',
  lost: 'board-lost',
};

export const guideAnchorFor = (code: string): GuideAnchor | null =>
  (errorGuideAnchor as Record<string, GuideAnchor | undefined>)[code] ?? null;
