import { expect, it } from "vitest";
import { formatAge } from "./relative-time";

it("describes the age of a fact in words", () => {
  const now = new Date("2026-11-24T12:00:00Z");
  const ago = (s: number) => formatAge(new Date(now.getTime() - s * 1000), now);
  expect(ago(10)).toBe("just now");
  expect(ago(180)).toBe("3 min ago");
  expect(ago(7_200)).toBe("2 h ago");
  expect(ago(86_400 * 5)).toBe("5 days ago");
  expect(ago(-60)).toBe("in the future");
});
