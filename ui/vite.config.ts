import { defineConfig } from "vitest/config";
import { svelte } from "@sveltejs/vite-plugin-svelte";

// The Tauri shell serves dist/ itself; the dev server is only for `npm run dev`.
export default defineConfig(({ mode }) => ({
  plugins: [svelte()],
  clearScreen: false,
  // The message files are shared with the Rust side, outside ui/.
  server: { port: 5173, strictPort: true, fs: { allow: [".", "../assets/i18n"] } },
  build: { target: "es2022", outDir: "dist", emptyOutDir: true },
  // Unit tests of the pure logic and the `.svelte.ts` state classes, without a
  // window; Svelte's browser build, so runes react as they do in the app.
  resolve: mode === "test" ? { conditions: ["browser"] } : undefined,
  test: { include: ["src/**/*.test.ts"] },
}));
