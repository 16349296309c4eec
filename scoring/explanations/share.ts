// Sharing the explanations' solves between this thread and a helper thread.

/**
 * Works through `items` a chunk at a time on this thread and, when there is one, on a helper (two chunks
 * in flight, so that it never waits for this thread to hand out the next). A helper that fails (its thread
 * died, say) costs time, never an answer: its chunk is done here, and it gets no more.
 */
export async function share<T>(
  items: number[],
  size: number,
  local: (chunk: number[]) => Promise<T>,
  remote: ((chunk: number[]) => Promise<T>) | undefined,
  /** Called with the parts done so far, after each. */
  progress?: (parts: readonly T[]) => void | Promise<void>,
): Promise<T[]> {
  const queue = [...items];
  const take = (): number[] => queue.splice(0, size);
  const parts: T[] = [];
  let remoteFailed = false;
  const here = async (): Promise<void> => {
    for (let chunk = take(); chunk.length > 0; chunk = take()) {
      parts.push(await local(chunk));
      await progress?.(parts);
      // glpk.js solves synchronously in Node: let the helper's answers in, so that it gets more work.
      if (remote && !remoteFailed) await new Promise((resolve) => setTimeout(resolve, 0));
    }
  };
  const there = async (): Promise<void> => {
    if (!remote) return;
    for (let chunk = take(); chunk.length > 0 && !remoteFailed; chunk = take()) {
      try {
        parts.push(await remote(chunk));
      } catch {
        remoteFailed = true;
        parts.push(await local(chunk));
      }
      await progress?.(parts);
    }
  };
  await Promise.all([here(), there(), there()]);
  return parts;
}
