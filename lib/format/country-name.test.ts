import { expect, it } from "vitest";
import { countryName } from "./country-name";

it("names countries from their ISO code and keeps what it cannot name", () => {
  expect(countryName("de")).toBe("Germany");
  expect(countryName("NL")).toBe("Netherlands");
  expect(countryName("??")).toBe("??");
});
