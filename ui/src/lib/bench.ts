// The start-up benchmark's hook (scripts/bench-app.sh): the shell is told once
// a screen has been painted, after the frame that shows it; it notes the
// moment only when the benchmark asked it to. Nothing waits for the answer.
import { tick } from "svelte";
import { api } from "./api";
import type { ClientId } from "../bindings/ClientId";

const reported = new Set<string>();

/** Reports `screen` painted, the first time only; the answer is the client the
 * benchmark wants opened next, if any. */
export async function painted(screen: "list" | "client"): Promise<ClientId | null> {
  if (reported.has(screen)) return null;
  reported.add(screen);
  await tick();
  await new Promise((done) => requestAnimationFrame(() => setTimeout(done)));
  return api.benchReady(screen).catch(() => null);
}
