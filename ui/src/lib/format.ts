import type { Activity } from "../bindings/Activity";
import type { Finding } from "../bindings/Finding";
import type { PressureTolerance } from "../bindings/PressureTolerance";
import type { Side } from "../bindings/Side";
import { dateLocale, t } from "./i18n.svelte";

/** "First Last", or the first name alone. */
export function fullName(person: { firstName: string; lastName: string }): string {
  return person.lastName ? `${person.firstName} ${person.lastName}` : person.firstName;
}

/** A pain score, or a dash when it was not recorded. */
export function pain(score: number | null): string {
  return score === null ? "–" : String(score);
}

const PRESSURES: Record<PressureTolerance, () => string> = {
  unknown: () => t("pressure-unknown"),
  light: () => t("pressure-light"),
  moderate: () => t("pressure-moderate"),
  firm: () => t("pressure-firm"),
};

/** The pressure a client tolerates, in words. */
export function pressureText(tolerance: PressureTolerance): string {
  return PRESSURES[tolerance]();
}

const ACTIVITIES: Record<Activity, () => string> = {
  active: () => t("activity-active"),
  latent: () => t("activity-latent"),
};

/** Active or latent, in words. */
export function activityText(activity: Activity): string {
  return ACTIVITIES[activity]();
}

/** The client's right or left, in words. */
export function sideText(side: Side): string {
  return side === "right" ? t("side-right") : t("side-left");
}

/** A finding's pressure in words; the dialog offers light, moderate and firm. */
function pressureWord(pressure: string): string {
  if (!pressure) return t("finding-line-no-pressure");
  return pressure in PRESSURES ? pressureText(pressure as PressureTolerance) : pressure;
}

/** What a screen reader says for a finding's marker on the chart: muscle, side and tenderness in full words. */
export function findingName(finding: Finding, index: number): string {
  return t("chart-marker-name", {
    number: index + 1,
    muscle: finding.muscleLabel,
    side: sideText(finding.side),
    tenderness: finding.tenderness,
  });
}

/** One line per finding, as the O of a SOAP note reads it. */
export function findingLine(finding: Finding, index: number): string {
  const side = finding.side === "right" ? t("chart-right-short") : t("chart-left-short");
  const parts = [
    `${index + 1}. ${finding.muscleLabel} (${side})`,
    t("finding-line-tenderness", { tenderness: finding.tenderness }),
    activityText(finding.activity),
  ];
  if (finding.referralReproduced) parts.push(t("finding-line-referral"));
  if (finding.durationSeconds) {
    parts.push(t("finding-line-pressure", { pressure: pressureWord(finding.pressure), seconds: finding.durationSeconds }));
  }
  if (finding.response) parts.push(finding.response);
  return parts.join(", ");
}

/** A UTC timestamp from the database, in local time, to the minute. */
export function when(timestamp: string): string {
  const date = new Date(timestamp);
  return Number.isNaN(date.getTime()) ? timestamp : date.toLocaleString(dateLocale(), { dateStyle: "medium", timeStyle: "short" });
}
