/**
 * Print pages first, so PDFs are laid out while the rest of the site renders. Astro renders the
 * pages on one thread and leaves the second core mostly idle (the social cards take what it has
 * spare); Chromium lays out the publications there meanwhile instead of after the last page.
 *
 * The integration replaces Astro's prerenderer with the default one, its paths reordered (print
 * pages first), and calls `onPrintPages` once every print page is on disk, with the site folder's
 * fonts placed (print pages load them). Only `npm run build` adds it (scripts/build.ts).
 */
import { stat } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration, AstroPrerenderer } from 'astro';
import { parsePrintPagePath } from '../print/publication.ts';

/** Whether a page path (`/print/booklet/investment-2026/ja/`) is a publication's print HTML. */
export const isPrintPagePath = (pathname: string): boolean => parsePrintPagePath(pathname) !== undefined;

/** The paths with the print pages first; the order within each group is kept. */
export function printPagesFirst<T extends { pathname: string }>(paths: readonly T[]): T[] {
  const print = paths.filter((p) => isPrintPagePath(p.pathname));
  return [...print, ...paths.filter((p) => !isPrintPagePath(p.pathname))];
}

export interface PrintFirstOptions {
  /** Puts what print pages load besides themselves (the fonts) into the site folder. */
  prepare: (outDir: string) => void;
  /** Called once, when every print page is written; not called when the site has none. */
  onPrintPages: (outDir: string) => void;
}

/**
 * Resolves when `file` holds exactly `bytes` bytes (Astro writes a page after rendering it), or
 * when `given up` says the pages are all done anyway.
 */
async function written(file: string, bytes: number, givenUp: () => boolean): Promise<void> {
  for (let wait = 5; ; wait = Math.min(wait * 2, 100)) {
    const size = await stat(file).then((s) => s.size, () => -1);
    if (size === bytes || givenUp()) return;
    await new Promise((resolve) => setTimeout(resolve, wait));
  }
}

export function printFirst(options: PrintFirstOptions): AstroIntegration {
  let outDir = '';
  return {
    name: 'press:print-first',
    hooks: {
      // Only a build starts: `astro dev` never comes here.
      'astro:build:start': ({ setPrerenderer }) => {
        setPrerenderer((base): AstroPrerenderer => {
          let pending = 0;
          let generated = false;
          const pages: Promise<void>[] = [];
          const settled = () => {
            if (--pending === 0) void Promise.all(pages).then(() => options.onPrintPages(outDir));
          };
          return {
            ...base,
            name: 'press:print-first',
            setup: async () => {
              await base.setup?.();
              options.prepare(outDir);
            },
            teardown: async () => {
              generated = true;
              await base.teardown?.();
            },
            getStaticPaths: async () => {
              const paths = printPagesFirst(await base.getStaticPaths());
              pending = paths.filter((p) => isPrintPagePath(p.pathname)).length;
              return paths;
            },
            render: async (request, renderOptions) => {
              const rendered = await base.render(request, renderOptions);
              const { pathname } = new URL(request.url);
              if (!isPrintPagePath(pathname)) return rendered;
              const response = rendered instanceof Response ? rendered : rendered.response;
              // The body is read here to know its size; Astro gets a response with the same bytes.
              const body = new Uint8Array(await response.arrayBuffer());
              const copy = new Response(body, { status: response.status, statusText: response.statusText, headers: response.headers });
              pages.push(written(join(outDir, pathname, 'index.html'), body.byteLength, () => generated));
              settled();
              return rendered instanceof Response ? copy : { ...rendered, response: copy };
            },
          };
        });
      },
      'astro:config:done': ({ config }) => {
        outDir = fileURLToPath(config.outDir);
      },
    },
  };
}
