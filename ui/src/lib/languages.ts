// The languages a handout can be printed in, each by its own name so a
// client can point at theirs. A text without a translation prints in
// English; the handout dialog lists which before printing.
export const LANGUAGES: { tag: string; name: string }[] = [
  { tag: "en", name: "English" },
  { tag: "th", name: "ไทย" },
  { tag: "es", name: "Español" },
  { tag: "fr", name: "Français" },
  { tag: "de", name: "Deutsch" },
  { tag: "pt", name: "Português" },
  { tag: "el", name: "Ελληνικά" },
  { tag: "ru", name: "Русский" },
  { tag: "hi", name: "हिन्दी" },
  { tag: "ar", name: "العربية" },
  { tag: "he", name: "עברית" },
  { tag: "zh", name: "中文" },
  { tag: "ja", name: "日本語" },
  { tag: "ko", name: "한국어" },
  { tag: "vi", name: "Tiếng Việt" },
];

/** The languages to offer, with `current` kept when it is another tag
 *  (one set from the command line, "pt-BR"). */
export function languageChoices(current: string): { tag: string; name: string }[] {
  return LANGUAGES.some((l) => l.tag === current) || !current
    ? LANGUAGES
    : [...LANGUAGES, { tag: current, name: current }];
}

/** A language's own name ("ไทย"), or its tag when the list lacks it. */
export function languageName(tag: string): string {
  return LANGUAGES.find((l) => l.tag === tag)?.name ?? tag;
}
