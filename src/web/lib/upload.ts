// Uploading a form with XMLHttpRequest (fetch cannot report upload progress): the same CSRF header,
// same-origin cookie and ApiError as lib/api.ts, plus an `onProgress` callback with the percent sent.
import { ApiError, apiErrorOf, getCsrfToken, notifyUnauthorized } from './api.ts';

/**
 * POST `form` to `/api${path}`, calling `onProgress(0…100)` as the file goes up (100 once the body is
 * sent, while the server is still working). Resolves with the JSON answer; rejects with ApiError.
 */
export function uploadForm<T>(path: string, form: FormData, onProgress?: (percent: number) => void): Promise<T> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', `/api${path}`);
    xhr.withCredentials = true;
    xhr.setRequestHeader('accept', 'application/json');
    const csrf = getCsrfToken();
    if (csrf) xhr.setRequestHeader('x-csrf-token', csrf);
    if (onProgress) {
      xhr.upload.onprogress = (e) => {
        if (e.lengthComputable) onProgress(Math.round((e.loaded / e.total) * 100));
      };
      xhr.upload.onload = () => onProgress(100);
    }
    xhr.onerror = () => reject(new ApiError(0, 'network', 'Không kết nối được với máy chủ. Vui lòng kiểm tra mạng và thử lại.'));
    xhr.onload = () => {
      let data: unknown;
      try {
        data = xhr.responseText ? JSON.parse(xhr.responseText) : undefined;
      } catch {
        data = undefined;
      }
      if (xhr.status >= 200 && xhr.status < 300) return resolve(data as T);
      if (xhr.status === 401) notifyUnauthorized();
      reject(apiErrorOf(xhr.status, data));
    };
    xhr.send(form);
  });
}
