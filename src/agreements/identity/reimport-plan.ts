// What a new version of an agreement keeps from the stored one. Assignments and reporting items
// keep their identity (row and key) across re-imports and reader changes, because status updates
// hang on them: a title read differently or a form corrected must never detach a status history.
import { fold } from "../../shared/text/fold.ts";
import type { AssignmentModel, ReportingItemModel } from "../agreement-model.ts";

function bigrams(text: string): Set<string> {
  const clean = fold(text).replace(/[^a-z0-9]/g, "");
  const result = new Set<string>();
  for (let i = 0; i < clean.length - 1; i++) result.add(clean.slice(i, i + 2));
  return result;
}

/** Dice similarity of two titles over letter pairs (0–1), robust to OCR damage and rewording. */
export function titleSimilarity(a: string, b: string): number {
  const x = bigrams(a);
  const y = bigrams(b);
  if (x.size === 0 || y.size === 0) return 0;
  let shared = 0;
  for (const gram of x) if (y.has(gram)) shared++;
  return (2 * shared) / (x.size + y.size);
}

export interface StoredAssignment {
  id: string;
  key: string;
  kind: string;
  number: string | null;
  title: string;
}

/** What becomes of every assignment when a new version is stored: the store carries the plan out. */
export interface AssignmentPlan<T> {
  /** A stored row that goes on as the model's assignment (its id and key, so its statuses, are kept). */
  kept: Array<{ model: AssignmentModel; row: T }>;
  /** Stored rows no model matches: they are kept, inactive, with their history. */
  retired: T[];
  /** Models that are new, with the key to store them under (one no stored row has, "key~2" if taken). */
  fresh: Array<{ model: AssignmentModel; storedKey: string }>;
}

/** Decides which stored assignments a new version keeps, which it retires and which it adds. */
export function planAssignments<T extends StoredAssignment>(next: AssignmentModel[], existing: T[]): AssignmentPlan<T> {
  const matches = matchAssignments(next, existing);
  const kept = next.flatMap((model) => {
    const row = matches.get(model.key);
    return row ? [{ model, row }] : [];
  });
  const matched = new Set(kept.map(({ row }) => row.id));
  const retired = existing.filter((row) => !matched.has(row.id));
  const usedKeys = new Set(existing.map((row) => row.key));
  const fresh = next
    .filter((model) => !matches.has(model.key))
    .map((model) => {
      let storedKey = model.key;
      for (let n = 2; usedKeys.has(storedKey); n++) storedKey = `${model.key}~${n}`;
      usedKeys.add(storedKey);
      return { model, storedKey };
    });
  return { kept, retired, fresh };
}

/**
 * Pairs the assignments of a new version with the stored ones: same key, else same kind and
 * number, else a clearly similar title.
 */
export function matchAssignments<T extends StoredAssignment>(next: AssignmentModel[], existing: T[]): Map<string, T> {
  const result = new Map<string, T>();
  const free = new Set(existing);
  const take = (model: AssignmentModel, row: T | undefined) => {
    if (!row) return;
    result.set(model.key, row);
    free.delete(row);
  };
  for (const model of next)
    take(
      model,
      [...free].find((row) => row.key === model.key),
    );
  for (const model of next)
    if (!result.has(model.key) && model.number)
      take(
        model,
        [...free].find((row) => row.kind === model.kind && row.number === model.number),
      );
  for (const model of next) {
    if (result.has(model.key)) continue;
    const best = [...free]
      .filter((row) => row.kind === model.kind)
      .map((row) => ({ row, score: titleSimilarity(row.title, model.title) }))
      .sort((a, b) => b.score - a.score)[0];
    if (best && best.score >= 0.8) take(model, best.row);
  }
  return result;
}

export interface StoredReportingItem {
  key: string;
  /** The stored assignment key it belonged to. */
  assignmentKey: string | null;
  title: string;
  date: string | null;
  meetingDate: string | null;
  submissionDate: string | null;
  periodCode: string | null;
  occasion: string | null;
  recurrence: string | null;
  section: string | null;
}

/**
 * The key each new reporting item keeps. An item is the same item when it belongs to the same
 * assignment and names the same occasion: the same date (or meeting or due date), or for undated
 * follow-up the same period; failing that, the same section, date and a similar title. New items
 * get fresh keys that do not collide with stored ones.
 */
export function matchReportingItems(
  next: ReportingItemModel[],
  existing: StoredReportingItem[],
  /** New assignment key → stored assignment key, from matchAssignments. */
  assignmentKeys: Map<string, string>,
): Map<string, string> {
  const result = new Map<string, string>();
  const free = new Set(existing);
  const ownerOf = (item: ReportingItemModel) =>
    item.assignmentKey ? (assignmentKeys.get(item.assignmentKey) ?? item.assignmentKey) : null;
  const take = (item: ReportingItemModel, row: StoredReportingItem | undefined) => {
    if (!row || result.has(item.key)) return;
    result.set(item.key, row.key);
    free.delete(row);
  };
  const sameOccasion = (item: ReportingItemModel, row: StoredReportingItem) =>
    item.date !== null
      ? row.date === item.date ||
        (item.meetingDate !== null && row.meetingDate === item.meetingDate) ||
        (item.submissionDate !== null && row.submissionDate === item.submissionDate)
      : row.date === null &&
        (row.periodCode ?? row.occasion ?? row.recurrence) === (item.periodCode ?? item.occasion ?? item.recurrence);
  // Several items of one assignment can share a date (an oral and a written one): the closest title decides.
  const closest = (item: ReportingItemModel, rows: StoredReportingItem[]) =>
    rows.sort((a, b) => titleSimilarity(b.title, item.title) - titleSimilarity(a.title, item.title))[0];
  for (const item of next)
    take(
      item,
      [...free].find((row) => row.key === item.key),
    );
  for (const item of next) {
    if (result.has(item.key) || !ownerOf(item)) continue;
    take(
      item,
      closest(
        item,
        [...free].filter((row) => row.assignmentKey === ownerOf(item) && sameOccasion(item, row)),
      ),
    );
  }
  for (const item of next) {
    if (result.has(item.key)) continue;
    const candidates = [...free].filter(
      (row) => row.section === item.section && sameOccasion(item, row) && titleSimilarity(row.title, item.title) >= 0.5,
    );
    take(item, closest(item, candidates));
  }
  const used = new Set([...existing.map((row) => row.key), ...result.values()]);
  for (const item of next) {
    if (result.has(item.key)) continue;
    let key = item.key;
    for (let n = 2; used.has(key); n++) key = `${item.key}~${n}`;
    used.add(key);
    result.set(item.key, key);
  }
  return result;
}
