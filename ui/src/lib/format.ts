/** "First Last", or the first name alone. */
export function fullName(person: { firstName: string; lastName: string }): string {
  return person.lastName ? `${person.firstName} ${person.lastName}` : person.firstName;
}

/** A pain score, or a dash when it was not recorded. */
export function pain(score: number | null): string {
  return score === null ? "–" : String(score);
}
