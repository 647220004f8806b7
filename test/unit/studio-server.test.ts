import { mkdirSync, mkdtempSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { ConfigError, resolveStudioConfig } from '../../src/build/config.ts';
import { decodeImage, uploadName } from '../../src/studio/api.ts';
import { advance, buildArguments, idleProgress, type BuildProgress } from '../../src/studio/build-runner.ts';
import { formFor } from '../../src/studio/fields.ts';
import {
  PathRefused,
  readStudioFile,
  resolveStudioPath,
  restoreStudioFile,
  saveStudioFile,
  trashStudioFile,
  versionOf,
  type StudioAreas,
} from '../../src/studio/files.ts';
import { checkOrigin, guard, guardUpgrades, loginPage, Sessions, sessionCookieHeader } from '../../src/studio/guard.ts';
import { createServer, type IncomingMessage } from 'node:http';
import { hmrUpgrade } from '../helpers/studio.ts';
import type { AddressInfo } from 'node:net';
import type { Duplex } from 'node:stream';

function areas(): StudioAreas & { base: string } {
  const base = mkdtempSync(join(tmpdir(), 'studio-'));
  const a = { base, content: join(base, 'content'), locales: join(base, 'locales'), trash: join(base, '.studio-trash') };
  mkdirSync(join(a.content, 'articles', 'tea'), { recursive: true });
  mkdirSync(join(a.locales, 'en'), { recursive: true });
  writeFileSync(join(a.content, 'articles', 'tea', 'vi.mdx'), '---\ntitle: Trà\n---\nChè.\n');
  writeFileSync(join(base, 'secret.txt'), 'secret');
  return a;
}

describe('studio paths', () => {
  const a = areas();
  it('resolves paths inside content/, locales/ and the trash', () => {
    expect(resolveStudioPath(a, 'content/articles/tea/vi.mdx')).toMatchObject({ area: 'content', inner: 'articles/tea/vi.mdx', absolute: join(a.content, 'articles/tea/vi.mdx') });
    expect(resolveStudioPath(a, 'locales/en/common.json').area).toBe('locales');
    expect(resolveStudioPath(a, 'content/articles/./tea//vi.mdx').inner).toBe('articles/tea/vi.mdx');
  });

  it.each([
    ['content/../secret.txt'],
    ['content/articles/../../secret.txt'],
    ['../secret.txt'],
    ['/etc/passwd'],
    [`${'/'}${'tmp'}/x`],
    ['content/%2e%2e/secret.txt'],
    ['content/%252e%252e/secret.txt'],
    ['content%2f..%2fsecret.txt'],
    ['content\\..\\secret.txt'],
    ['C:/Windows/win.ini'],
    ['secret.txt'],
    ['src/studio/files.ts'],
    ['content'],
    ['content/articles/tea/vi.mdx\u0000.png'],
    ['content/%zz'],
  ])('refuses %s', (path) => {
    expect(() => resolveStudioPath(a, path)).toThrow(PathRefused);
  });

  it('refuses a symlink that leads out of the content', () => {
    symlinkSync(a.base, join(a.content, 'articles', 'out'));
    symlinkSync(join(a.base, 'secret.txt'), join(a.content, 'articles', 'tea', 'link.mdx'));
    expect(() => resolveStudioPath(a, 'content/articles/out/secret.txt')).toThrow(PathRefused);
    expect(() => readStudioFile(a, 'content/articles/tea/link.mdx')).toThrow(PathRefused);
    expect(() => saveStudioFile(a, 'content/articles/out/new.mdx', 'x', null)).toThrow(PathRefused);
  });
});

describe('studio saves', () => {
  it('returns a version with every read; a save naming it succeeds, atomically', () => {
    const a = areas();
    const read = readStudioFile(a, 'content/articles/tea/vi.mdx');
    expect(read.version).toBe(versionOf(readFileSync(join(a.content, 'articles/tea/vi.mdx'))));
    const saved = saveStudioFile(a, 'content/articles/tea/vi.mdx', `${read.text}Thêm.\n`, read.version);
    expect(saved).toMatchObject({ saved: true, version: versionOf(`${read.text}Thêm.\n`) });
    expect(readFileSync(join(a.content, 'articles/tea/vi.mdx'), 'utf8')).toContain('Thêm.');
    // No temporary file left behind.
    expect(readdirSync(join(a.content, 'articles/tea'))).toEqual(['vi.mdx']);
  });

  it('refuses the second of two editors who started from the same version, returning both texts', () => {
    const a = areas();
    const start = readStudioFile(a, 'content/articles/tea/vi.mdx');
    expect(saveStudioFile(a, 'content/articles/tea/vi.mdx', 'first editor', start.version).saved).toBe(true);
    const second = saveStudioFile(a, 'content/articles/tea/vi.mdx', 'second editor', start.version);
    expect(second).toMatchObject({ saved: false, conflict: { theirs: 'first editor', yours: 'second editor', theirVersion: versionOf('first editor') } });
    expect(readFileSync(join(a.content, 'articles/tea/vi.mdx'), 'utf8')).toBe('first editor');
  });

  it('refuses to create a file over one that exists (version null)', () => {
    const a = areas();
    expect(saveStudioFile(a, 'content/articles/tea/vi.mdx', 'new', null).saved).toBe(false);
    expect(saveStudioFile(a, 'content/articles/new/vi.mdx', 'new', null).saved).toBe(true);
  });

  it('deletes into the trash, where the file can be restored', () => {
    const a = areas();
    const read = readStudioFile(a, 'content/articles/tea/vi.mdx');
    expect(trashStudioFile(a, 'content/articles/tea/vi.mdx', 'not-the-version').saved).toBe(false);
    const trashed = trashStudioFile(a, 'content/articles/tea/vi.mdx', read.version!, new Date('2026-12-01T10:00:00Z'));
    expect(trashed).toMatchObject({ saved: true, trashed: 'trash/2026-12-01T10-00-00-000Z/content/articles/tea/vi.mdx' });
    expect(readStudioFile(a, 'content/articles/tea/vi.mdx').version).toBeNull();
    expect(readStudioFile(a, (trashed as { trashed: string }).trashed).text).toBe(read.text);
    expect(() => saveStudioFile(a, (trashed as { trashed: string }).trashed, 'x', read.version)).toThrow(PathRefused);
    expect(restoreStudioFile(a, (trashed as { trashed: string }).trashed)).toBe('content/articles/tea/vi.mdx');
    expect(readStudioFile(a, 'content/articles/tea/vi.mdx').text).toBe(read.text);
  });
});

describe('studio guard', () => {
  const hosts = new Set(['127.0.0.1:4330', 'localhost:4330']);
  const get = (url: string, headers: Record<string, string> = {}) => ({ method: 'GET', url, headers: { host: '127.0.0.1:4330', ...headers } });
  const post = (url: string, headers: Record<string, string> = {}) => ({ method: 'POST', url, headers: { host: '127.0.0.1:4330', ...headers } });

  it('lets the studio page act on its own origin', () => {
    expect(checkOrigin(post('/__studio/api/build', { origin: 'http://127.0.0.1:4330', 'sec-fetch-site': 'same-origin' }), hosts).allow).toBe(true);
    expect(checkOrigin(get('/vi/'), hosts).allow).toBe(true);
  });

  it('refuses another origin, another site, an unknown Host, and a change without any origin', () => {
    expect(checkOrigin(post('/__studio/api/build', { origin: 'http://evil.example' }), hosts)).toMatchObject({ allow: false, status: 403 });
    expect(checkOrigin(get('/__studio/api/overview', { 'sec-fetch-site': 'cross-site', 'sec-fetch-mode': 'cors' }), hosts).allow).toBe(false);
    expect(checkOrigin(get('/vi/', { 'sec-fetch-site': 'cross-site', 'sec-fetch-mode': 'no-cors' }), hosts).allow).toBe(false);
    expect(checkOrigin(get('/vi/', { host: 'rebound.example:4330' }), hosts).allow).toBe(false);
    expect(checkOrigin(post('/__studio/api/file'), hosts).allow).toBe(false);
    expect(checkOrigin(post('/__studio/api/file', { origin: 'null' }), hosts).allow).toBe(false);
  });

  it('with a password, every route needs the session; the cookie lasts until the browser closes', () => {
    const sessions = new Sessions('long phrase');
    expect(guard(get('/'), hosts, sessions)).toMatchObject({ allow: false, status: 401 });
    expect(guard(get('/@vite/client'), hosts, sessions)).toMatchObject({ allow: false, status: 401 });
    expect(guard(get('/__studio/login'), hosts, sessions).allow).toBe(true);
    expect(sessions.login('wrong')).toBeUndefined();
    const token = sessions.login('long phrase')!;
    const cookie = sessionCookieHeader(token);
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Strict/);
    expect(cookie).not.toMatch(/Expires|Max-Age/i);
    expect(guard(get('/src/studio/client/main.ts', { cookie: `a=b; studio_session=${token}` }), hosts, sessions).allow).toBe(true);
    expect(guard(get('/', { cookie: 'studio_session=forged' }), hosts, sessions).allow).toBe(false);
    expect(guard(get('/', {}), hosts, undefined).allow).toBe(true);
  });

  it('keeps sessions across a restart of the studio process: begun and ended ones are told, given ones are known', () => {
    const told: string[] = [];
    const first = new Sessions('long phrase', [], { added: (t) => told.push(`+${t}`), removed: (t) => told.push(`-${t}`) });
    const token = first.login('long phrase')!;
    const again = new Sessions('long phrase', [token]);
    expect(again.has(get('/', { cookie: `studio_session=${token}` }))).toBe(true);
    first.logout(get('/', { cookie: `studio_session=${token}` }));
    expect(told).toEqual([`+${token}`, `-${token}`]);
  });

  it('with a password, a WebSocket upgrade (Vite\'s HMR) needs the session too, before any upgrade listener', async () => {
    const sessions = new Sessions('long phrase');
    const token = sessions.login('long phrase')!;
    const server = createServer();
    const upgraded: string[] = [];
    server.on('upgrade', (request: IncomingMessage, socket: Duplex) => {
      upgraded.push(request.headers.cookie ?? '');
      socket.end('HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n\r\n');
    });
    guardUpgrades(server, () => new Set([`127.0.0.1:${(server.address() as AddressInfo).port}`]), sessions);
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    const { port } = server.address() as AddressInfo;
    const upgrade = (headers: Record<string, string>) => hmrUpgrade(`http://127.0.0.1:${port}/`, headers);
    try {
      expect(await upgrade({})).toEqual({ status: 401, body: 'The studio needs its password.' });
      expect(await upgrade({ Cookie: 'studio_session=forged' })).toMatchObject({ status: 401 });
      expect(await upgrade({ Cookie: `studio_session=${token}`, Origin: 'http://elsewhere.example' })).toMatchObject({ status: 403 });
      expect(upgraded).toEqual([]);
      expect(await upgrade({ Cookie: `studio_session=${token}` })).toMatchObject({ status: 101 });
      expect(upgraded).toEqual([`studio_session=${token}`]);
    } finally {
      server.close();
    }
  });

  it('escapes where the login form sends the editor back to', () => {
    expect(loginPage('/"><script>', false)).not.toContain('"><script>');
  });
});

