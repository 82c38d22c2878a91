// Chart geometry shared by the body chart components: atlas coordinates are
// 0..1 of a box whose width:height is the atlas aspect; SVG draws that box at a
// fixed height of 1000 units.
import type { Atlas } from "../bindings/Atlas";
import type { BodyOutline } from "../bindings/BodyOutline";
import type { Muscle } from "../bindings/Muscle";
import type { Side } from "../bindings/Side";
import type { View } from "../bindings/View";

export const HEIGHT = 1000;

export function outline(atlas: Atlas, view: View): BodyOutline | undefined {
  for (const pack of atlas.packs) {
    const found = pack.outlines.find((o) => o.view === view);
    if (found) return found;
  }
  return undefined;
}

export function muscles(atlas: Atlas): Muscle[] {
  return atlas.packs.flatMap((pack) => pack.regions.flatMap((region) => region.muscles));
}

export function muscle(atlas: Atlas, id: string): Muscle | undefined {
  return muscles(atlas).find((m) => m.id === id);
}

/** Views that have an outline, in a stable order (front, back, side). */
export function views(atlas: Atlas): View[] {
  const order: View[] = ["front", "back", "side"];
  return order.filter((view) => outline(atlas, view));
}

/** Atlas data describes the client's right side; the left is its mirror image. */
export function placeX(x: number, side: Side): number {
  return side === "right" ? x : 1 - x;
}

/**
 * The client's side at a chart x. On the front view the client's right is the
 * viewer's left; on the back view it is the viewer's right.
 */
export function sideAt(view: View, x: number): Side {
  // A side view is a profile of the client's right side.
  if (view === "side") return "right";
  if (view === "back") return x >= 0.5 ? "right" : "left";
  return x <= 0.5 ? "right" : "left";
}

export function points(polygon: Array<[number, number]>, width: number): string {
  return polygon.map(([x, y]) => `${(x * width).toFixed(1)},${(y * HEIGHT).toFixed(1)}`).join(" ");
}
