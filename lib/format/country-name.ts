const names = new Intl.DisplayNames(["en"], { type: "region" });

/** "DE" -> "Germany"; an unknown or malformed code is shown as given. */
export function countryName(code: string): string {
  try {
    return names.of(code.toUpperCase()) ?? code;
  } catch {
    return code;
  }
}
