// The test command on a machine without Chromium: one sentence, before the browser lane, says how to get it.
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { findChromium, NO_CHROMIUM } from "../support/browser.js";

describe("finding Chromium", () => {
  it("takes the first place that has it (CHROMIUM_PATH first, then Debian's, Ubuntu's, snap's), or none", () => {
    const dir = mkdtempSync(join(tmpdir(), "chromium-"));
    const ubuntu = join(dir, "chromium-browser");
    writeFileSync(ubuntu, "");
    expect(findChromium([join(dir, "chromium"), ubuntu])).toBe(ubuntu);
    expect(findChromium([join(dir, "nowhere")])).toBeNull();
  });

  it("says how to get it in one sentence, naming both packages and the setting", () => {
    expect(NO_CHROMIUM.split(/(?<=\.)\s/)).toHaveLength(1);
    expect(NO_CHROMIUM).toMatch(/apt-get install chromium;.*apt-get install chromium-browser.*CHROMIUM_PATH/);
  });
});
