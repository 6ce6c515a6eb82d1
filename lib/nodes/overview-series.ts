/** Days the overview charts. */
export const OVERVIEW_SERIES_DAYS = 90;
