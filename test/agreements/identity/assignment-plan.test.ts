// The plan a new version of an agreement makes for its assignments, before anything is stored:
// which rows go on (and so keep their statuses), which are retired, and which are new and under what key.
import { describe, expect, it } from "vitest";
import type { AssignmentModel } from "../../../src/agreements/agreement-model.ts";
import { planAssignments, type StoredAssignment } from "../../../src/agreements/identity/reimport-plan.ts";

function model(key: string, fields: Partial<AssignmentModel>): AssignmentModel {
  return {
    key,
    ordinal: 0,
    kind: "sarskilt_uppdrag",
    number: null,
    title: "Uppdrag",
    description: "",
    section: null,
    startDate: null,
    endDate: null,
    committees: [],
    ...fields,
  } as AssignmentModel;
}

const row = (id: string, key: string, fields: Partial<StoredAssignment> = {}): StoredAssignment => ({
  id,
  key,
  kind: "sarskilt_uppdrag",
  number: null,
  title: "Uppdrag",
  ...fields,
});

describe("the plan for the assignments of a new version", () => {
  const existing = [
    row("r1", "su-5-1", { number: "5.1", title: "Meröppet bibliotek i Strandby" }),
    row("r2", "su-5-2", { number: "5.2", title: "Fler flickor i föreningslivet" }),
    row("r3", "su-5-3", { number: "5.3", title: "Kulturnatten" }),
  ];
  const next = [
    // Read with another title and so another key (a reader change): same kind and number, so the same assignment.
    model("su-5-1-meroppna", { number: "5.1", title: "Meröppna bibliotek i Strandby och Norrhamn" }),
    model("su-5-2", { number: "5.2", title: "Fler flickor i föreningslivet" }),
    model("su-5-4", { number: "5.4", title: "Havsbyfestivalen" }),
  ];
  const plan = planAssignments(next, existing);

  it("keeps the stored rows the new version still has, by key or by kind and number", () => {
    expect(plan.kept.map(({ model, row }) => [model.number, row.id])).toEqual([
      ["5.1", "r1"],
      ["5.2", "r2"],
    ]);
  });

  it("retires the rows no model matches and adds the new one", () => {
    expect(plan.retired.map((r) => r.id)).toEqual(["r3"]);
    expect(plan.fresh.map(({ model, storedKey }) => [model.number, storedKey])).toEqual([["5.4", "su-5-4"]]);
  });

  it("adds everything on a first import", () => {
    const first = planAssignments(next, []);
    expect(first.kept).toEqual([]);
    expect(first.fresh.map((f) => f.storedKey)).toEqual(["su-5-1-meroppna", "su-5-2", "su-5-4"]);
  });
});
