/**
 * The studio's routes under `/__studio/`: JSON for the page (overview, files, form, check, create,
 * translations, uploads, build) and the last build's dist/ (PDFs, press files, order sheet). Every
 * path goes through ./files.ts; the guard (./guard.ts) has already let the request in.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { extname, join, relative, sep } from 'node:path';
import sharp from 'sharp';
import type { StudioConfig } from '../build/config.ts';
import { checkContent } from '../content/check.ts';
import { readContentFolder } from '../content/read.ts';
import { ScaffoldError } from '../scaffold/templates.ts';
import { keepTranslationsCurrent, readUiStrings, recordTranslation, RecordError } from '../translations/records.ts';
import { contentStatus, uiStatus } from '../translations/status.ts';
import { translationScreen, uiTranslationScreen } from './translation.ts';
import { resolveFile } from '../server/static-server.ts';
import { BuildRunner } from './build-runner.ts';
import { bulletinDefaults, filesFor, type CreateRequest } from './create.ts';
import { formFor } from './fields.ts';
import { languageDesk, LanguageError, npmInstall } from './languages.ts';
import { PathRefused, readStudioFile, resolveStudioPath, restoreStudioFile, saveStudioFile, trashStudioFile, versionOf, writeAtomically, type StudioAreas } from './files.ts';
import { overview } from './overview.ts';
import { printPlan } from '../publications/print-plan.ts';
import { defaultLocale } from '../i18n/locales.ts';

/** Uploaded images: at most this many bytes, and only what sharp decodes as one of these formats. */
export const uploadLimit = 15 * 1024 * 1024;
const imageFormats: Record<string, string> = { jpeg: '.jpg', png: '.png', webp: '.webp', avif: '.avif', gif: '.gif' };

class RequestError extends Error {
  readonly status: number;
  /** More for the page than the message, e.g. the upload limit it names in the editor's language. */
  readonly details: Record<string, unknown>;
  constructor(status: number, message: string, details: Record<string, unknown> = {}) {
    super(message);
    this.status = status;
    this.details = details;
  }
}

/**
 * The request's body, up to `limit` bytes. A larger one is refused (413) after it has been read and
 * dropped, so the browser gets the answer rather than a broken connection; one far larger (4 ×) is cut off.
 */
function readBody(request: IncomingMessage, limit: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    request.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > 4 * limit) return void request.destroy();
      if (size <= limit) chunks.push(chunk);
    });
    request.on('end', () => {
      if (size <= limit) return resolve(Buffer.concat(chunks));
      const limitMb = Math.round(limit / 1024 / 1024);
      reject(new RequestError(413, `What was sent is larger than the limit (${limitMb} MB); nothing was written.`, { limitMb }));
    });
    request.on('error', reject);
  });
}

async function readJson<T>(request: IncomingMessage): Promise<T> {
  const body = await readBody(request, 2 * 1024 * 1024);
  try {
    return JSON.parse(body.toString('utf8')) as T;
  } catch {
    throw new RequestError(400, 'The request is not valid JSON.');
  }
}

function send(response: ServerResponse, status: number, value: unknown) {
  response.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store' });
  response.end(JSON.stringify(value));
}

/** A file name an editor's upload may take: lowercase letters, digits, hyphens; the format's extension. */
export function uploadName(original: string, extension: string): string {
  const stem = original
    .replace(/\.[^.]*$/, '')
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/gi, 'd')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return `${stem || 'image'}${extension}`;
}

/** Checks that `bytes` are an image sharp can decode, and which; refuses anything else. */
export async function decodeImage(bytes: Buffer): Promise<{ extension: string; width: number; height: number }> {
  try {
    const meta = await sharp(bytes, { failOn: 'error' }).metadata();
    // Decoding the pixels too: a header that lies about what follows is refused as well.
    await sharp(bytes, { failOn: 'error' }).raw().toBuffer();
    const extension = meta.format ? imageFormats[meta.format] : undefined;
    if (!extension || !meta.width || !meta.height) throw new Error('not a photo format');
    return { extension, width: meta.width, height: meta.height };
  } catch {
    throw new RequestError(415, 'Only images (JPEG, PNG, WebP, AVIF, GIF) can be uploaded, and this file is not one.');
  }
}

