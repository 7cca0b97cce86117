// One task at a time per key, in arrival order: two laptops sending the same photo at once must not
// interleave their bytes in one partial file. In process only; the server is one process.

export class KeyedLock {
  /** Per key, the promise the next task waits for; absent when no task holds or awaits the key. */
  private readonly tails = new Map<string, Promise<void>>();

  async run<T>(key: string, task: () => Promise<T>): Promise<T> {
    const previous = this.tails.get(key) ?? Promise.resolve();
    let release: () => void = () => {};
    const done = new Promise<void>((resolve) => (release = resolve));
    const tail = previous.then(() => done);
    this.tails.set(key, tail);
    await previous;
    try {
      return await task();
    } finally {
      release();
      // The last in line leaves no entry behind, so the map holds only keys in use.
      if (this.tails.get(key) === tail) this.tails.delete(key);
    }
  }

  /** Whether a task holds or awaits the key. */
  busy(key: string): boolean {
    return this.tails.has(key);
  }
}
