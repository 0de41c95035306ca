/** Decodes the export's base64 bytes (atob is in both browsers and Node 20). */
export const base64ToBytes = (base64: string): Uint8Array<ArrayBuffer> => {
  const binary = atob(base64);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i += 1) bytes[i] = binary.charCodeAt(i);
  return bytes;
};

/** Hands a file to the browser's download (Blob + a temporary link); nothing leaves the PC. */
export const downloadBlob = (blob: Blob, fileName: string): void => {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  // The download has started by the time the click returns; free the Blob a little later.
  setTimeout(() => URL.revokeObjectURL(url), 30_000);
};

export const downloadBytes = (bytes: Uint8Array<ArrayBuffer>, fileName: string, mimeType: string): void =>
  downloadBlob(new Blob([bytes], { type: mimeType }), fileName);
