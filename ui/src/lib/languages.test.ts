import { describe, expect, it } from "vitest";
import { LANGUAGES, languageChoices, languageName } from "./languages";

describe("languageChoices", () => {
  it("offers every language once, by its own name", () => {
    expect(languageChoices("th")).toBe(LANGUAGES);
    expect(new Set(LANGUAGES.map((l) => l.tag)).size).toBe(LANGUAGES.length);
    expect(LANGUAGES.find((l) => l.tag === "th")?.name).toBe("ไทย");
  });

  it("keeps a tag the list doesn't have, so saving doesn't change it", () => {
    expect(languageChoices("pt-BR").at(-1)).toEqual({ tag: "pt-BR", name: "pt-BR" });
  });
});

describe("languageName", () => {
  it("is the language's own name, or the tag for one the list lacks", () => {
    expect(languageName("el")).toBe("Ελληνικά");
    expect(languageName("pt-BR")).toBe("pt-BR");
  });
});
