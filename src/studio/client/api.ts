/** Talking to the studio's routes (src/studio/api.ts): JSON in and out, errors as messages to show. */
export class ApiError extends Error {
  readonly status: number;
  readonly body: unknown;
  constructor(status: number, message: string, body: unknown) {
    super(message);
    this.status = status;
    this.body = body;
  }
}

async function call<T>(method: string, path: string, body?: unknown, raw?: Blob): Promise<T> {
  const response = await fetch(`/__studio/api/${path}`, {
    method,
    headers: raw ? { 'Content-Type': raw.type || 'application/octet-stream' } : body === undefined ? {} : { 'Content-Type': 'application/json' },
    body: raw ?? (body === undefined ? undefined : JSON.stringify(body)),
  });
  const value = (await response.json().catch(() => ({}))) as T & { error?: string };
  if (!response.ok) throw new ApiError(response.status, value.error ?? response.statusText, value);
  return value;
}

export const api = {
  get: <T>(path: string) => call<T>('GET', path),
  post: <T>(path: string, body: unknown) => call<T>('POST', path, body),
  put: <T>(path: string, body: unknown) => call<T>('PUT', path, body),
  delete: <T>(path: string, body: unknown) => call<T>('DELETE', path, body),
  upload: <T>(path: string, file: Blob) => call<T>('POST', path, undefined, file),
};

export type { TranslationState } from '../../translations/status.ts';
/** A problem of the content check, as the studio's API sends it. */
export type { ContentProblem as Problem } from '../../content/problems.ts';

/** `#/edit?path=…` and friends: where each screen lives. */
export const links = {
  overview: () => '#/',
  edit: (path: string, field?: string) => `#/edit?path=${encodeURIComponent(path)}${field ? `&field=${encodeURIComponent(field)}` : ''}`,
  translate: (path: string) => `#/translate?path=${encodeURIComponent(path)}`,
  create: (what = 'article') => `#/new?what=${what}`,
  build: () => '#/build',
  files: () => '#/files',
};
