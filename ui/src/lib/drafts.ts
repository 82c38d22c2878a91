// Open editors with text not yet in the database register how to save it, so
// that switching databases or closing the window saves it first.

/** Saves an editor's pending text; resolves to whether all of it is saved. */
type Flush = () => Promise<boolean>;

const flushes = new Set<Flush>();

/** Registers `flush` until the returned function is called. */
export function keepSaved(flush: Flush): () => void {
  flushes.add(flush);
  return () => flushes.delete(flush);
}

/** Saves every open editor's pending text; true when everything is saved. */
export async function saveDrafts(): Promise<boolean> {
  const saved = await Promise.all([...flushes].map((flush) => flush()));
  return saved.every(Boolean);
}
