// The start-up benchmark's hook (scripts/bench-app.sh): the shell is told once
// a screen has been painted; it notes the moment only when the benchmark asked
// it to. Nothing waits for the answer.
import { api } from "./api";
import { painted } from "./painted";
import type { ClientId } from "../bindings/ClientId";

const reported = new Set<string>();

/** Reports `screen` painted, the first time only; the answer is the client the
 * benchmark wants opened next, if any. */
export async function reportPainted(screen: "list" | "client"): Promise<ClientId | null> {
  if (reported.has(screen)) return null;
  reported.add(screen);
  await painted();
  return api.benchReady(screen).catch(() => null);
}
