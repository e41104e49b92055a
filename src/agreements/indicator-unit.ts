// TEMPORARY stub until the friction branch lands (same API).
export type IndicatorUnit = "count" | "share" | "amount" | "rate";
export function indicatorUnitOf(_name: string): IndicatorUnit | null {
  return null;
}
