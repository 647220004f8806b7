/**
 * Who may use the studio: the first middleware of the dev server, before Vite's own, so every route
 * (the studio, the site preview, Vite's internals) passes here. Requests from another origin are
 * refused (a page elsewhere must not save or build through the editor's browser), and with a
 * password every request needs a session: asked once on a login form, then a cookie without an
 * expiry date (it lasts until the browser closes), HttpOnly, SameSite=Strict.
 */
import { randomBytes, timingSafeEqual, createHash } from 'node:crypto';
import { STATUS_CODES, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { Duplex } from 'node:stream';

export const sessionCookie = 'studio_session';
export const loginPath = '/__studio/login';

export interface GuardRequest {
  method: string;
  url: string;
  headers: Readonly<Record<string, string | string[] | undefined>>;
}

export type GuardDecision =
  | { allow: true }
  | { allow: false; status: 403; reason: string }
  /** No session: the login form (GET) or a plain refusal (anything else). */
  | { allow: false; status: 401; reason: string };

const header = (request: GuardRequest, name: string): string | undefined => {
  const value = request.headers[name];
  return Array.isArray(value) ? value[0] : value;
};

function cookies(request: GuardRequest): Map<string, string> {
  const out = new Map<string, string>();
  for (const part of (header(request, 'cookie') ?? '').split(';')) {
    const cut = part.indexOf('=');
    if (cut > 0) out.set(part.slice(0, cut).trim(), part.slice(cut + 1).trim());
  }
  return out;
}

/** Whether a request changes something or reads the studio's data: these must come from the studio's own pages. */
function needsSameOrigin(request: GuardRequest): boolean {
  return !['GET', 'HEAD', 'OPTIONS'].includes(request.method) || request.url.startsWith('/__studio/api/') || request.url.startsWith('/__studio/dist/');
}

/**
 * The origin check: a browser names where a request comes from in `Origin` (every non-GET request,
 * and fetches) and `Sec-Fetch-Site`. Anything that says another site is refused; so is a request
 * whose Host is not the studio's (DNS rebinding: another name pointing at this machine).
 */
export function checkOrigin(request: GuardRequest, allowedHosts: ReadonlySet<string>): GuardDecision {
  const host = header(request, 'host') ?? '';
  if (!allowedHosts.has(host.toLowerCase())) return { allow: false, status: 403, reason: `This studio does not answer to the address "${host}".` };
  const fetchSite = header(request, 'sec-fetch-site');
  const origin = header(request, 'origin');
  if (fetchSite === 'cross-site' || fetchSite === 'same-site') {
    // A page of another site may show the studio's pages in a link, never act through them.
    if (needsSameOrigin(request) || request.headers['sec-fetch-mode'] !== 'navigate') return { allow: false, status: 403, reason: 'Requests from another site are refused.' };
  }
  if (origin !== undefined && origin !== 'null') {
    let originHost: string;
    try {
      originHost = new URL(origin).host.toLowerCase();
    } catch {
      return { allow: false, status: 403, reason: 'Requests from another site are refused.' };
    }
    if (originHost !== host.toLowerCase()) return { allow: false, status: 403, reason: 'Requests from another site are refused.' };
  } else if (origin === 'null' && needsSameOrigin(request)) {
    return { allow: false, status: 403, reason: 'Requests from another site are refused.' };
  } else if (needsSameOrigin(request) && request.method !== 'GET' && request.method !== 'HEAD' && fetchSite !== 'same-origin') {
    // A change without Origin and without Sec-Fetch-Site same-origin did not come from the studio's page.
    return { allow: false, status: 403, reason: 'Requests from another site are refused.' };
  }
  return { allow: true };
}

/** Told of sessions begun and ended, so the command keeps them across a restart of the studio process. */
export interface SessionListener {
  added(token: string): void;
  removed(token: string): void;
}

/** Sessions of one `npm run studio`: random tokens, kept in memory (stopping the command asks for the password again). */
export class Sessions {
  private readonly tokens: Set<string>;
  private readonly password: Buffer;
  private readonly listener: SessionListener | undefined;

  constructor(password: string, tokens: readonly string[] = [], listener?: SessionListener) {
    this.password = createHash('sha256').update(password).digest();
    this.tokens = new Set(tokens);
    this.listener = listener;
  }

  /** A new session token when the password is right, else undefined. Compared in constant time. */
  login(attempt: string): string | undefined {
    const given = createHash('sha256').update(attempt).digest();
    if (!timingSafeEqual(given, this.password)) return undefined;
    const token = randomBytes(32).toString('base64url');
    this.tokens.add(token);
    this.listener?.added(token);
    return token;
  }

  has(request: GuardRequest): boolean {
    const token = cookies(request).get(sessionCookie);
    return token !== undefined && this.tokens.has(token);
  }

  logout(request: GuardRequest): void {
    const token = cookies(request).get(sessionCookie);
    if (token && this.tokens.delete(token)) this.listener?.removed(token);
  }
}

/** The cookie of a new session: no Expires/Max-Age, so the browser forgets it when it closes. */
export function sessionCookieHeader(token: string): string {
  return `${sessionCookie}=${token}; Path=/; HttpOnly; SameSite=Strict`;
}

/** The whole decision for one request. Without a password (loopback only), the origin check alone. */
export function guard(request: GuardRequest, allowedHosts: ReadonlySet<string>, sessions: Sessions | undefined): GuardDecision {
  const origin = checkOrigin(request, allowedHosts);
  if (!origin.allow) return origin;
  if (!sessions || request.url.split('?')[0] === loginPath || sessions.has(request)) return { allow: true };
  return { allow: false, status: 401, reason: 'The studio needs its password.' };
}

function readForm(request: IncomingMessage, limit = 4096): Promise<URLSearchParams> {
  return new Promise((resolve, reject) => {
    let body = '';
    request.setEncoding('utf8');
    request.on('data', (chunk: string) => {
      body += chunk;
      if (body.length > limit) reject(new Error('too long'));
    });
    request.on('end', () => resolve(new URLSearchParams(body)));
    request.on('error', reject);
  });
}

const escapeHtml = (text: string) => text.replace(/[&<>"]/g, (c) => `&${({ '&': 'amp', '<': 'lt', '>': 'gt', '"': 'quot' } as Record<string, string>)[c]};`);

/** The login form, in both interface languages: no script, so it works before anything else loads. */
export function loginPage(next: string, failed: boolean): string {
  return `<!doctype html><html lang="vi"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>Studio — đăng nhập / sign in</title>
<style>body{font:16px/1.5 system-ui,sans-serif;max-width:26rem;margin:4rem auto;padding:0 1rem;color:#1a1a1a}
label{display:block;font-weight:600;margin:1rem 0 .25rem}input{font:inherit;padding:.5rem;width:100%;box-sizing:border-box;border:1px solid #555;border-radius:4px}
button{font:inherit;margin-top:1rem;padding:.5rem 1.25rem;background:#0b5394;color:#fff;border:0;border-radius:4px}p[role=alert]{color:#a00000}</style></head>
<body><main><h1>Studio</h1>
${failed ? '<p role="alert">Mật khẩu không đúng. / Wrong password.</p>' : ''}
<form method="post" action="${loginPath}"><input type="hidden" name="next" value="${escapeHtml(next)}">
<label for="password">Mật khẩu / Password</label><input id="password" name="password" type="password" autocomplete="current-password" required autofocus>
<button type="submit">Đăng nhập / Sign in</button></form></main></body></html>`;
}

/** Only a path on this studio: never a redirect elsewhere after login. */
function safeNext(next: string | null): string {
  return next && next.startsWith('/') && !next.startsWith('//') && !next.startsWith('/\\') ? next : '/';
}

/** The connect middleware: the decision, the login form and the login itself. */
export function guardMiddleware(allowedHosts: () => ReadonlySet<string>, sessions: Sessions | undefined) {
  return async (request: IncomingMessage, response: ServerResponse, next: () => void) => {
    const decision = guard({ method: request.method ?? 'GET', url: request.url ?? '/', headers: request.headers }, allowedHosts(), sessions);
    if (decision.allow && sessions && request.url?.split('?')[0] === loginPath) {
      if (request.method === 'POST') {
        const form = await readForm(request).catch(() => new URLSearchParams());
        const token = sessions.login(form.get('password') ?? '');
        const target = safeNext(form.get('next'));
        if (token) {
          response.writeHead(303, { Location: target, 'Set-Cookie': sessionCookieHeader(token) });
          response.end();
        } else {
          response.writeHead(401, { 'Content-Type': 'text/html; charset=utf-8' });
          response.end(loginPage(target, true));
        }
        return;
      }
      response.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' });
      response.end(loginPage(safeNext(new URL(request.url, 'http://x').searchParams.get('next')), false));
      return;
    }
    if (decision.allow) return next();
    if (decision.status === 401 && request.method === 'GET' && request.headers['sec-fetch-dest'] !== 'empty' && !request.url?.startsWith('/__studio/api/')) {
      response.writeHead(401, { 'Content-Type': 'text/html; charset=utf-8' });
      response.end(loginPage(request.url ?? '/', false));
      return;
    }
    response.writeHead(decision.status, { 'Content-Type': 'application/json' });
    response.end(JSON.stringify({ error: decision.reason }));
  };
}

/**
 * The same decision for WebSocket upgrades (Vite's HMR socket among them), which never pass the
 * middlewares: a refused one is answered and closed before any 'upgrade' listener sees it. The
 * server's emit is wrapped, rather than a listener added, because every listener of an event runs
 * and Vite adds its own before the studio can.
 */
export function guardUpgrades(server: Server, allowedHosts: () => ReadonlySet<string>, sessions: Sessions | undefined): void {
  const emit = server.emit.bind(server) as (event: string | symbol, ...args: unknown[]) => boolean;
  server.emit = ((event: string | symbol, ...args: unknown[]) => {
    if (event === 'upgrade') {
      const [request, socket] = args as [IncomingMessage, Duplex];
      const decision = guard({ method: request.method ?? 'GET', url: request.url ?? '/', headers: request.headers }, allowedHosts(), sessions);
      if (!decision.allow) {
        socket.on('error', () => {});
        socket.end(`HTTP/1.1 ${decision.status} ${STATUS_CODES[decision.status]}\r\nConnection: close\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n${decision.reason}`);
        return true;
      }
    }
    return emit(event, ...args);
  }) as Server['emit'];
}
