// Records typed with the label in a column of its own and the value after a wide gap:
//   Rapportering     Verksamhetsberättelse 2026 med måluppfyllelse,
//                    ekonomiskt utfall och volymer
//   Tidpunkt         Sammanträdet den 24 februari
//   Form             Skriftlig
// Collapsing the spaces would run label and value together ("Tidpunkt Sammanträdet …"), so such
// lines are rewritten as "Tidpunkt: Sammanträdet …" first, which the labelled-records detector
// reads; the indented lines that wrap a value stay as they are and join it there.
import { columnRoleOf, labelKeyOf } from "../../shared/lexicon/agreement-vocabulary.ts";

const spacedLabel = /^(\p{Lu}[\p{L}.\-/]*(?: [\p{L}.\-/]+){0,2})\s{3,}(\S.*)$/u;

/** A line that is a known label ("Tidpunkt", "Form", "Ansvarig", "Rapportering") and its value. */
export function spacedLabelOf(line: string): { label: string; value: string } | null {
  const match = spacedLabel.exec(line.trimEnd());
  if (!match || columnRoleOf(labelKeyOf(match[1]!)) === "unknown") return null;
  return { label: match[1]!, value: match[2]!.trim() };
}

/** Lines rewritten as "Label: value", where two or more such lines stand in one run of lines. */
export function spacedLabelLines(lines: string[]): Map<number, string> {
  const rewritten = new Map<number, string>();
  let run: Array<{ index: number; label: string; value: string }> = [];
  const close = () => {
    if (run.length >= 2) for (const r of run) rewritten.set(r.index, `${r.label}: ${r.value}`);
    run = [];
  };
  for (const [index, line] of lines.entries()) {
    if (line.trim() === "") {
      close();
      continue;
    }
    const labelled = spacedLabelOf(line);
    if (labelled) run.push({ index, ...labelled });
  }
  close();
  return rewritten;
}
