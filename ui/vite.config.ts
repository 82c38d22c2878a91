import { FluentBundle, FluentResource } from "@fluent/bundle";
import { defineConfig } from "vitest/config";
import type { Plugin } from "vite";
import { svelte } from "@sveltejs/vite-plugin-svelte";

/** `import messages from "….ftl"`: the file's messages, parsed here when the UI
 * is built (a message defined twice fails the build), as JSON. The window
 * reads JSON natively, where parsing Fluent at start-up took it ~7 ms. */
function fluentMessages(): Plugin {
  return {
    name: "fluent-messages",
    transform(source, id) {
      if (!id.endsWith(".ftl")) return null;
      const resource = new FluentResource(source);
      const errors = new FluentBundle("und").addResource(resource);
      if (errors.length) throw new Error(`${id}: ${errors.join("; ")}`);
      return `export default ${JSON.stringify(JSON.stringify(resource.body))};`;
    },
  };
}

// The Tauri shell serves dist/ itself; the dev server is only for `npm run dev`.
export default defineConfig(({ mode }) => ({
  plugins: [svelte(), fluentMessages()],
  clearScreen: false,
  // The message files are shared with the Rust side, outside ui/.
  server: { port: 5173, strictPort: true, fs: { allow: [".", "../assets/i18n"] } },
  build: { target: "es2022", outDir: "dist", emptyOutDir: true },
  // Unit tests of the pure logic and the `.svelte.ts` state classes, without a
  // window; Svelte's browser build, so runes react as they do in the app.
  resolve: mode === "test" ? { conditions: ["browser"] } : undefined,
  test: { include: ["src/**/*.test.ts"] },
}));
