/** Saving bytes the app made or fetched as a file on the user's machine. */
/** Offers bytes to the user as a download. */
export function download(bytes: Uint8Array | Blob, filename: string, type = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet') {
  const blob = bytes instanceof Blob ? bytes : new Blob([bytes as BlobPart], { type });
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
