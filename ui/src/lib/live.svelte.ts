// Live together: on a clinic's server, what others change is announced to
// every window (table and ids only); the views showing it read it again.

import { listen } from "@tauri-apps/api/event";
import type { RecordChange } from "../bindings/RecordChange";
import { saveDrafts } from "./drafts";

class Live {
  /** How many changes were heard; views re-read when it moves. */
  heard = $state(0);
  /** The last change; null when changes may have been missed (the server was away). */
  last = $state<RecordChange | null>(null);
  /** False while the clinic server can't be reached. */
  reachable = $state(true);

  /** Whether the last change heard may concern the client or session shown. */
  concerns(shown: { client?: number; session?: number }): boolean {
    if (this.heard === 0) return false;
    const change = this.last;
    if (change === null) return true;
    return (shown.client !== undefined && change.client === shown.client) || (shown.session !== undefined && change.session === shown.session);
  }
}

export const live = new Live();

/** Starts passing the app's announcements on to the views; the function that stops it. */
export async function listenToClinic() {
  const stops = await Promise.all([
    listen<RecordChange | null>("records-changed", (event) => {
      live.last = event.payload;
      live.heard++;
    }),
    listen<boolean>("clinic-reachable", (event) => {
      live.reachable = event.payload;
      // Back: open notes kept meanwhile are sent now, not at their next retry.
      if (live.reachable) saveDrafts();
    }),
  ]);
  return () => stops.forEach((stop) => stop());
}
