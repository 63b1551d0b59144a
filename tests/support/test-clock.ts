import type { Clock } from '../../src/domain/shared/clock'

/** Real time plus an offset the test can move forward, to cross timeouts to the second. */
export class TestClock implements Clock {
  private offsetMs = 0
  now(): Date {
    return new Date(Date.now() + this.offsetMs)
  }
  advance(seconds: number): void {
    this.offsetMs += seconds * 1000
  }
}
