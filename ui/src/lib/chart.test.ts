import { describe, expect, it } from "vitest";
import type { Muscle } from "../bindings/Muscle";
import { place, points, profileOf, referralZones, sideAt, sidePoints } from "./chart";

describe("chart coordinates", () => {
  it("places the client's right side as the atlas draws it", () => {
    expect(place("front", 0.3, "right")).toEqual({ view: "front", x: 0.3 });
    expect(place("right-side", 0.3, "right")).toEqual({ view: "right-side", x: 0.3 });
  });

  it("mirrors the left side, onto the other profile in a side view", () => {
    expect(place("back", 0.25, "left")).toEqual({ view: "back", x: 0.75 });
    expect(place("right-side", 0.25, "left")).toEqual({ view: "left-side", x: 0.75 });
    expect(place("left-side", 0.25, "left")).toEqual({ view: "right-side", x: 0.75 });
  });

  it("reads the client's right on the viewer's left from the front, on the viewer's right from behind", () => {
    expect(sideAt("front", 0.2)).toBe("right");
    expect(sideAt("front", 0.8)).toBe("left");
    expect(sideAt("back", 0.8)).toBe("right");
    expect(sideAt("soles", 0.2)).toBe("left");
  });

  it("takes the side of a profile from the view alone", () => {
    expect(profileOf("left-side")).toBe("left");
    expect(sideAt("left-side", 0.9)).toBe("left");
    expect(profileOf("front")).toBeNull();
  });

  it("scales a polygon to SVG units 1000 high", () => {
    expect(points([[0.5, 0.25], [1, 1]], 400)).toBe("200.0,250.0 400.0,1000.0");
  });
});

describe("a muscle on the chart", () => {
  const muscle = {
    points: [{ view: "back", x: 0.6, y: 0.2 }],
    referralZones: [
      { view: "back", primary: true, polygon: [[0.6, 0.1], [0.7, 0.2]] },
      { view: "right-side", primary: false, polygon: [[0.4, 0.1]] },
    ],
  } as unknown as Muscle;

  it("draws the right side's zones and points as the atlas has them", () => {
    expect(referralZones(muscle, "right", "back")).toEqual([{ primary: true, polygon: [[0.6, 0.1], [0.7, 0.2]] }]);
    expect(referralZones(muscle, "right", "right-side")).toEqual([{ primary: false, polygon: [[0.4, 0.1]] }]);
    expect(sidePoints(muscle, "right")).toEqual([{ view: "back", x: 0.6, y: 0.2 }]);
  });

  it("mirrors them for the left side, a profile's zone onto the other profile", () => {
    const left = referralZones(muscle, "left", "back")[0]?.polygon;
    expect(left?.map(([x]) => x.toFixed(2))).toEqual(["0.40", "0.30"]);
    expect(referralZones(muscle, "left", "right-side")).toEqual([]);
    expect(referralZones(muscle, "left", "left-side")).toEqual([{ primary: false, polygon: [[0.6, 0.1]] }]);
    expect(sidePoints(muscle, "left")[0]?.x).toBeCloseTo(0.4);
  });
});