describe('studio configuration', () => {
  it('listens on loopback by default and refuses another address without STUDIO_PASSWORD', () => {
    expect(resolveStudioConfig({}, {})).toMatchObject({ host: '127.0.0.1', port: 4330, password: undefined });
    expect(() => resolveStudioConfig({ host: '0.0.0.0' }, {})).toThrow(ConfigError);
    expect(() => resolveStudioConfig({ host: '192.168.1.20' }, { STUDIO_PASSWORD: '' })).toThrow(/without a password/);
    expect(resolveStudioConfig({ host: '0.0.0.0' }, { STUDIO_PASSWORD: 'pw' }).password).toBe('pw');
    expect(() => resolveStudioConfig({ port: 'x' }, {})).toThrow(/--port/);
  });
});

describe('studio uploads', () => {
  it('accepts an image sharp decodes, named after its real format', async () => {
    const png = await sharp({ create: { width: 4, height: 3, channels: 3, background: '#080' } }).png().toBuffer();
    expect(await decodeImage(png)).toEqual({ extension: '.png', width: 4, height: 3 });
    expect(uploadName('Đồi chè Tân Cương.JPG', '.jpg')).toBe('doi-che-tan-cuong.jpg');
  });

  it('refuses what is not an image, and an image whose bytes are cut', async () => {
    await expect(decodeImage(Buffer.from('<svg onload="alert(1)"></svg>'))).rejects.toThrow(/Only images/);
    await expect(decodeImage(Buffer.from('%PDF-1.7 not an image'))).rejects.toThrow(/Only images/);
    const jpeg = await sharp({ create: { width: 64, height: 64, channels: 3, background: '#840' } }).jpeg().toBuffer();
    await expect(decodeImage(jpeg.subarray(0, 200))).rejects.toThrow(/Only images/);
  });
});

