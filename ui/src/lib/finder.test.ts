import { describe, expect, it, vi } from "vitest";
import type { FinderMatch } from "../bindings/FinderMatch";
import { Finder } from "./finder.svelte";

const match = (muscleId: string) =>
  ({ muscleId, muscleName: muscleId, side: "right", points: [{ view: "front", x: 0.1, y: 0.2, side: "right" }] }) as FinderMatch;

describe("Finder", () => {
  it("ranks again on every tap, listing eight and picking the first three", async () => {
    const find = vi.fn(async () => ["a", "b", "c", "d", "e", "f", "g", "h", "i"].map(match));
    const finder = new Finder(find);
    await finder.tap({ view: "front", x: 0.5, y: 0.5 });
    await finder.tap({ view: "back", x: 0.5, y: 0.5 });
    expect(find).toHaveBeenLastCalledWith(finder.spots);
    expect(finder.spots).toHaveLength(2);
    expect(finder.matches).toHaveLength(8);
    expect([...finder.picked]).toEqual(["a", "b", "c"]);
  });

  it("turns the picked muscles into checks and highlighted points", async () => {
    const finder = new Finder(async () => [match("a"), match("b")]);
    await finder.tap({ view: "front", x: 0.5, y: 0.5 });
    finder.toggle("a");
    expect(finder.checks()).toEqual([{ muscleId: "b", side: "right" }]);
    expect(finder.pickedPoints()).toEqual([{ view: "front", x: 0.1, y: 0.2, side: "right", title: "b (right)" }]);
    finder.clear();
    expect(finder.spots).toEqual([]);
    expect(finder.checks()).toEqual([]);
  });
});
