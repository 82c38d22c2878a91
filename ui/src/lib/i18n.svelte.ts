// The interface in the user's language. Messages are Fluent files shared with
// the Rust side (assets/i18n/<lang>/), so translators learn one format.
import { FluentBundle, type FluentVariable } from "@fluent/bundle";
import { negotiateLanguages } from "@fluent/langneg";
import english from "../../../assets/i18n/en/ui.ftl";
import thai from "../../../assets/i18n/th/ui.ftl";

export const LOCALES = ["en", "th"] as const;
export type Locale = (typeof LOCALES)[number];
/** What the user chose in Settings: a language, or whatever the OS uses. */
export type LanguageSetting = Locale | "system";

/** Each language in its own words, for the Settings list. */
export const LANGUAGE_NAMES: Record<Locale, string> = { en: "English", th: "ไทย" };

/** Each language's messages, parsed when the UI was built (vite.config.ts). */
const MESSAGES: Record<Locale, string> = { en: english, th: thai };
const STORAGE_KEY = "myochart.language";

function bundle(locale: Locale): FluentBundle {
  // No isolation marks around arguments: the app's text runs left to right,
  // and the marks would sit invisibly inside every sentence with a name in it.
  const bundle = new FluentBundle(locale, { useIsolating: false });
  bundle.addResource({ body: JSON.parse(MESSAGES[locale]) });
  return bundle;
}

/** The messages of each language, parsed when first needed: the window starts
 * with its own language (and English behind it) only. A test takes a
 * translation away to see English stand in. */
export const bundles: Partial<Record<Locale, FluentBundle>> = {};

function bundleOf(locale: Locale): FluentBundle {
  return (bundles[locale] ??= bundle(locale));
}

/** The language to show for a setting and the OS's preferred languages. */
export function chooseLocale(setting: LanguageSetting, osLanguages: readonly string[]): Locale {
  if (setting !== "system") return setting;
  const [best] = negotiateLanguages([...osLanguages], [...LOCALES], { defaultLocale: "en", strategy: "lookup" });
  return (best as Locale | undefined) ?? "en";
}

/** The setting remembered on this machine; it applies before any database is open. */
function storedSetting(): LanguageSetting {
  const stored = globalThis.localStorage?.getItem(STORAGE_KEY);
  return stored === "system" || LOCALES.includes(stored as Locale) ? (stored as LanguageSetting) : "system";
}

function osLanguages(): readonly string[] {
  return globalThis.navigator?.languages ?? [];
}

class Language {
  setting = $state<LanguageSetting>(storedSetting());
  locale = $derived(chooseLocale(this.setting, osLanguages()));
}

export const language = new Language();

export function setLanguage(setting: LanguageSetting) {
  language.setting = setting;
  globalThis.localStorage?.setItem(STORAGE_KEY, setting);
}

/** The message `id` in the current language, or in English when it has no
 * translation yet; read inside a template, it follows a change of language. */
export function t(id: string, args?: Record<string, FluentVariable>): string {
  return format(language.locale, id, args);
}

/** The message `id` in `locale`, else in English, else the id itself. `errors`
 * collects what Fluent could not resolve (an argument not given), so tests can
 * fail on it; the app shows the text around the gap. */
export function format(locale: Locale, id: string, args?: Record<string, FluentVariable>, errors: Error[] = []): string {
  const own = bundleOf(locale);
  const bundle = own.hasMessage(id) ? own : bundleOf("en");
  const pattern = bundle.getMessage(id)?.value;
  if (!pattern) return id;
  return bundle.formatPattern(pattern, args, errors);
}

/** The locale for dates and numbers: the OS's own variant of the language
 * shown (en-GB stays day-first), else the language itself. Thai dates are in
 * the Buddhist era, as Intl gives them for Thai. */
export function dateLocale(): string {
  const locale = language.locale;
  return osLanguages().find((tag) => tag.split("-")[0]?.toLowerCase() === locale) ?? locale;
}
