/** The studio's new-language form (src/studio/languages.ts) on a copy of the project's locales/. */
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readLanguages } from '../../src/i18n/language-schema.ts';
import { isLocaleId } from '../../src/i18n/locales.ts';
import { knownLocales } from '../../src/scaffold/locale.ts';
import { versionOf, type StudioAreas } from '../../src/studio/files.ts';
import { languageDesk, LanguageError } from '../../src/studio/languages.ts';
import { ScaffoldError } from '../../src/scaffold/templates.ts';

/** A project folder with this project's locales/ and no node_modules: no script font counts as installed there. */
function project(): StudioAreas & { root: string } {
  const root = mkdtempSync(join(tmpdir(), 'studio-lang-'));
  cpSync('locales', join(root, 'locales'), { recursive: true });
  return { root, content: join(root, 'content'), locales: join(root, 'locales'), trash: join(root, '.studio-trash') };
}

const latin = Object.values(knownLocales).find((l) => !l.font && !isLocaleId(l.id))!;
const scripted = Object.values(knownLocales).find((l) => l.font && !isLocaleId(l.id));

describe('the new-language form', () => {
  it('offers the languages the scaffold knows and the project lacks, with their fonts', () => {
    const p = project();
    const { languages, version } = languageDesk(p, p.root, async () => {}).offered();
    expect(version).toBe(versionOf(readFileSync(join(p.locales, 'languages.yaml'))));
    expect(languages.map((l) => l.id)).toEqual(Object.keys(knownLocales).filter((id) => !isLocaleId(id)));
    for (const l of languages.filter((l) => l.font)) expect(l.font).toMatchObject({ installed: false, package: knownLocales[l.id]!.font!.package });
  });

  it('shows what it will write before writing anything', () => {
    const p = project();
    const before = readdirSync(p.locales).sort();
    const preview = languageDesk(p, p.root, async () => {}).preview(latin.id);
    expect(preview.files).toEqual(['locales/languages.yaml', `locales/${latin.id}/common.json`, `locales/${latin.id}/print.json`, `locales/${latin.id}/translated-from.json`]);
    expect(preview.added).toContain(`  ${latin.id}:\n`);
    expect(preview.added).toContain(`intl: ${latin.intl}`);
    expect(preview.install).toBeNull();
    expect(readdirSync(p.locales).sort()).toEqual(before);
  });

  it('writes the entry and the seeded strings, at the version the form showed', async () => {
    const p = project();
    const desk = languageDesk(p, p.root, async () => {});
    const { version } = desk.offered();
    const result = await desk.create(latin.id, version);
    expect(result.created[0]).toBe('locales/languages.yaml');
    const languages = readLanguages(readFileSync(join(p.locales, 'languages.yaml'), 'utf8'));
    expect(Object.keys(languages.data!.languages).at(-1)).toBe(latin.id);
    expect(JSON.parse(readFileSync(join(p.locales, latin.id, 'common.json'), 'utf8')).nav.home).toBe('Home');
    expect(readFileSync(join(p.locales, latin.id, 'translated-from.json'), 'utf8')).toBe('{}\n');
    // Again: it is there now.
    await expect(desk.create(latin.id, desk.offered().version)).rejects.toThrow(`The language "${latin.id}" already exists in locales/languages.yaml.`);
    expect(desk.offered().languages.map((l) => l.id)).not.toContain(latin.id);
  });

  it('refuses an unknown language, a changed languages file and an existing folder, writing nothing', async () => {
    const p = project();
    const desk = languageDesk(p, p.root, async () => {});
    const { version } = desk.offered();
    await expect(desk.create('xx', version)).rejects.toThrow(ScaffoldError);
    await expect(desk.create('xx', version)).rejects.toThrow(/"xx" is not a language this command knows/);
    writeFileSync(join(p.locales, 'languages.yaml'), `${readFileSync(join(p.locales, 'languages.yaml'), 'utf8')}\n# an editor's note\n`);
    await expect(desk.create(latin.id, version)).rejects.toThrow(/changed since the form was opened[\s\S]*Nothing was written/);
    cpSync(join(p.locales, 'en'), join(p.locales, latin.id), { recursive: true });
    const error = await desk.create(latin.id, desk.offered().version).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(LanguageError);
    expect((error as LanguageError).message).toBe(`locales/${latin.id}/ already exists; nothing was written.`);
    expect(readLanguages(readFileSync(join(p.locales, 'languages.yaml'), 'utf8')).data!.languages).not.toHaveProperty(latin.id);
  });

  it.skipIf(!scripted)('installs a missing script font first; when npm fails, says so and writes nothing', async () => {
    const p = project();
    const asked: string[] = [];
    const failing = languageDesk(p, p.root, async (spec) => {
      asked.push(spec);
      throw new Error('npm error code EAI_AGAIN');
    });
    expect(failing.preview(scripted!.id).install).toBe(scripted!.font!.package);
    const error = await failing.create(scripted!.id, failing.offered().version).catch((e: unknown) => e);
    expect(asked).toEqual([`${scripted!.font!.package}@5`]);
    expect(error).toMatchObject({ status: 502 });
    expect((error as Error).message).toContain(`The ${scripted!.font!.family} font (${scripted!.font!.package}) could not be installed: npm error code EAI_AGAIN. Nothing was written.`);
    expect(existsSync(join(p.locales, scripted!.id))).toBe(false);
    expect(readLanguages(readFileSync(join(p.locales, 'languages.yaml'), 'utf8')).data!.languages).not.toHaveProperty(scripted!.id);

    const working = languageDesk(p, p.root, async (spec) => void asked.push(spec));
    expect((await working.create(scripted!.id, working.offered().version)).installed).toBe(scripted!.font!.package);
    expect(existsSync(join(p.locales, scripted!.id, 'common.json'))).toBe(true);
  });
});