export interface Api {
  handle(request: IncomingMessage, response: ServerResponse, url: URL): Promise<void>;
  builds: BuildRunner;
}

export interface ApiOptions {
  /** Starts the studio process again (a new language); undefined when nothing can (the editor is told to). */
  restart?: (() => void) | undefined;
  /** Installs an npm package in the project (a new script's font); `npm install --save-dev` unless given. */
  install?: (spec: string) => Promise<void>;
}

export function studioApi(config: StudioConfig, options: ApiOptions = {}): Api {
  const build = config.build;
  const areas: StudioAreas = { content: build.content.dir, locales: build.localesDir, trash: config.trashDir };
  const languages = languageDesk(areas, build.root, options.install ?? npmInstall(build.root));
  const builds = new BuildRunner(build);
  const today = () => new Date().toISOString().slice(0, 10);
  const check = (replace?: { inner: string; text: string }) => {
    const { files, assets } = readContentFolder(build.content.dir);
    const withEdit = replace ? [...files.filter((f) => f.path !== replace.inner), { path: replace.inner, text: replace.text }] : files;
    return checkContent({ files: withEdit, assets, displayRoot: 'content' });
  };
  const status = () => {
    const result = check();
    const ui = readUiStrings(build.localesDir);
    return { result, rows: [...contentStatus(result.index, 'content'), ...uiStatus(ui.strings, ui.records, 'locales')] };
  };

  const listFiles = () => {
    const list = (root: string, area: string, keep: (p: string) => boolean) =>
      existsSync(root)
        ? readdirSync(root, { recursive: true, encoding: 'utf8' })
            .map((p) => p.split(sep).join('/'))
            .filter((p) => keep(p) && !p.split('/').some((part) => part.startsWith('.')) && statSync(join(root, p)).isFile())
            .map((p) => `${area}/${p}`)
            .sort()
        : [];
    return [...list(areas.content, 'content', (p) => /\.(mdx|ya?ml)$/.test(p)), ...list(areas.locales, 'locales', (p) => /\/[a-z-]+\.json$/i.test(p) && !p.endsWith('translated-from.json'))];
  };

  const routes: Record<string, (request: IncomingMessage, response: ServerResponse, url: URL) => Promise<void> | void> = {
    'GET /__studio/api/overview': (_q, response) => {
      const { result, rows } = status();
      send(response, 200, overview(result.index, rows, result.problems, 'content'));
    },
    'GET /__studio/api/files': (_q, response) => send(response, 200, { files: listFiles() }),
    'GET /__studio/api/file': (_q, response, url) => {
      const path = url.searchParams.get('path') ?? '';
      const read = readStudioFile(areas, path);
      const { area, inner } = resolveStudioPath(areas, path);
      send(response, 200, { ...read, form: area === 'content' ? (formFor(inner) ?? null) : null });
    },
    'PUT /__studio/api/file': async (request, response) => {
      const body = await readJson<{ path: string; text: string; version: string | null; minor?: boolean }>(request);
      const target = resolveStudioPath(areas, body.path);
      // "Minor change, no re-translation needed": translations current with the source as it was stay current.
      const minor = body.minor && target.area === 'content' && target.inner.endsWith('/vi.mdx') && existsSync(target.absolute);
      const previous = minor ? readFileSync(target.absolute, 'utf8') : undefined;
      const result = saveStudioFile(areas, body.path, body.text, body.version);
      const kept = result.saved && previous !== undefined ? keepTranslationsCurrent(target.absolute, previous, build.content.dir).map((f) => `content/${relative(build.content.dir, f).split(sep).join('/')}`) : [];
      send(response, result.saved ? 200 : 409, { ...result, kept });
    },
    'DELETE /__studio/api/file': async (request, response) => {
      const body = await readJson<{ path: string; version: string }>(request);
      const result = trashStudioFile(areas, body.path, body.version);
      send(response, result.saved ? 200 : 409, result);
    },
    'GET /__studio/api/trash': (_q, response) => {
      // Newest deletion first: trash/<time>/<content|locales>/<path>.
      const files = existsSync(areas.trash)
        ? readdirSync(areas.trash, { recursive: true, encoding: 'utf8' })
            .map((p) => p.split(sep).join('/'))
            .filter((p) => statSync(join(areas.trash, p)).isFile())
            .map((p) => `trash/${p}`)
            .sort()
            .reverse()
        : [];
      send(response, 200, { files });
    },
    'POST /__studio/api/restore': async (request, response) => {
      const body = await readJson<{ path: string }>(request);
      send(response, 200, { restored: restoreStudioFile(areas, body.path) });
    },
    'POST /__studio/api/check': async (request, response) => {
      const body = await readJson<{ path: string; text: string }>(request);
      const { area, inner, shown } = resolveStudioPath(areas, body.path);
      if (area !== 'content') return send(response, 200, { problems: [] });
      const result = check({ inner, text: body.text });
      send(response, 200, { problems: result.problems.filter((p) => p.file === shown) });
    },
    'POST /__studio/api/translated': async (request, response) => {
      const body = await readJson<{ path: string; version: string }>(request);
      const target = resolveStudioPath(areas, body.path);
      const current = readStudioFile(areas, body.path);
      if (current.version !== body.version) return send(response, 409, { saved: false, path: target.shown, conflict: { theirs: current.text, theirVersion: current.version, yours: '' } });
      const locale = target.area === 'locales' ? target.inner.split('/')[0]! : target.inner.split('/').at(-1)!.replace(/\.mdx$/, '');
      const fingerprint = recordTranslation(locale, target.absolute, { content: build.content.dir, ui: build.localesDir });
      send(response, 200, { fingerprint, ...readStudioFile(areas, body.path) });
    },
    'GET /__studio/api/translation': (_q, response, url) => {
      const path = url.searchParams.get('path') ?? '';
      const target = resolveStudioPath(areas, path);
      const translation = readStudioFile(areas, path);
      if (target.area === 'locales') {
        const sourcePath = `locales/vi/${target.inner.split('/').slice(1).join('/')}`;
        return send(response, 200, uiTranslationScreen(readStudioFile(areas, sourcePath), translation, build.localesDir, target.inner.split('/')[0]!));
      }
      const sourcePath = path.replace(/\/[^/]+\.mdx$/, '/vi.mdx');
      send(response, 200, translationScreen(readStudioFile(areas, sourcePath), translation, build.content.dir));
    },
    'GET /__studio/api/new': (_q, response) => send(response, 200, bulletinDefaults(check().index, today())),
    'POST /__studio/api/new': async (request, response) => {
      const body = await readJson<CreateRequest>(request);
      const files = filesFor(body, check().index, today(), (path) => readFileSync(resolveStudioPath(areas, `content/${path}`).absolute, 'utf8'));
      const targets = Object.keys(files).map((path) => resolveStudioPath(areas, `content/${path}`));
      const existing = targets.filter((t) => existsSync(t.absolute)).map((t) => t.shown);
      if (existing.length) throw new RequestError(409, `${existing.join(', ')} already exist${existing.length === 1 ? 's' : ''}; nothing was written.`);
      for (const [path, text] of Object.entries(files)) saveStudioFile(areas, `content/${path}`, text, null);
      send(response, 200, { created: targets.map((t) => t.shown) });
    },
    'GET /__studio/api/entries': (_q, response) => {
      // The articles and projects the booklet, edition and bulletin forms pick from, with their Vietnamese titles.
      const { index } = check();
      const list = (map: ReadonlyMap<string, ReadonlyMap<string, { data: { title: string } }>>) =>
        [...map].map(([slug, texts]) => ({ slug, title: texts.get(defaultLocale)?.data.title ?? slug })).sort((a, b) => a.title.localeCompare(b.title, 'vi'));
      send(response, 200, { articles: list(index.articles), projects: list(index.projects) });
    },
    'GET /__studio/api/languages': (_q, response) => send(response, 200, languages.offered()),
    'GET /__studio/api/language': (_q, response, url) => send(response, 200, languages.preview(url.searchParams.get('id') ?? '')),
    'POST /__studio/api/language': async (request, response) => {
      const body = await readJson<{ id?: unknown; version?: unknown }>(request);
      if (typeof body.id !== 'string' || typeof body.version !== 'string') throw new RequestError(400, 'Give the language ("id") and the version of the languages file the form showed ("version").');
      const result = await languages.create(body.id, body.version);
      const restart = options.restart;
      send(response, 200, { ...result, restarting: restart !== undefined });
      // After the answer is out: the process that sent it stops.
      if (restart) response.once('finish', () => setTimeout(restart, 100));
    },
    'POST /__studio/api/upload': async (request, response, url) => {
      const folder = resolveStudioPath(areas, url.searchParams.get('folder') ?? '');
      if (folder.area !== 'content' || folder.inner.split('/').length !== 2) throw new PathRefused('Images go into the folder of an article or a project.');
      const bytes = await readBody(request, uploadLimit);
      const { extension, width, height } = await decodeImage(bytes);
      const name = uploadName(url.searchParams.get('name') ?? 'image', extension);
      let candidate = name;
      for (let n = 2; existsSync(join(folder.absolute, candidate)); n++) candidate = name.replace(/(\.[a-z]+)$/, `-${n}$1`);
      writeAtomically(resolveStudioPath(areas, `${folder.shown}/${candidate}`).absolute, bytes);
      send(response, 200, { file: `./${candidate}`, path: `${folder.shown}/${candidate}`, width, height });
    },
    'GET /__studio/api/build': (_q, response) => send(response, 200, buildState()),
    'POST /__studio/api/build': async (request, response) => {
      const { press = false } = await readJson<{ press?: unknown }>(request);
      if (typeof press !== 'boolean') throw new RequestError(400, '"press" must be true or false.');
      const { index } = check();
      const planned = printPlan({
        bulletins: [...index.bulletins].map(([month, b]) => ({ month, editions: b.data.editions })),
        booklets: [...index.booklets].map(([slug, b]) => ({ slug, editions: b.data.editions, sections: b.data.sections })),
        editions: [...index.editions].map(([slug, e]) => ({ slug, languages: e.data.languages })),
      }).length;
      const started = builds.start(planned, { press });
      send(response, started ? 202 : 409, buildState());
    },
  };

  /** The build's progress, and when it stopped, the content problems in structured form and what it made. */
  function buildState() {
    const progress = builds.current;
    if (progress.state === 'failed') return { ...progress, problems: check().problems.filter((p) => p.severity === 'error') };
    if (progress.state !== 'succeeded') return { ...progress, problems: [] };
    const manifestFile = join(build.outDir, 'print', 'manifest.json');
    const manifest = existsSync(manifestFile) ? (JSON.parse(readFileSync(manifestFile, 'utf8')) as Array<{ file: string; kind: string; slug: string; locale: string; variant: string; pages: number }>) : [];
    const orderSheet = ['pdf', 'html', 'csv'].map((ext) => `print/order-sheet.${ext}`).filter((f) => existsSync(join(build.outDir, f)));
    return { ...progress, problems: [], manifest, orderSheet };
  }

  return {
    builds,
    async handle(request, response, url) {
      if (url.pathname.startsWith('/__studio/dist/')) return serveDist(build.outDir, url.pathname.slice('/__studio/dist'.length), response);
      const route = routes[`${request.method} ${url.pathname}`];
      if (!route) return send(response, 404, { error: `No such studio route: ${request.method} ${url.pathname}` });
      try {
        await route(request, response, url);
      } catch (error) {
        if (error instanceof PathRefused) return send(response, 403, { error: error.message });
        if (error instanceof RequestError) return send(response, error.status, { error: error.message, ...error.details });
        if (error instanceof LanguageError) return send(response, error.status, { error: error.message });
        if (error instanceof ScaffoldError || error instanceof RecordError) return send(response, 400, { error: error.message });
        send(response, 500, { error: error instanceof Error ? error.message.split('\n')[0] : String(error) });
      }
    },
  };
}

const distTypes: Record<string, string> = { '.pdf': 'application/pdf', '.html': 'text/html; charset=utf-8', '.csv': 'text/csv; charset=utf-8', '.json': 'application/json' };

/** The last build's files (PDFs, press files, order sheet, print HTML), confined to dist/. */
function serveDist(outDir: string, path: string, response: ServerResponse) {
  const file = resolveFile(outDir, path);
  if (!file || relative(outDir, file).startsWith('..')) return send(response, 404, { error: 'Not in the last build.' });
  response.writeHead(200, { 'Content-Type': distTypes[extname(file)] ?? 'application/octet-stream', 'Cache-Control': 'no-store' });
  response.end(readFileSync(file));
}

export { versionOf };
