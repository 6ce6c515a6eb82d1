import { expect, it } from "vitest";
import { cumulativeSeries } from "./cumulative-series";

it("adds up each column from an opening balance", () => {
  const rows = [
    { day: "d1", released: 5n, claimed: 0n },
    { day: "d2", released: 7n, claimed: 3n },
  ];
  expect(cumulativeSeries(rows, ["released", "claimed"], { released: 100n }).map((r) => r.cumulative)).toEqual([
    { released: 105n, claimed: 0n },
    { released: 112n, claimed: 3n },
  ]);
});
