/**
 * Which page templates a built site has, found from the site itself: every built HTML page is
 * grouped under the route file in src/pages that made it (Astro's `[param]` and `[...rest]` file
 * names read as patterns), per locale, and split further by the page's shape (the classes and roles
 * it uses), so a fallback article or an empty topic counts as a template of its own. A page no route
 * file explains (HTML written by a build step) is a template of its own. New templates are picked
 * up when they land; nothing here lists pages by name.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, sep } from 'node:path';
import { parse } from 'node-html-parser';
import { htmlFiles } from './site.ts';

export interface RoutePattern {
  /** The route file, relative to the pages folder, with `/` separators: `[locale]/articles/[slug].astro`. */
  file: string;
  /** The route as a path pattern: `/[locale]/articles/[slug]`; `/` for the root index. */
  pattern: string;
  regex: RegExp;
  /** Parameter names, in the order of the regex's groups. */
  params: string[];
  /** Sort key: static segments before dynamic ones before rest parameters, as Astro ranks routes. */
  rank: number[];
}

const pageExtensions = /\.(astro|md|mdx|html)$/;

/** Reads a pages folder (src/pages) into route patterns, most specific first. */
export function routePatterns(pagesDir: string): RoutePattern[] {
  const files = readdirSync(pagesDir, { recursive: true, encoding: 'utf8' })
    .map((f) => f.split(sep).join('/'))
    // Astro skips files and folders whose name starts with an underscore.
    .filter((f) => pageExtensions.test(f) && !f.split('/').some((part) => part.startsWith('_')));
  return files.map(routePattern).sort(compareRoutes);
}

export function routePattern(file: string): RoutePattern {
  const segments = file.replace(pageExtensions, '').split('/');
  if (segments.at(-1) === 'index') segments.pop();
  const params: string[] = [];
  const rank: number[] = [];
  let source = '';
  for (const segment of segments) {
    const rest = /^\[\.\.\.([^\]]+)\]$/.exec(segment);
    if (rest) {
      params.push(rest[1]!);
      rank.push(3);
      source += '(?:/(.+?))?';
      continue;
    }
    const parts = segment.split(/(\[[^\]]+\])/).filter(Boolean);
    const dynamic = parts.filter((p) => p.startsWith('['));
    rank.push(dynamic.length === 0 ? 0 : dynamic.length === parts.length ? 2 : 1);
    source +=
      '/' +
      parts
        .map((p) => {
          if (!p.startsWith('[')) return p.replace(/[.*+?^${}()|\\]/g, '\\$&');
          params.push(p.slice(1, -1));
          return '([^/]+?)';
        })
        .join('');
  }
  return { file, pattern: '/' + segments.join('/'), regex: new RegExp(`^${source}$`), params, rank };
}

function compareRoutes(a: RoutePattern, b: RoutePattern): number {
  for (let i = 0; i < Math.min(a.rank.length, b.rank.length); i++) {
    if (a.rank[i] !== b.rank[i]) return a.rank[i]! - b.rank[i]!;
  }
  return b.rank.length - a.rank.length || a.file.localeCompare(b.file);
}

/** The URL path a built file is served at, without trailing slash: `vi/articles/a/index.html` → `/vi/articles/a`. */
export function servedPath(htmlFile: string): string {
  const path = '/' + htmlFile.replace(/(^|\/)index\.html$/, '').replace(/\.html$/, '');
  return path === '/' ? '' : path.replace(/\/$/, '');
}

export interface RouteMatch {
  route: RoutePattern;
  params: Record<string, string>;
}

export function matchRoute(routes: readonly RoutePattern[], path: string): RouteMatch | undefined {
  for (const route of routes) {
    const m = route.regex.exec(path);
    if (m) return { route, params: Object.fromEntries(route.params.map((name, i) => [name, m[i + 1] ?? ''])) };
  }
  return undefined;
}

/** What a page is built from, as far as its markup shows: its class names and ARIA roles. */
export function pageShape(html: string): string {
  const body = parse(html).querySelector('body');
  if (!body) return '';
  const marks = new Set<string>();
  for (const el of body.querySelectorAll('[class], [role]')) {
    for (const c of (el.getAttribute('class') ?? '').split(/\s+/)) if (c) marks.add(`.${c}`);
    const role = el.getAttribute('role');
    if (role) marks.add(`role=${role}`);
  }
  return [...marks].sort().join(' ');
}

export interface TemplatePage {
  /** The route pattern, or the page's own path when no route file explains it. */
  template: string;
  /** The locale the page is served in (its `locale` parameter), if it has one. */
  locale?: string;
  /** Served path with a trailing slash for folders: `/vi/articles/a/`, `/404.html`. */
  url: string;
  file: string;
  shape: string;
}

export interface TemplateSurvey {
  /** One page per template, locale and shape, the first in path order. */
  pages: TemplatePage[];
  /** Route files that made no page in this build. */
  unused: RoutePattern[];
}

/**
 * One representative page per template, locale and shape of a built site. `exclude` takes path
 * prefixes (`print/`) to leave out of the survey, pages and route files alike.
 */
export function surveyTemplates(siteDir: string, pagesDir: string, exclude: readonly string[] = []): TemplateSurvey {
  const routes = routePatterns(pagesDir).filter((r) => !exclude.some((prefix) => r.file.startsWith(prefix)));
  const used = new Set<RoutePattern>();
  const seen = new Set<string>();
  const pages: TemplatePage[] = [];
  for (const file of htmlFiles(siteDir).sort()) {
    if (exclude.some((prefix) => file.startsWith(prefix))) continue;
    const path = servedPath(file);
    const match = matchRoute(routes, path);
    if (match) used.add(match.route);
    const template = match?.route.pattern ?? `/${file}`;
    const locale = match?.params.locale;
    const shape = pageShape(readFileSync(join(siteDir, file), 'utf8'));
    const key = `${template}\n${locale}\n${shape}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const url = file.endsWith('index.html') ? `${path}/` : `/${file}`;
    pages.push({ template, locale, url, file, shape });
  }
  return { pages, unused: routes.filter((r) => !used.has(r)) };
}
