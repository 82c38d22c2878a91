import { describe, expect, it } from "vitest";
import type { Finding } from "../bindings/Finding";
import { findingLine, fullName, pain, when } from "./format";

const finding = {
  muscleLabel: "Upper trapezius",
  side: "left",
  tenderness: 7,
  activity: "active",
  referralReproduced: true,
  pressure: "moderate",
  durationSeconds: 90,
  response: "softened",
} as Finding;

describe("formatting", () => {
  it("names a person by first name alone when there is no last name", () => {
    expect(fullName({ firstName: "Ann", lastName: "Lee" })).toBe("Ann Lee");
    expect(fullName({ firstName: "Ann", lastName: "" })).toBe("Ann");
  });

  it("shows a dash for a pain score not recorded, and zero as zero", () => {
    expect(pain(null)).toBe("–");
    expect(pain(0)).toBe("0");
  });

  it("writes a finding as the O of a SOAP note reads it", () => {
    expect(findingLine(finding, 1)).toBe(
      "2. Upper trapezius (L), tenderness 7/10, active, referral reproduced, moderate 90 s, softened",
    );
  });

  it("leaves out what a finding does not record", () => {
    const bare = { ...finding, side: "right", referralReproduced: false, durationSeconds: 0, response: "" } as Finding;
    expect(findingLine(bare, 0)).toBe("1. Upper trapezius (R), tenderness 7/10, active");
  });

  it("says 'pressure' when a timed release has no pressure noted", () => {
    expect(findingLine({ ...finding, pressure: "" } as Finding, 0)).toContain("pressure 90 s");
  });

  it("keeps a timestamp it can't read as it is", () => {
    expect(when("not a date")).toBe("not a date");
    expect(when("2024-03-01T10:00:00Z")).not.toBe("2024-03-01T10:00:00Z");
  });
});
