// Islands load their code once, on the first preload or render, and try again after a failed load
// (a dropped connection) instead of keeping the failure; a field keeps the caller's width.
import { describe, expect, it } from "vitest";

import { fieldWidth } from "../../components/ui/input";
import { lazyIsland } from "../../components/ui/lazy-island";

function Dialog() {
  return null;
}

describe("lazyIsland", () => {
  it("loads once, however often it is preloaded", async () => {
    let loads = 0;
    const island = lazyIsland(async () => {
      loads++;
      return Dialog;
    });
    expect(loads).toBe(0);
    const first = island.preload();
    const second = island.preload();
    expect(second).toBe(first);
    await expect(first).resolves.toEqual({ default: Dialog });
    expect(loads).toBe(1);
  });

  it("tries again after a failed load", async () => {
    let loads = 0;
    const island = lazyIsland(async () => {
      loads++;
      if (loads === 1) throw new Error("Failed to fetch dynamically imported module");
      return Dialog;
    });
    await expect(island.preload()).rejects.toThrow("Failed to fetch");
    await expect(island.preload()).resolves.toEqual({ default: Dialog });
    expect(loads).toBe(2);
  });
});

describe("fieldWidth", () => {
  it("fills the container unless the caller gives a width", () => {
    expect(fieldWidth(undefined)).toBe("w-full");
    expect(fieldWidth("font-mono")).toBe("w-full");
    expect(fieldWidth("max-w-md tabular")).toBe("w-full");
    expect(fieldWidth("sm:w-44")).toBe("w-full");
    expect(fieldWidth("w-44 tabular")).toBe(false);
    expect(fieldWidth("tabular w-[32rem]")).toBe(false);
  });
});
