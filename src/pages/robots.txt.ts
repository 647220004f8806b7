/** robots.txt: everything for readers is open; print sources and the editors' status page are not. */
import type { APIRoute } from 'astro';

export const GET: APIRoute = ({ site }) => {
  const sitemap = new URL('/sitemap-index.xml', site ?? 'http://localhost/').href;
  return new Response(`User-agent: *\nAllow: /\nDisallow: /print/*/\nDisallow: /status/\n\nSitemap: ${sitemap}\n`, {
    headers: { 'Content-Type': 'text/plain; charset=utf-8' },
  });
};
