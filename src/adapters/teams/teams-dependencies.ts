import type { ConversationReference, TurnContext } from "botbuilder";
import type { AuditLog } from "../../audit/audit-log.ts";
import type { ActivityClaims } from "../../conversation/activity-claims.ts";
import type { ConversationRepository } from "../../people/conversation-sighting.ts";
import type { BootstrapAdmins, RoleStore } from "../../people/roles.ts";
import type { StatusStore } from "../../status/status-store.ts";
import type { AgreementStore } from "../../agreements/agreement-store.ts";
import type { CorrectionStore } from "../../agreements/corrections/correct-reporting-items.ts";
import type { ImportDependencies } from "../../agreements/import-document.ts";
import type { DownloadOptions } from "./file-download.ts";
import type { SummaryNarrator } from "../../summaries/summarise.ts";
import type { DigestDeliveryStore, DigestPreferenceStore } from "../../digest/send-digests.ts";
import type { ErrorCode } from "../../shared/app-error.ts";
import type { Clock } from "../../shared/clock.ts";
import type { Logger } from "../../shared/logger.ts";
import type { QuestionEngine } from "../../questions/question-engine.ts";
import type { CardRenderer } from "./card-renderer.ts";
import type { PersonNotifier } from "./proactive-notice.ts";

/** What the Teams handlers need from the rest of the application; built by the composition root. */
export interface TeamsDependencies {
  conversations: ConversationRepository;
  /** Who handles which message or card action, shared by all instances (re-sends are answered once). */
  activityClaims: ActivityClaims;
  clock: Clock;
  logger: Logger;
  cards: CardRenderer;
  questions: QuestionEngine;
  roles: RoleStore;
  admins: BootstrapAdmins;
  /** Tenants whose activities are handled; empty = any (local development only). */
  allowedTenants: readonly string[];
  status: StatusStore;
  audit: AuditLog;
  agreements: AgreementStore;
  /** Corrections by administrators to what the reader found (the import review card). */
  corrections: CorrectionStore;
  /** Agreements administrators send as files: the same import use case as the CLI, and how the file is fetched. */
  imports: {
    dependencies: ImportDependencies;
    download: DownloadOptions;
    /** Least time between two updates of the "reading page n of m" message. */
    progressIntervalMs: number;
  };
  digest: {
    agreements: AgreementStore;
    status: StatusStore;
    deliveries: DigestDeliveryStore;
    preferences: DigestPreferenceStore;
    clock: Clock;
    horizonDays: number;
  };
  summaries: {
    /** Where download links point (the bot's public address) and the key that signs them. */
    baseUrl: string;
    secret: string;
    narrator?: SummaryNarrator;
    /** Add the generated narrative to summaries in Teams (SUMMARY_NARRATIVE=true with a language model). */
    narrate: boolean;
  };
  classifyError(error: unknown): ErrorCode;
  /**
   * Runs work after the turn has answered, in the same conversation (a long import); absent where the
   * bot has no connector (in-process tests), and then the work runs within the turn.
   */
  continueLater?: (reference: Partial<ConversationReference>, work: (context: TurnContext) => Promise<void>) => void;
  /** Posts into other people's personal chats (reopen requests); absent where the bot has no connector (in-process tests). */
  notifier?: PersonNotifier;
  /** How long one turn may take before it answers "the database is unavailable" (TURN_BUDGET_MS). */
  turnBudgetMs: number;
}
