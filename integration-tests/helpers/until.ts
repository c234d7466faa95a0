/** Waits for what a subscriber does after the request that triggered it has answered: reads until done or `ms` pass, then returns the last read. */
export async function until<T>(read: () => Promise<T>, done: (v: T) => boolean, ms = 20_000): Promise<T> {
  const end = Date.now() + ms
  for (;;) {
    const v = await read()
    if (done(v) || Date.now() > end) return v
    await new Promise((r) => setTimeout(r, 200))
  }
}
