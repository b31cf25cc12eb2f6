/** Hand a file to the browser as a download (no frames: the page's CSP allows none). */
export function downloadBlob(filename: string, blob: Blob) {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  a.rel = 'noopener';
  document.body.append(a);
  a.click();
  a.remove();
  window.setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

/** A file the API sends as base64 (printouts, exports), with its type. */
export function downloadBase64(filename: string, base64: string, type: string) {
  downloadBlob(filename, new Blob([Uint8Array.from(atob(base64), (c) => c.charCodeAt(0))], { type }));
}

/** A PDF sent as base64 (printouts). */
export function downloadPdf(filename: string, base64: string) {
  downloadBase64(filename, base64, 'application/pdf');
}

/** A text file (CSV exports). */
export function downloadText(filename: string, text: string, type = 'text/csv;charset=utf-8') {
  downloadBlob(filename, new Blob([text], { type }));
}

/** A chosen file's bytes as base64, for an upload (in chunks: a spread of megabytes overflows the stack). */
export function toBase64(bytes: ArrayBuffer): string {
  let text = '';
  const view = new Uint8Array(bytes);
  for (let i = 0; i < view.length; i += 0x8000) text += String.fromCharCode(...view.subarray(i, i + 0x8000));
  return btoa(text);
}
