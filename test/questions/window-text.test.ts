// The reader folds each passage once and joins the folds, and counts a window's digits without
// regular expressions; both must give what folding and counting the joined text gave.
import { describe, expect, it } from "vitest";
import { digitShare, foldedWindowText } from "../../src/questions/answer-content.ts";
import type { IndexedPassage } from "../../src/questions/search-index.ts";
import { fold } from "../../src/shared/text/fold.ts";

const passage = (text: string) => ({ text }) as IndexedPassage;

describe("a window's text folded passage by passage", () => {
  it.each([
    [["Socialnämnden ska lämna", "6verenskommelsen gäller"]],
    [["Uppf6ljning av &rsredovisning", "f&r", "&"]],
    [["STATUS FÖR ÅRET", "Ærø og Øster"]],
    [["ending with 6", "6", "@ntal deltagare 2025"]],
    [["ΟΔΟΣ", "ΣΑΣ"]],
    [["e\u0301 combining", "\u0301starts with a mark"]],
    [["Plain ASCII only", "and digits 12 345"]],
  ])("%j folds as the joined text does", (texts) => {
    const window = texts.map(passage);
    expect(foldedWindowText(window)).toBe(fold(texts.join(" ")));
  });

  it("gives the same fold again from the passages it has folded before", () => {
    const window = [passage("Målgruppen är personer 18-64 år"), passage("Insatsens längd")];
    const first = foldedWindowText(window);
    expect(foldedWindowText(window)).toBe(first);
    expect(foldedWindowText([window[1]!, window[0]!])).toBe(fold("Insatsens längd Målgruppen är personer 18-64 år"));
  });
});

describe("the share of digits in a window", () => {
  const byExpressions = (text: string) =>
    (text.match(/\d/g) ?? []).length / Math.max(1, text.replace(/\s/g, "").length);
  it.each([
    "",
    "   ",
    "Budget 2025: 3 250 tkr",
    "1\u00a02\u20093\u3000 4\ufeff5\u20286\n7\t8\u000b9",
    "٣ Arabic-Indic digits are not \\d",
    "Ersättning 815 tkr per år, 2025-01-01 – 2025-12-31",
  ])("%j", (text) => {
    expect(digitShare(text)).toBe(byExpressions(text));
  });
});
