import { afterEach, describe, expect, it } from "vitest";
import { FluentBundle, type FluentResource } from "@fluent/bundle";
import english from "../../../assets/i18n/en/ui.ftl";
import thai from "../../../assets/i18n/th/ui.ftl";
import { bundles, chooseLocale, format, setLanguage, t, type Locale } from "./i18n.svelte";
import { when } from "./format";

const sources = import.meta.glob<string>(["../**/*.svelte", "../**/*.ts", "!../**/*.test.ts"], {
  query: "?raw",
  import: "default",
  eager: true,
});

/** Message ids the code asks for: every `t("id"` call. */
const used = new Set(Object.values(sources).flatMap((source) => [...source.matchAll(/\bt\(\s*"([a-z0-9-]+)"/g)].map((m) => m[1] as string)));

/** Each message of a file, as the window gets it (parsed when the UI is
 * built), with the variables it uses. */
function messages(built: string): Map<string, Set<string>> {
  const variables = (node: unknown, found: Set<string>): Set<string> => {
    if (Array.isArray(node)) node.forEach((child) => variables(child, found));
    else if (node && typeof node === "object") {
      const { type, name } = node as { type?: string; name?: string };
      if (type === "var" && name) found.add(name);
      Object.values(node).forEach((child) => variables(child, found));
    }
    return found;
  };
  const body: FluentResource["body"] = JSON.parse(built);
  return new Map(body.map((message) => [message.id, variables(message.value, new Set())]));
}

const en = messages(english);
const th = messages(thai);

afterEach(() => setLanguage("system"));

describe("message files", () => {
  it("have every message the code asks for, in English", () => {
    expect([...used].filter((id) => !en.has(id))).toEqual([]);
  });

  it("have no message the code no longer asks for", () => {
    expect([...en.keys()].filter((id) => !used.has(id))).toEqual([]);
  });

  it("translate every English message into Thai, with the same variables", () => {
    expect([...en.keys()].filter((id) => !th.has(id))).toEqual([]);
    expect([...th.keys()].filter((id) => !en.has(id))).toEqual([]);
    const differing = [...en].filter(([id, names]) => [...names].sort().join() !== [...(th.get(id) ?? [])].sort().join());
    expect(differing.map(([id]) => id)).toEqual([]);
  });

  it("format every message without errors, whatever the numbers", () => {
    for (const locale of ["en", "th"] as Locale[]) {
      for (const [id, names] of en) {
        for (const n of [0, 1, 2, 1234]) {
          const errors: Error[] = [];
          const text = format(locale, id, Object.fromEntries([...names].map((name) => [name, n])), errors);
          expect(errors, `${locale} ${id}`).toEqual([]);
          expect(text, `${locale} ${id}`).not.toMatch(/[{}]/);
        }
      }
    }
  });

  it("pick the plural form the number needs", () => {
    expect(format("en", "csv-import", { count: 1 })).toBe("Import 1 client");
    expect(format("en", "csv-import", { count: 2 })).toBe("Import 2 clients");
  });
});

describe("language", () => {
  it("follows the OS: Thai for Thai, English for a language the app doesn't have", () => {
    expect(chooseLocale("system", ["th-TH", "en-US"])).toBe("th");
    expect(chooseLocale("system", ["fr-FR", "th"])).toBe("th");
    expect(chooseLocale("system", ["fr"])).toBe("en");
    expect(chooseLocale("system", [])).toBe("en");
  });

  it("is the one chosen in Settings, whatever the OS says", () => {
    expect(chooseLocale("en", ["th-TH"])).toBe("en");
    expect(chooseLocale("th", ["fr"])).toBe("th");
  });

  it("changes the text shown", () => {
    setLanguage("th");
    expect(t("app-lock")).toBe(format("th", "app-lock"));
    expect(t("app-lock")).not.toBe("Lock");
    setLanguage("en");
    expect(t("app-lock")).toBe("Lock");
  });

  it("shows English where a Thai message is missing, never the message's id", () => {
    const translated = bundles.th;
    bundles.th = new FluentBundle("th");
    try {
      expect(format("th", "app-lock")).toBe("Lock");
    } finally {
      bundles.th = translated;
    }
  });

  it("writes Thai dates in the Buddhist era", () => {
    setLanguage("th");
    expect(when("2026-03-01T10:00:00Z")).toContain("2569");
    setLanguage("en");
    expect(when("2026-03-01T10:00:00Z")).toContain("2026");
  });
});
