/**
 * The demo's day the tests pin (DEMO_DAY): the demo's current rounds are dated from it, and the server
 * takes it as today unless a test gives another day, so that the suite reads the same whatever the real date.
 */
export const DEMO_DAY = "2026-12-07";
