// Open editors with text not yet in the database register how to save it, so
// that switching databases or closing the window saves it first. An editor
// being closed hands over its last save, which is awaited the same way.

/** Saves an editor's pending text; resolves to whether all of it is saved. */
type Flush = () => Promise<boolean>;

const flushes = new Set<Flush>();
const closing = new Set<Promise<boolean>>();

/** Registers `flush` until the returned function is called. */
export function keepSaved(flush: Flush): () => void {
  flushes.add(flush);
  return () => flushes.delete(flush);
}

/** Hands over the last save of an editor being closed. */
export function lastSave(save: Promise<boolean>) {
  closing.add(save);
  save.finally(() => closing.delete(save));
}

/** Resolves once the last saves of closed editors have landed, so that a view
 * reading a note back never reads it from before them. */
export async function closedEditorsSaved(): Promise<void> {
  await Promise.all(closing);
}

/** Saves every open editor's pending text and waits for closed editors' last
 * saves; true when everything is saved. */
export async function saveDrafts(): Promise<boolean> {
  const saved = await Promise.all([...[...flushes].map((flush) => flush()), ...closing]);
  return saved.every(Boolean);
}
