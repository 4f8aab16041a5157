import type { OpenFileRequest, OpenedFile, SaveFileRequest, SaveFileResult } from '../../../shared/ipc';

function acceptAttribute(request: OpenFileRequest): string {
  return (request.filters ?? []).flatMap((f) => f.extensions.map((ext) => (ext === '*' ? '*' : `.${ext}`))).join(',');
}

/** Opens a file through a hidden <input type=file>; resolves null when the user cancels. */
export function browserOpenFile(request: OpenFileRequest): Promise<OpenedFile | null> {
  return new Promise((resolve, reject) => {
    const input = document.createElement('input');
    input.type = 'file';
    input.accept = acceptAttribute(request);
    input.style.display = 'none';
    input.addEventListener('cancel', () => {
      input.remove();
      resolve(null);
    });
    input.addEventListener('change', () => {
      const file = input.files?.[0];
      input.remove();
      if (!file) return resolve(null);
      file.arrayBuffer().then((buffer) => resolve({ name: file.name, bytes: new Uint8Array(buffer) }), reject);
    });
    document.body.append(input);
    input.click();
  });
}

/** Saves through a download link: the browser decides where the file goes. */
export async function browserSaveFile(request: SaveFileRequest): Promise<SaveFileResult> {
  const part: BlobPart = typeof request.data === 'string' ? request.data : new Uint8Array(request.data);
  const url = URL.createObjectURL(new Blob([part], request.mimeType ? { type: request.mimeType } : {}));
  const link = document.createElement('a');
  link.href = url;
  link.download = request.suggestedName;
  link.style.display = 'none';
  document.body.append(link);
  link.click();
  link.remove();
  // Revoke later: revoking synchronously can cancel the download in Chromium.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
  return { saved: true, path: request.suggestedName };
}
