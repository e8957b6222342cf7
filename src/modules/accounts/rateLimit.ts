// Login attempt limiting: too many failures for one username, or from one address, within a
// window lock further attempts until the window passes.
export class AttemptLimiter {
  private readonly failures = new Map<string, number[]>();
  private readonly max: number;
  private readonly windowMs: number;
  constructor(max: number, windowMs: number) {
    this.max = max;
    this.windowMs = windowMs;
  }

  /** Milliseconds until the key may try again, 0 if it may try now. */
  blockedFor(key: string, now: number): number {
    const list = (this.failures.get(key) ?? []).filter((t) => now - t < this.windowMs);
    this.failures.set(key, list);
    if (list.length < this.max) return 0;
    return this.windowMs - (now - list[0]!);
  }

  fail(key: string, now: number): void {
    const list = this.failures.get(key) ?? [];
    list.push(now);
    this.failures.set(key, list);
  }

  clear(key: string): void {
    this.failures.delete(key);
  }
}
