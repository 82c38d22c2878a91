import type { Finding } from "../bindings/Finding";

/** "First Last", or the first name alone. */
export function fullName(person: { firstName: string; lastName: string }): string {
  return person.lastName ? `${person.firstName} ${person.lastName}` : person.firstName;
}

/** A pain score, or a dash when it was not recorded. */
export function pain(score: number | null): string {
  return score === null ? "–" : String(score);
}

/** One line per finding, as the O of a SOAP note reads it. */
export function findingLine(finding: Finding, index: number): string {
  const parts = [
    `${index + 1}. ${finding.muscleLabel} (${finding.side === "right" ? "R" : "L"})`,
    `tenderness ${finding.tenderness}/10`,
    finding.activity,
  ];
  if (finding.referralReproduced) parts.push("referral reproduced");
  if (finding.durationSeconds) parts.push(`${finding.pressure || "pressure"} ${finding.durationSeconds} s`);
  if (finding.response) parts.push(finding.response);
  return parts.join(", ");
}

/** A UTC timestamp from the database, in local time, to the minute. */
export function when(timestamp: string): string {
  const date = new Date(timestamp);
  return Number.isNaN(date.getTime()) ? timestamp : date.toLocaleString(undefined, { dateStyle: "medium", timeStyle: "short" });
}
