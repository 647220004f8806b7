/**
 * The studio's "New language" form, over the scaffold `npm run new -- locale <id>` uses
 * (src/scaffold/locale.ts): which languages it offers, what adding one writes (shown before it is
 * written), and the writing itself: the script's font installed first when missing, the seeded UI
 * strings, then the languages file last, at the version the editor saw. Every language is read once
 * per process (src/i18n/locales.ts), so afterwards the studio starts again (./supervisor.ts).
 */
import { execFile } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { diffLines } from 'diff';
import { readLanguages } from '../i18n/language-schema.ts';
import { uiNamespaces } from '../i18n/namespaces.ts';
import { knownLocales, planNewLocale, type LocalePlan } from '../scaffold/locale.ts';
import { ScaffoldError } from '../scaffold/templates.ts';
import { uiRecordFile } from '../translations/records.ts';
import { readStudioFile, resolveStudioPath, saveStudioFile, type StudioAreas } from './files.ts';

export const languagesPath = 'locales/languages.yaml';

/** A language the form offers: one the scaffold knows and the languages file does not have yet. */
export interface OfferedLanguage {
  id: string;
  name: string;
  intl: string;
  lineBreak: string;
  /** The font the script needs, and whether this machine has it. */
  font: { family: string; package: string; installed: boolean } | null;
}

/** What adding `id` will write: the lines added to the languages file, the new files, the font to install. */
export interface LanguagePreview {
  id: string;
  /** The version of the languages file this preview was made from; the creation names it. */
  version: string;
  added: string;
  files: string[];
  install: string | null;
}

/** A refusal the form shows as it is (409: already there or changed meanwhile; 502: the font did not install). */
export class LanguageError extends Error {
  readonly status: number;
  constructor(status: number, message: string) {
    super(message);
    this.status = status;
  }
}

export interface LanguageDesk {
  offered(): { languages: OfferedLanguage[]; version: string };
  preview(id: string): LanguagePreview;
  create(id: string, version: string): Promise<{ created: string[]; installed: string | null }>;
}

/** Runs `npm install --save-dev <package>@5` in the project; rejects with npm's last error line. */
export function npmInstall(root: string) {
  return (spec: string) =>
    new Promise<void>((resolve, reject) => {
      execFile('npm', ['install', '--save-dev', '--no-audit', '--no-fund', spec], { cwd: root, timeout: 10 * 60_000 }, (error, _stdout, stderr) => {
        if (!error) return resolve();
        const said = String(stderr).split('\n').map((l) => l.trim()).filter((l) => /npm error|ERR!/i.test(l)).at(0) ?? error.message.split('\n')[0]!;
        reject(new Error(said));
      });
    });
}

export function languageDesk(areas: StudioAreas, root: string, install: (spec: string) => Promise<void>): LanguageDesk {
  const fontInstalled = (pkg: string) => existsSync(join(root, 'node_modules', pkg));
  const read = () => {
    const file = readStudioFile(areas, languagesPath);
    if (file.version === null) throw new LanguageError(409, `${languagesPath} is missing; restore it (git) before adding a language.`);
    return { text: file.text, version: file.version };
  };
  const plan = (text: string, id: string): LocalePlan =>
    planNewLocale(text, id, uiNamespaces, (namespace) => JSON.parse(readFileSync(join(areas.locales, 'en', `${namespace}.json`), 'utf8')), uiRecordFile);
  const exists = (id: string) => {
    const folder = resolveStudioPath(areas, `locales/${id}`);
    if (existsSync(folder.absolute)) throw new LanguageError(409, `${folder.shown}/ already exists; nothing was written.`);
  };

  return {
    offered() {
      const { text, version } = read();
      const have = readLanguages(text).data?.languages ?? {};
      const languages = Object.values(knownLocales)
        .filter((l) => !Object.hasOwn(have, l.id))
        .map((l) => ({ id: l.id, name: l.name, intl: l.intl, lineBreak: l.lineBreak, font: l.font ? { family: l.font.family, package: l.font.package, installed: fontInstalled(l.font.package) } : null }));
      return { languages, version };
    },
    preview(id) {
      const { text, version } = read();
      const planned = plan(text, id);
      exists(planned.locale.id);
      const added = diffLines(text, planned.languages)
        .filter((part) => part.added)
        .map((part) => part.value)
        .join('');
      const font = planned.locale.font;
      return { id: planned.locale.id, version, added, files: [languagesPath, ...Object.keys(planned.files).map((f) => `locales/${f}`)], install: font && !fontInstalled(font.package) ? font.package : null };
    },
    async create(id, version) {
      const current = read();
      if (current.version !== version) throw new LanguageError(409, `${languagesPath} changed since the form was opened (another editor, or by hand); look at the form again. Nothing was written.`);
      const planned = plan(current.text, id);
      exists(planned.locale.id);
      const font = planned.locale.font;
      let installed: string | null = null;
      if (font && !fontInstalled(font.package)) {
        try {
          await install(`${font.package}@5`);
        } catch (error) {
          throw new LanguageError(
            502,
            `The ${font.family} font (${font.package}) could not be installed: ${(error as Error).message}. Nothing was written. Check the network connection and try again, or run npm install --save-dev ${font.package}@5 in a terminal.`,
          );
        }
        installed = font.package;
      }
      const created: string[] = [];
      // The strings first, the languages file last: its change is what makes the dev server start again.
      for (const [path, text] of Object.entries(planned.files)) {
        const saved = saveStudioFile(areas, `locales/${path}`, text, null);
        if (!saved.saved) throw new LanguageError(409, `${saved.path} appeared meanwhile; nothing more was written.`);
        created.push(saved.path);
      }
      const saved = saveStudioFile(areas, languagesPath, planned.languages, version);
      if (!saved.saved) throw new LanguageError(409, `${languagesPath} changed meanwhile; the UI strings were written (${created.join(', ')}) but the language was not added. Look at the form again.`);
      return { created: [languagesPath, ...created], installed };
    },
  };
}

export { ScaffoldError };
