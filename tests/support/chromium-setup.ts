// The browser lane's setup: before any of its tests starts, a machine without Chromium is told in one
// sentence how to get it (instead of each test failing on a launch error).
import { findChromium, NO_CHROMIUM } from "./browser.js";

export default function setup(): void {
  if (findChromium() === null) throw new Error(NO_CHROMIUM);
}
