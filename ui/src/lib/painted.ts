import { tick } from "svelte";

/** Resolves once what has changed so far is on screen: after the frame that
 * shows it. */
export async function painted(): Promise<void> {
  await tick();
  await new Promise((done) => requestAnimationFrame(() => setTimeout(done)));
}
