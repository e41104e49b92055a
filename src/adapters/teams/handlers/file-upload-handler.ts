// An administrator sends an agreement as a file in the personal chat: the bot downloads that one file
// from the Teams attachment, imports it through the same use case as the CLI's `import`, shows how far
// it has read, and answers with the import review card. Anyone else is refused before anything is
// fetched; images and other attachments get a note on what to send instead.
import { TurnContext, type Activity, type Attachment } from "botbuilder";
import { importDocument, type ImportResult } from "../../../agreements/import-document.ts";
import { auditActor } from "../../../audit/audit-log.ts";
import { detectLanguage, type Language } from "../../../shared/language.ts";
import { translate, type MessageKey } from "../../../shared/messages/translate.ts";
import { userMessageFor } from "../error-message.ts";
import { downloadFile, DownloadError } from "../file-download.ts";
import type { TeamsDependencies } from "../teams-dependencies.ts";
import { isSharedConversation } from "../turn-facts.ts";
import { knownLanguage } from "../turn-language.ts";
import type { Actor } from "../../../people/roles.ts";
import { actingPerson } from "./acting-person.ts";
import { reviewCard } from "./review-handlers.ts";

/** What Teams sends for a file a person attaches in a personal chat with a bot that supports files. */
export const fileDownloadInfo = "application/vnd.microsoft.teams.file.download.info";

/** Attachments that are only the message itself (its HTML copy) or a card, not something sent along. */
const notSentFiles = new Set(["text/html", "text/plain", "application/vnd.microsoft.card.adaptive"]);

/** File types worth downloading; anything else is refused from its name alone. */
const importableTypes = new Set(["pdf", "docx", "doc", "txt", "md"]);

interface FileDownloadContent {
  downloadUrl?: unknown;
  fileType?: unknown;
}

/** True for a message that carries a file or an image rather than (only) text. */
export function carriesAttachments(activity: Partial<Activity>): boolean {
  return activity.type === "message" && (activity.attachments ?? []).some((a) => !notSentFiles.has(a.contentType));
}

function fileTypeOf(attachment: Attachment): string {
  const declared = (attachment.content as FileDownloadContent | undefined)?.fileType;
  if (typeof declared === "string" && declared) return declared.toLowerCase().replace(/^\./, "");
  return /\.([a-z0-9]+)$/i.exec(attachment.name ?? "")?.[1]?.toLowerCase() ?? "";
}

function downloadUrlOf(attachment: Attachment): string | undefined {
  const url = (attachment.content as FileDownloadContent | undefined)?.downloadUrl;
  return typeof url === "string" && url ? url : undefined;
}

/** Shows how far the import has read by updating one message, at most once per interval. */
function progressReporter(
  context: TurnContext,
  deps: TeamsDependencies,
  language: Language,
  name: string,
  messageId: string | undefined,
) {
  let lastMs = Date.now();
  const update = async (text: string) => {
    if (!messageId) return;
    try {
      await context.updateActivity({ id: messageId, type: "message", text });
    } catch (error) {
      // Progress is a courtesy: a channel that cannot update messages still gets the result.
      deps.logger.debug({ err: error }, "could not update the progress message");
    }
  };
  return {
    onProgress: (page: number, pages: number) => {
      const now = Date.now();
      if (now - lastMs < deps.imports.progressIntervalMs || page >= pages) return;
      lastMs = now;
      void update(translate(language, "upload.progress", { name, page, pages }));
      void context.sendActivity({ type: "typing" }).catch(() => undefined);
    },
    done: (text: string) => update(text),
  };
}

function rejectionText(
  language: Language,
  result: Extract<ImportResult, { ok: false }>,
  deps: TeamsDependencies,
): string {
  const known = `import.rejected.${result.reason}` as MessageKey;
  let reason: string;
  try {
    reason = translate(language, known);
  } catch {
    // A reason added to the extractor later, with no message here yet: its own (English) text.
    reason = result.message;
  }
  if (result.reason === "too_large")
    reason = translate(language, "upload.download.tooLarge", {
      max: Math.round(deps.imports.download.maxBytes / 1024 / 1024),
    });
  return reason;
}

function downloadFailureText(language: Language, error: DownloadError, deps: TeamsDependencies): string {
  const { maxBytes, timeoutMs } = deps.imports.download;
  switch (error.reason) {
    case "too_large":
      return translate(language, "upload.download.tooLarge", { max: Math.round(maxBytes / 1024 / 1024) });
    case "timeout":
      return translate(language, "upload.download.timeout", { seconds: Math.round(timeoutMs / 1000) });
    case "refused":
      return translate(language, "upload.download.refused");
    case "failed":
      return translate(language, "upload.download.failed");
  }
}

/**
 * Handles a message with attachments. The checks run in the turn; the download and import, which for
 * a long agreement take longer than Teams waits for an answer, run after the turn has answered, in
 * the same conversation (where the bot has a connector; in-process tests run them in the turn).
 */
