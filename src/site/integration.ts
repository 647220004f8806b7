/**
 * Build steps for findability that need the finished pages:
 * - each locale's 404 page moves from `<locale>/404/index.html` (Astro's directory format) to
 *   `<locale>/404.html`, where static hosts (and src/site/static-server.ts) look for it;
 * - social cards: every page whose `og:image` is a generated card (`/social/…png`) and which is
 *   itself the card's page (its `og:url`) gets its card drawn from its own title and site name.
 * In `astro dev`, cards are drawn on request from the page the dev server renders.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmdirSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration, AstroIntegrationLogger } from 'astro';
import { parse } from 'node-html-parser';
import sharp from 'sharp';
import { PrintCache, sha256 } from '../print/cache.ts';
import { glyphLookup } from '../fonts/drawing.ts';
import { fallbackChain, localeIds, locales, type FontId, type LocaleId } from '../i18n/locales.ts';
import { composeCard, type CardWords } from './card.ts';
import { cardPage } from './social.ts';

/** The path of a locale's 404 page in the built site. */
const notFoundFile = (locale: LocaleId) => `${locale}/404.html`;

export interface CardRequest {
  /** Site path of the card, `/social/….png`. */
  path: string;
  locale: LocaleId;
  words: CardWords;
}

/**
 * The card a page asks for, when the page is the card's own (a fallback page shares the card of
 * the original it points to, drawn from the original).
 */
function cardRequest(html: string, pageUrl: string): CardRequest | undefined {
  // The head says all a card needs; parsing only it keeps a thousand-page build quick.
  const head = html.indexOf('</head>');
  const doc = parse(head < 0 ? html : `${html.slice(0, head)}</head></html>`);
  const meta = (property: string) => doc.querySelector(`meta[property="${property}"]`)?.getAttribute('content');
  const image = meta('og:image');
  const title = meta('og:title');
  const siteName = meta('og:site_name');
  const lang = doc.querySelector('html')?.getAttribute('lang');
  const locale = localeIds.find((id) => locales[id].tag === lang);
  if (!image || !title || !siteName || !locale || meta('og:url') !== pageUrl) return undefined;
  const card = new URL(image);
  if (!cardPage(card.pathname)) return undefined;
  return { path: card.pathname, locale, words: { title, siteName, domain: card.host, lineBreak: locales[locale].lineBreak } };
}

/** Heading fonts of the language, then of the languages it falls back to (a fallback page's title is in one of those). */
function headingStack(locale: LocaleId): FontId[] {
  return [...new Set(fallbackChain(locale).flatMap((id) => locales[id].fonts.heading))];
}

export async function renderCard(request: CardRequest, logo: string): Promise<{ png: Buffer; titleDrawn: boolean }> {
  const stack = headingStack(request.locale);
  const card = composeCard(request.words, { title: glyphLookup(stack, 700), label: glyphLookup(stack, 400) }, logo);
  const key = sha256(card.svg);
  const cached = cardCache?.readKeyed(key);
  const png = cached ? Buffer.from(cached) : await sharp(Buffer.from(card.svg)).png({ compressionLevel: 6 }).toBuffer();
  if (!cached) cardCache?.writeKeyed(key, png);
  return { png, titleDrawn: card.titleDrawn };
}

/**
 * Cards drawn before, by the hash of their drawing: a rebuild draws only the cards whose page title
 * changed. PRESS_NO_CACHE=1 (set by `npm run build -- --no-cache`) draws every card afresh.
 */
const cardCache = process.env.PRESS_NO_CACHE ? undefined : new PrintCache('node_modules/.cache/press-cards');

function warnUndrawn(logger: AstroIntegrationLogger, request: CardRequest) {
  logger.warn(`${request.path}: no font of the ${request.locale} pages can draw every character of "${request.words.title}"; the card shows the site name instead of the title.`);
}

function htmlFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.html')).map((f) => f.split(sep).join('/'));
}

/** `vi/articles/tea/index.html` → `/vi/articles/tea/`; `vi/404.html` stays a file. */
function pagePath(file: string): string {
  return `/${file.replace(/(^|\/)index\.html$/, '$1')}`;
}

export function findability(): AstroIntegration {
  let site = new URL('http://localhost/');
  let publicDir = '';
  return {
    name: 'press:findability',
    hooks: {
      'astro:config:done': ({ config }) => {
        site = config.site ? new URL(config.site) : site;
        publicDir = fileURLToPath(config.publicDir);
      },
      'astro:server:setup': ({ server, logger }) => {
        server.middlewares.use(async (req, res, next) => {
          const path = new URL(req.url ?? '/', 'http://x').pathname;
          const page = cardPage(path);
          const address = server.httpServer?.address();
          if (!page || !address || typeof address === 'string') return next();
          try {
            const response = await fetch(`http://localhost:${address.port}${page}`);
            // In dev, a page's card is drawn whatever og:url says, so fallback pages show one too.
            const html = await response.text();
            const url = parse(html).querySelector('meta[property="og:url"]')?.getAttribute('content') ?? '';
            const request = response.ok ? cardRequest(html, url) : undefined;
            if (!request) return next();
            const { png, titleDrawn } = await renderCard(request, readFileSync(join(publicDir, 'favicon.svg'), 'utf8'));
            if (!titleDrawn) warnUndrawn(logger, request);
            res.setHeader('Content-Type', 'image/png');
            res.end(png);
          } catch (error) {
            next(error);
          }
        });
      },
      'astro:build:done': async ({ dir, logger }) => {
        const out = fileURLToPath(dir);
        for (const locale of localeIds) {
          const built = join(out, locale, '404', 'index.html');
          if (!existsSync(built)) continue;
          renameSync(built, join(out, notFoundFile(locale)));
          rmdirSync(dirname(built));
        }
        const logo = readFileSync(join(out, 'favicon.svg'), 'utf8');
        const requests = new Map<string, CardRequest>();
        for (const file of htmlFiles(out)) {
          const request = cardRequest(readFileSync(join(out, file), 'utf8'), new URL(pagePath(file), site).href);
          if (request) requests.set(request.path, request);
        }
        // A few at a time: sharp rasterises on its own threads while the next card is composed.
        const queue = [...requests.values()];
        const draw = async () => {
          for (let request = queue.shift(); request; request = queue.shift()) {
            const { png, titleDrawn } = await renderCard(request, logo);
            if (!titleDrawn) warnUndrawn(logger, request);
            const file = join(out, request.path);
            mkdirSync(dirname(file), { recursive: true });
            writeFileSync(file, png);
          }
        };
        await Promise.all(Array.from({ length: 4 }, draw));
        logger.info(`${requests.size} social cards in ${relative(process.cwd(), join(out, 'social')) || 'social'}/`);
      },
    },
  };
}
