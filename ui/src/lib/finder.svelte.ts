// The finder's pain drawing: every spot tapped, the muscles whose referral
// zones cover them, and which of those are picked to check.
import type { CheckForm } from "../bindings/CheckForm";
import type { FinderMatch } from "../bindings/FinderMatch";
import type { Spot } from "../bindings/Spot";

/** How many ranked muscles are listed, and how many are picked to start with. */
const LISTED = 8;
const PICKED = 3;

export type FindMuscles = (spots: Spot[]) => Promise<FinderMatch[]>;

export class Finder {
  spots = $state<Spot[]>([]);
  matches = $state<FinderMatch[]>([]);
  picked = $state<Set<string>>(new Set());

  #find: FindMuscles;

  constructor(find: FindMuscles) {
    this.#find = find;
  }

  /** Adds a spot to the drawing and ranks the muscles again; throws what the finder throws. */
  async tap(spot: Spot) {
    this.spots = [...this.spots, spot];
    this.matches = (await this.#find(this.spots)).slice(0, LISTED);
    this.picked = new Set(this.matches.slice(0, PICKED).map((m) => m.muscleId));
  }

  clear() {
    this.spots = [];
    this.matches = [];
  }

  toggle(muscleId: string) {
    const next = new Set(this.picked);
    if (next.has(muscleId)) next.delete(muscleId);
    else next.add(muscleId);
    this.picked = next;
  }

  /** The picked muscles, as checks to add to the session. */
  checks(): CheckForm[] {
    return this.matches.filter((m) => this.picked.has(m.muscleId)).map((m) => ({ muscleId: m.muscleId, side: m.side }));
  }

  /** The picked muscles' points, to highlight on the chart. */
  pickedPoints() {
    return this.matches
      .filter((m) => this.picked.has(m.muscleId))
      .flatMap((m) => m.points.map((p) => ({ ...p, title: `${m.muscleName} (${p.side})` })));
  }
}
