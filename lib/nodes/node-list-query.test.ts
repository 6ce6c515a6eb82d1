import { describe, expect, it } from "vitest";
import { NodeListQueryError, nodeListSearch, parseNodeListQuery } from "./node-list-query";

describe("parseNodeListQuery", () => {
  it("fills defaults and ignores empty fields and the download format", () => {
    const q = parseNodeListQuery(new URLSearchParams("status=&q=&format=csv"));
    expect(q).toEqual({ page: 1, size: 50, sort: "id", dir: "asc" });
  });

  it("sorts numbers descending by default and honours an explicit direction", () => {
    expect(parseNodeListQuery({ sort: "stake" }).dir).toBe("desc");
    expect(parseNodeListQuery({ sort: "stake", dir: "asc" }).dir).toBe("asc");
  });

  it("normalises addresses, countries and text", () => {
    const q = parseNodeListQuery({ operator: " 0xABCDEFabcdefABCDEFabcdefABCDEFabcdefABCD ", country: "de", q: "  1.2.3.4 ", page: "3", size: "100" });
    expect(q).toMatchObject({ operator: "0xabcdefabcdefabcdefabcdefabcdefabcdefabcd", country: "DE", q: "1.2.3.4", page: 3, size: 100 });
  });

  it("names every bad parameter", () => {
    let error: unknown;
    try {
      parseNodeListQuery({ page: "0", size: "7", sort: "colour", status: "happy", operator: "0x12", contributors: "some" });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(NodeListQueryError);
    const issues = (error as NodeListQueryError).issues.join("\n");
    expect(issues).toMatch(/^page must be 1 or more$/m);
    expect(issues).toMatch(/^size must be one of 25, 50, 100$/m);
    expect(issues).toMatch(/^sort must be one of id, stake/m);
    expect(issues).toMatch(/^status must be one of active/m);
    expect(issues).toMatch(/^operator must be a 0x address/m);
    expect(issues).toMatch(/^contributors must be "solo" or "multi"$/m);
  });

  it("refuses a page that is not a number", () => {
    expect(() => parseNodeListQuery({ page: "two" })).toThrow(/page must be a whole number/);
  });
});

describe("nodeListSearch", () => {
  it("round-trips a view and leaves defaults out", () => {
    const q = parseNodeListQuery({ status: "active", country: "fr", sort: "stake", page: "2" });
    const search = nodeListSearch(q);
    expect(search).toBe("?page=2&sort=stake&status=active&country=FR");
    expect(parseNodeListQuery(new URLSearchParams(search))).toEqual(q);
  });

  it("applies changes such as the next page or another sort", () => {
    const q = parseNodeListQuery({ sort: "stake", page: "4" });
    expect(nodeListSearch(q, { page: 1, sort: "country", dir: "asc" })).toBe("?sort=country");
    expect(nodeListSearch(q, { page: 5 })).toBe("?page=5&sort=stake");
  });
});
