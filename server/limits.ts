// Heavy work (allocation runs, analytics) within limits: at most `perUser` at once for one user (429
// beyond it), at most `global` at once on the server, the rest waiting in a bounded queue (503 when it is
// full). A slot is released when the work ends, fails or is cancelled.
import { DomainError } from "./errors.js";

export class WorkLimiter {
  private running = 0;
  private readonly byUser = new Map<string, number>();
  private readonly waiting: (() => void)[] = [];

  constructor(
    readonly perUser: number,
    readonly global: number,
    readonly queue: number,
    private readonly what: string,
  ) {}

  /**
   * Takes a slot for `user` (waiting for a global one if need be); returns its release. The caller's
   * signal (it left) is read only when the slot must be waited for: given as a function, it is not made
   * at all for a slot taken at once or refused (the Node adapter builds a whole web Request for it).
   */
  async acquire(user: string, signalOf?: AbortSignal | (() => AbortSignal)): Promise<() => void> {
    const mine = this.byUser.get(user) ?? 0;
    if (mine >= this.perUser)
      throw new DomainError("rate-limited", "too-many-running", `you have ${mine} ${this.what} running already: wait for one to end`, {
        retryAfterSeconds: 10,
      });
    this.byUser.set(user, mine + 1);
    try {
      if (this.running >= this.global) {
        if (this.waiting.length >= this.queue)
          throw new DomainError("rate-limited", "server-busy", `the server is busy with ${this.running} ${this.what}: try again shortly`, {
            retryAfterSeconds: 30,
          });
        const signal = typeof signalOf === "function" ? signalOf() : signalOf;
        await new Promise<void>((resolve, reject) => {
          const go = () => resolve();
          this.waiting.push(go);
          signal?.addEventListener("abort", () => {
            const i = this.waiting.indexOf(go);
            if (i >= 0) this.waiting.splice(i, 1);
            reject(new DomainError("conflict", "cancelled", "the caller left before the work started"));
          });
        });
      }
    } catch (e) {
      this.byUser.set(user, (this.byUser.get(user) ?? 1) - 1);
      throw e;
    }
    this.running++;
    let released = false;
    return () => {
      if (released) return;
      released = true;
      this.running--;
      this.byUser.set(user, (this.byUser.get(user) ?? 1) - 1);
      this.waiting.shift()?.();
    };
  }

  /** What is running and waiting (for tests and the health answer). */
  load(): { running: number; waiting: number } {
    return { running: this.running, waiting: this.waiting.length };
  }
}
