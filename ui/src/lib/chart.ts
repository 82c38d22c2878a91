// Chart geometry shared by the body chart components: atlas coordinates are
// 0..1 of a box whose width:height is the atlas aspect; SVG draws that box at a
// fixed height of 1000 units.
import type { Atlas } from "../bindings/Atlas";
import type { BodyOutline } from "../bindings/BodyOutline";
import type { Muscle } from "../bindings/Muscle";
import type { Side } from "../bindings/Side";
import type { View } from "../bindings/View";
import { t } from "./i18n.svelte";

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

const VIEW_TITLES: Record<View, () => string> = {
  front: () => t("view-front"),
  back: () => t("view-back"),
  "right-side": () => t("view-right-side"),
  "left-side": () => t("view-left-side"),
  soles: () => t("view-soles"),
};

/** A view's name, e.g. "Front". */
export function viewTitle(view: View): string {
  return VIEW_TITLES[view]();
}

/** The pairs of views shown side by side, as the chart offers them. */
export const VIEW_SETS: Array<{ name: () => string; views: View[] }> = [
  { name: () => t("view-set-front-back"), views: ["front", "back"] },
  { name: () => t("view-set-sides"), views: ["right-side", "left-side"] },
  { name: () => t("view-set-soles"), views: ["soles"] },
];

/** The one side a profile shows; null where both sides show. */
export function profileOf(view: View): Side | null {
  if (view === "right-side") return "right";
  if (view === "left-side") return "left";
  return null;
}

/**
 * Atlas data describes the client's right side; the left is its mirror image:
 * the mirrored x, on the other profile for a side view (as `Side::place` in Rust).
 */
export function place(view: View, x: number, side: Side): { view: View; x: number } {
  if (side === "right") return { view, x };
  const mirrored: View = view === "right-side" ? "left-side" : view === "left-side" ? "right-side" : view;
  return { view: mirrored, x: 1 - x };
}

/**
 * The client's side at a chart x. On the front view the client's right is the
 * viewer's left; on the back and soles views it is the viewer's right.
 */
export function sideAt(view: View, x: number): Side {
  const profile = profileOf(view);
  if (profile) return profile;
  if (view === "front") return x <= 0.5 ? "right" : "left";
  return x >= 0.5 ? "right" : "left";
}

/** A muscle's referral zones as drawn on `view` for the client's `side`. */
export function referralZones(
  muscle: Muscle,
  side: Side,
  view: View,
): Array<{ primary: boolean; polygon: Array<[number, number]> }> {
  return muscle.referralZones
    .filter((zone) => place(zone.view, 0, side).view === view)
    .map((zone) => ({
      primary: zone.primary,
      polygon: zone.polygon.map(([x, y]) => [place(zone.view, x, side).x, y] as [number, number]),
    }));
}

/** A muscle's trigger points on the client's `side`, where the chart draws them. */
export function sidePoints(muscle: Muscle, side: Side): Array<{ view: View; x: number; y: number }> {
  return muscle.points.map((point) => ({ ...place(point.view, point.x, side), y: point.y }));
}

export function points(polygon: Array<[number, number]>, width: number): string {
  return polygon.map(([x, y]) => `${(x * width).toFixed(1)},${(y * HEIGHT).toFixed(1)}`).join(" ");
}