export function fileUploadHandler(deps: TeamsDependencies) {
  return async (context: TurnContext): Promise<void> => {
    const language = detectLanguage(context.activity.text, knownLanguage(context));
    try {
      await handleUpload(context, deps, language);
    } catch (error) {
      const code = deps.classifyError(error);
      deps.logger.error(
        { err: error, handler: "file upload", code, activityId: context.activity.id },
        "handler failed",
      );
      await context.sendActivity(userMessageFor(language, error, code)).catch(() => undefined);
    }
  };
}

async function handleUpload(context: TurnContext, deps: TeamsDependencies, language: Language): Promise<void> {
  const person = await actingPerson(deps, context);
  if (!person) {
    await context.sendActivity(translate(language, "upload.unknownUser"));
    return;
  }
  if (!person.permissions.isAdmin) {
    deps.logger.info(
      { activityId: context.activity.id, from: person.actor.aadObjectId },
      "file from someone who is not an administrator; not downloaded",
    );
    await context.sendActivity(translate(language, "upload.notAdmin"));
    return;
  }
  if (isSharedConversation(context.activity)) {
    await context.sendActivity(translate(language, "upload.personalOnly"));
    return;
  }
  const files = (context.activity.attachments ?? []).filter(
    (a) => a.contentType === fileDownloadInfo && downloadUrlOf(a),
  );
  const file = files[0];
  if (!file || !importableTypes.has(fileTypeOf(file))) {
    await context.sendActivity(translate(language, "upload.wrongType"));
    return;
  }
  const name = (file.name ?? `fil.${fileTypeOf(file)}`).slice(0, 200);
  if (files.length > 1) await context.sendActivity(translate(language, "upload.oneAtATime", { name }));

  await context.sendActivity({ type: "typing" });
  const started = await context.sendActivity(translate(language, "upload.reading", { name }));
  const job: ImportJob = { url: downloadUrlOf(file)!, name, messageId: started?.id, actor: person.actor, language };
  if (!deps.continueLater) return importAttachment(context, deps, job);
  deps.continueLater(TurnContext.getConversationReference(context.activity), async (later) => {
    try {
      await importAttachment(later, deps, job);
    } catch (error) {
      const code = deps.classifyError(error);
      deps.logger.error({ err: error, handler: "file upload", code }, "import of a sent file failed");
      await later.sendActivity(userMessageFor(language, error, code)).catch(() => undefined);
    }
  });
}

interface ImportJob {
  url: string;
  name: string;
  /** The "reading …" message, updated with progress and the outcome. */
  messageId: string | undefined;
  actor: Actor;
  language: Language;
}

/** Downloads the attachment and imports it; works with the turn's context or a later one. */
async function importAttachment(context: TurnContext, deps: TeamsDependencies, job: ImportJob): Promise<void> {
  const { name, language } = job;
  const progress = progressReporter(context, deps, language, name, job.messageId);

  let bytes: Buffer;
  try {
    bytes = await downloadFile(job.url, deps.imports.download);
  } catch (error) {
    if (!(error instanceof DownloadError)) throw error;
    deps.logger.info({ reason: error.reason, detail: error.message, file: name }, "attachment not downloaded");
    const text = translate(language, "upload.failed", { name, reason: downloadFailureText(language, error, deps) });
    await progress.done(text);
    await context.sendActivity(text);
    return;
  }

  const result = await importDocument({ name, bytes }, deps.imports.dependencies, { onProgress: progress.onProgress });
  if (!result.ok) {
    deps.logger.info({ reason: result.reason, detail: result.message, file: name }, "attachment not imported");
    const text = translate(language, "upload.failed", { name, reason: rejectionText(language, result, deps) });
    await progress.done(text);
    await context.sendActivity(text);
    return;
  }
  const { outcome } = result;
  if (outcome.status !== "unchanged") {
    // Who changed what the bot answers from, and when: the same entry as an import from the CLI.
    await deps.audit.record({
      at: deps.clock.now(),
      ...auditActor({ kind: "person", actor: job.actor, isAdmin: true }),
      action: "import",
      subject: outcome.agreementId ?? outcome.documentId,
      detail: {
        file: name,
        status: outcome.status,
        version: outcome.version,
        kind: outcome.agreementId ? "agreement" : "document",
        via: "teams",
      },
    });
  }
  await progress.done(translate(language, "upload.done", { name }));
  if (result.vectors?.status === "pending")
    await context.sendActivity(translate(language, "upload.vectorsPending", { name }));
  if (!outcome.agreementId) {
    await context.sendActivity(translate(language, "import.notAgreement", { name }));
    return;
  }
  const notice =
    outcome.status === "unchanged"
      ? { text: translate(language, "import.unchanged"), colour: "Default" as const }
      : outcome.status === "replaced"
        ? { text: translate(language, "import.replaced", { version: outcome.version ?? "?" }), colour: "Good" as const }
        : { text: translate(language, "import.created"), colour: "Good" as const };
  const card = await reviewCard(deps, language, outcome.agreementId, 1, notice);
  await context.sendActivity({ attachments: [deps.cards.attachment(card.name, card.data)] });
}
