// Every word a user sees or hears comes from the message files: this finds
// text written straight into a component or a module instead.
import { describe, expect, it } from "vitest";
import { parse } from "svelte/compiler";

const components = import.meta.glob<string>("../**/*.svelte", { query: "?raw", import: "default", eager: true });
const modules = import.meta.glob<string>(["../**/*.ts", "!../**/*.test.ts", "!../bindings/**"], {
  query: "?raw",
  import: "default",
  eager: true,
});

/** Attributes read out or shown to the user. */
const SHOWN = new Set(["placeholder", "title", "alt", "label", "aria-label", "aria-description", "aria-roledescription"]);

/** Text that is the same in every language. */
const NOT_LANGUAGE = new Set([
  "Myochart", // the app's name
  "A4", // a paper size, named so everywhere
]);

/** Elements whose text is a key to press or a command to type, never translated. */
const VERBATIM = new Set(["kbd", "code"]);

/** Sentences in code that only a developer ever reads. */
const FOR_DEVELOPERS = new Set([
  "index.html has no #app element", // main.ts, before anything is on screen
]);

/** Each language named in itself ("Tiếng Việt"), the same in every interface language. */
const OWN_NAMES_OF_LANGUAGES = "./languages.ts";

const LETTER = /\p{L}/u;
/** Two words or more: a sentence, where code's own strings are single tokens. */
const WORDS = /\p{L}+\s+\p{L}/u;

type Node = { type: string; start: number; [key: string]: unknown };

function isNode(value: unknown): value is Node {
  return typeof value === "object" && value !== null && typeof (value as Node).type === "string";
}

/** String literals an expression can render as text, e.g. both branches of `a ? "x" : "y"`. */
function renderedLiterals(expression: Node): Node[] {
  switch (expression.type) {
    case "Literal":
      return typeof expression.value === "string" ? [expression] : [];
    case "TemplateLiteral":
      return (expression.quasis as Node[]).filter((quasi) => LETTER.test((quasi.value as { raw: string }).raw));
    case "ConditionalExpression":
      return [...renderedLiterals(expression.consequent as Node), ...renderedLiterals(expression.alternate as Node)];
    case "LogicalExpression":
      return [...renderedLiterals(expression.left as Node), ...renderedLiterals(expression.right as Node)];
    default:
      return [];
  }
}

function textOf(node: Node): string {
  if (node.type === "Text") return node.data as string;
  if (node.type === "TemplateElement") return (node.value as { raw: string }).raw;
  return String(node.value);
}

/** The written-in text of one component, as "line: text". */
function writtenIn(source: string): string[] {
  const found: Node[] = [];
  const visit = (value: unknown, isButton = false) => {
    if (Array.isArray(value)) return value.forEach((item) => visit(item, isButton));
    if (!isNode(value)) return;
    if (value.type === "Text") return void found.push(value);
    if (value.type === "RegularElement" && VERBATIM.has(value.name as string)) return;
    if (value.type === "ExpressionTag") return void found.push(...renderedLiterals(value.expression as Node));
    if (value.type === "Attribute") {
      const name = value.name as string;
      if (SHOWN.has(name) || (name === "value" && isButton)) visit(value.value);
      return;
    }
    const button = value.name === "button" || (value.name === "input" && /type="(button|submit|reset)"/.test(source.slice(value.start, value.end as number)));
    for (const [key, child] of Object.entries(value)) if (key !== "expression") visit(child, button);
  };
  visit(parse(source, { modern: true }).fragment);
  return found
    .filter((node) => LETTER.test(textOf(node)) && !NOT_LANGUAGE.has(textOf(node).trim()))
    .map((node) => `${source.slice(0, node.start).split("\n").length}: ${textOf(node).trim()}`);
}

/** Modules as a component holding only a script, so one parser reads both. */
const scripts = {
  ...components,
  ...Object.fromEntries(Object.entries(modules).map(([file, source]) => [file, `<script lang="ts">${source}</script>`])),
};

/** Sentences written into the code of a component's script or a module. */
function sentencesIn(source: string): string[] {
  const root = parse(source, { modern: true });
  const found: string[] = [];
  const visit = (value: unknown) => {
    if (Array.isArray(value)) return value.forEach(visit);
    if (!isNode(value)) return;
    if (value.type === "Literal" || value.type === "TemplateElement") {
      const text = textOf(value);
      if (WORDS.test(text) && !FOR_DEVELOPERS.has(text)) found.push(text);
    }
    Object.values(value).forEach(visit);
  };
  visit([root.instance, root.module]);
  return found;
}

describe("components", () => {
  it("are found", () => {
    expect(Object.keys(components).length).toBeGreaterThan(20);
  });

  it("write no text a user sees straight in, but take it from the message files", () => {
    const offenders = Object.entries(components).flatMap(([file, source]) => writtenIn(source).map((text) => `${file}:${text}`));
    expect(offenders).toEqual([]);
  });

  it("would notice a word written straight in", () => {
    const planted = `<p>{n}</p>\n<button title="Close">×</button>\n{busy ? "Saving…" : t("save")} <kbd>Ctrl</kbd> <i>Press</i>`;
    expect(writtenIn(planted)).toEqual(["2: Close", "3: Saving…", "3: Press"]);
  });
});

describe("scripts", () => {
  it("write no sentence a user sees straight in", () => {
    const offenders = Object.entries(scripts)
      .filter(([file]) => file !== OWN_NAMES_OF_LANGUAGES)
      .flatMap(([file, source]) => sentencesIn(source).map((text) => `${file}: ${text}`));
    expect(offenders).toEqual([]);
  });

  it("would notice a sentence written straight in", () => {
    const planted = `<script lang="ts">const a = "x-y"; error = \`Could not save \${name}\`; t("id");</script>`;
    expect(sentencesIn(planted)).toEqual(["Could not save "]);
  });
});