describe('studio build progress', () => {
  it('follows the build through its stages and counts PDFs', () => {
    let p: BuildProgress = { ...idleProgress(), state: 'running' };
    for (const line of ['10:00:01 [build] building', 'print: booklet invest vi: 20 pages, laid out, 4.0 s']) p = advance(p, line);
    // Laid out while the pages render.
    expect(p.stage).toBe('site');
    for (const line of ['site: built in 9.1 s', 'print: bulletin 2026-12 vi: 12 pages, laid out, 3.0 s', 'print:   warning: x', 'print: done in 7.0 s']) p = advance(p, line);
    expect(p.stage).toBe('search');
    expect(p.pdfs).toEqual([{ name: 'booklet invest vi', pages: 20 }, { name: 'bulletin 2026-12 vi', pages: 12 }]);
    p = advance(p, 'search: done in 1.0 s');
    expect(p.stage).toBe('done');
    p = advance(p, 'site: download figures filled in on 40 pages');
    expect(p.stage).toBe('done');
    p = advance(p, 'done: dist/ in 30.0 s');
    expect(p.stage).toBe('done');
    expect(p.unchanged).toBe(false);
  });

  it('tells a build that found nothing changed, with the PDFs it kept', () => {
    let p: BuildProgress = { ...idleProgress(), state: 'running' };
    for (const line of ['site: nothing changed since the build of 2026-12-03 10:00 UTC: …', 'print: bulletin 2026-12 vi: 12 pages, unchanged since that build', 'done: dist/ in 0.4 s']) p = advance(p, line);
    expect(p).toMatchObject({ unchanged: true, stage: 'done', pdfs: [{ name: 'bulletin 2026-12 vi', pages: 12 }] });
  });
});

