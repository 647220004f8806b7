/**
 * Starts the studio: Astro's dev server over the content, with the studio integration added for
 * this run only. Used by `npm run studio` and by the studio tests (on a fixture copy).
 */
import { hostname, networkInterfaces } from 'node:os';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { astroConfig } from '../build/astro-config.ts';
import type { StudioConfig } from '../build/config.ts';
import { studioApi, type Api } from './api.ts';
import { Sessions } from './guard.ts';
import { studio } from './integration.ts';

export interface RunningStudio {
  /** `http://127.0.0.1:<port>/` (or the address it listens on). */
  url: string;
  port: number;
  api: Api;
  stop(): Promise<void>;
}

/** The Host headers the studio answers to: this machine's names and addresses, with the port. */
function hostsFor(host: string, port: number): Set<string> {
  const names = new Set(['127.0.0.1', 'localhost', '[::1]', host.includes(':') ? `[${host}]` : host]);
  if (host === '0.0.0.0' || host === '::') {
    names.add(hostname().toLowerCase());
    for (const list of Object.values(networkInterfaces())) for (const a of list ?? []) names.add(a.family === 'IPv6' ? `[${a.address}]` : a.address);
  }
  return new Set([...names].map((n) => `${n}:${port}`.toLowerCase()));
}

/** What the process running the studio hands in: sessions kept across restarts, and how to ask for one. */
export interface StudioHooks {
  tokens?: readonly string[];
  sessionAdded?(token: string): void;
  sessionRemoved?(token: string): void;
  /** Start the studio process again (after a new language); without it, the editor is told to. */
  restart?(): void;
}

export async function startStudio(config: StudioConfig, logLevel: 'warn' | 'info' | 'debug' = 'warn', hooks: StudioHooks = {}): Promise<RunningStudio> {
  const api = studioApi(config, { restart: hooks.restart });
  const sessions = config.password
    ? new Sessions(config.password, hooks.tokens, { added: (t) => hooks.sessionAdded?.(t), removed: (t) => hooks.sessionRemoved?.(t) })
    : undefined;
  let allowed = new Set<string>();
  const site = astroConfig(config.build, 'serve');
  const { dev } = await import('astro');
  const server = await dev({
    ...site,
    configFile: false,
    logLevel,
    integrations: [...(site.integrations ?? []), studio({ api, sessions, allowedHosts: () => allowed, watch: [config.build.content.dir] })],
    server: { host: config.host, port: config.port },
    // Astro's dev toolbar would lie over the web and print previews the editors look at.
    devToolbar: { enabled: false },
    // Vite's prepared modules in a folder of this studio's own (per content folder): the shared
    // node_modules/.vite would be prepared again by any other dev server, leaving this page's
    // modules "outdated" (HTTP 504) until a reload.
    vite: { ...site.vite, cacheDir: join(config.build.caches.astro, 'studio-vite'), server: { strictPort: config.port !== 0 } },
  });
  const { port } = server.address as AddressInfo;
  allowed = hostsFor(config.host, port);
  const shownHost = config.host === '0.0.0.0' || config.host === '::' ? '127.0.0.1' : config.host.includes(':') ? `[${config.host}]` : config.host;
  return { url: `http://${shownHost}:${port}/`, port, api, stop: () => server.stop() };
}
