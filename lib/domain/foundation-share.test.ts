import { describe, expect, it } from "vitest";
import { foundationShare } from "./foundation-share";

describe("foundationShare", () => {
  it("counts 150 of 2,000 nodes as 7.5%, within a ceiling of 200", () => {
    expect(foundationShare(150, 2_000)).toEqual({ foundationNodes: 150, totalNodes: 2_000, share: 0.075, ceilingNodes: 200, status: "ok" });
  });

  it("warns from 9% and keeps exactly 10% within the pledge", () => {
    expect(foundationShare(179, 2_000).status).toBe("ok");
    expect(foundationShare(180, 2_000).status).toBe("warning");
    expect(foundationShare(200, 2_000).status).toBe("warning");
    expect(foundationShare(201, 2_000).status).toBe("breach");
  });

  it("rounds the ceiling down: 10% of 1,555 nodes allows 155", () => {
    expect(foundationShare(155, 1_555)).toMatchObject({ ceilingNodes: 155, status: "warning" });
    expect(foundationShare(156, 1_555).status).toBe("breach");
  });

  it("handles an empty network and refuses impossible counts", () => {
    expect(foundationShare(0, 0)).toEqual({ foundationNodes: 0, totalNodes: 0, share: 0, ceilingNodes: 0, status: "ok" });
    expect(() => foundationShare(3, 2)).toThrow(RangeError);
    expect(() => foundationShare(-1, 2)).toThrow(RangeError);
    expect(() => foundationShare(1.5, 2)).toThrow(RangeError);
  });
});