describe('studio forms', () => {
  it('makes the form from the schemas: choices, dates, numbers with units, project facts', () => {
    const article = formFor('articles/tea/vi.mdx')!;
    expect(article.find((f) => f.name === 'topic')).toMatchObject({ kind: 'choice', options: expect.arrayContaining(['tea', 'investment']) });
    expect(article.find((f) => f.name === 'date')).toMatchObject({ kind: 'date' });
    // Written by "Mark as translated" in a translation; a Vietnamese source has none.
    expect(article.find((f) => f.name === 'translatedFrom')).toBeUndefined();
    expect(formFor('articles/tea/en.mdx')!.find((f) => f.name === 'translatedFrom')).toMatchObject({ kind: 'readonly' });
    expect(article.find((f) => f.name === 'cover')).toMatchObject({ kind: 'group', required: false });
    const project = formFor('projects/x/vi.mdx')!;
    expect(project.find((f) => f.name === 'areaHa')).toMatchObject({ kind: 'number', unit: 'ha' });
    expect(project.find((f) => f.name === 'investmentUsd')).toMatchObject({ kind: 'number', unit: 'USD', integer: true });
    expect(project.find((f) => f.name === 'contact')).toMatchObject({ kind: 'group' });
    expect(formFor('projects/x/en.mdx')!.find((f) => f.name === 'areaHa')).toBeUndefined();
    expect(formFor('bulletins/2026-12/issue.yaml')!.find((f) => f.name === 'editions')).toMatchObject({ kind: 'choices' });
    expect(formFor('bulletins/2026-12/issue.yaml')!.find((f) => f.name === 'articles')).toEqual({ kind: 'pick', name: 'articles', required: true, from: 'articles' });
  });

  it('describes booklets and editions: sections by kind, key figures with their units, print run per language, picked entries', () => {
    const booklet = formFor('booklets/x/booklet.yaml')!;
    expect(booklet.map((f) => f.name)).toEqual(['format', 'date', 'editions', 'printRun', 'figures', 'sections']);
    expect(booklet.find((f) => f.name === 'printRun')).toMatchObject({ kind: 'counts', unit: 'copies' });
    expect(booklet.find((f) => f.name === 'figures')).toMatchObject({
      kind: 'rows',
      required: false,
      fields: [
        { kind: 'text', name: 'id', required: true },
        { kind: 'number', name: 'value', required: true },
        { kind: 'choice', name: 'unit', options: ['km2', 'ha', 'km', 'people', 'usd', 'percent', 'count'] },
        { kind: 'number', name: 'year', required: false, integer: true },
      ],
    });
    expect(booklet.find((f) => f.name === 'sections')).toEqual({
      kind: 'variants',
      name: 'sections',
      required: true,
      key: 'kind',
      variants: { articles: [{ kind: 'pick', name: 'articles', required: true, from: 'articles' }], figures: [], projects: [{ kind: 'pick', name: 'projects', required: true, from: 'projects' }] },
    });
    const edition = formFor('editions/x/edition.yaml')!;
    expect(edition.find((f) => f.name === 'languages')).toMatchObject({ kind: 'tuple', length: 2, options: expect.arrayContaining(['vi', 'en']) });
    expect(edition.find((f) => f.name === 'printRun')).toMatchObject({ kind: 'number', unit: 'copies', integer: true });
    expect(edition.find((f) => f.name === 'articles')).toMatchObject({ kind: 'pick', from: 'articles' });
  });
});

describe('the studio\'s build command', () => {
  const config = { root: '/project', content: { dir: '/project/content', shown: 'content' }, outDir: '/project/dist' };
  it('is npm run build on the studio\'s content and output, with the press files only when asked', () => {
    const script = (JSON.parse(readFileSync('package.json', 'utf8')) as { scripts: { build: string } }).scripts.build;
    const plain = buildArguments(config);
    expect(`node ${plain.slice(0, 2).join(' ')}`).toBe(script.replace('scripts/build.ts', '/project/scripts/build.ts'));
    expect(plain.slice(2)).toEqual(['--content', '/project/content', '--out', '/project/dist']);
    expect(buildArguments(config, { press: true }).slice(2)).toEqual(['--content', '/project/content', '--out', '/project/dist', '--press']);
  });
});
