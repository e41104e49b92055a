// The JSON scripts get for a reporting item: days stay days; an item given by month is due by the
// month's last day and keeps the month it was given as.
import { describe, expect, it } from "vitest";
import { deadlineJson } from "../../../src/adapters/cli/agreement-commands.ts";
import type { DeadlineRecord } from "../../../src/agreements/agreement-store.ts";

const record = (date: string, precision: DeadlineRecord["precision"]) =>
  ({ key: "kfn-2026|x", assignmentId: 7, date, precision, title: "Månadsrapport" }) as unknown as DeadlineRecord;

describe("a reporting item as JSON", () => {
  it.each([
    ["2026-05-19", "day", "2026-05-19", undefined],
    ["2026-05", "month", "2026-05-31", "2026-05"],
    ["2026-02", "month", "2026-02-28", "2026-02"],
  ] as const)("%s (%s) → date %s, month %s", (date, precision, expectedDate, expectedMonth) => {
    const json = deadlineJson(record(date, precision)) as Record<string, unknown>;
    expect(json.date).toBe(expectedDate);
    expect(json.month).toBe(expectedMonth);
    expect(json).not.toHaveProperty("assignmentId");
  });
});
