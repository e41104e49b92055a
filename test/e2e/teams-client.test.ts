// The bot as a Teams user meets it: the real bot process and the Microsoft 365 Agents Playground
// (a Teams client emulator) in headless Chromium. Screenshots land in test-results/e2e/.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import BetterSqlite3 from "better-sqlite3";
import mammoth from "mammoth";
import {
  e2eClockStart,
  listeningAddresses,
  startPlaygroundSession,
  type PlaygroundSession,
} from "../support/playground.ts";
import { composeServices } from "../../src/composition-root.ts";
import { loadConfig } from "../../src/config/config.ts";
import { silentLogger } from "../../src/shared/logger.ts";
import { importSeeds } from "../support/seeded-corpus.ts";
import { careAgreementDocx, followUpAgreementText } from "../fixtures/agreement-fixtures.ts";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { composeTeams } from "../../src/teams-composition.ts";
import { importDocument } from "../../src/agreements/import-document.ts";
import { grantRole } from "../../src/people/manage-roles.ts";
import { calendarDate } from "../../src/shared/text/swedish-dates.ts";
import { isoWeekOf } from "../../src/digest/iso-week.ts";

const ANNA_AAD_OBJECT_ID = "00000000-0000-0000-0000-0000000a0001";
const EVA_AAD_OBJECT_ID = "00000000-0000-0000-0000-0000000e0005";

describe("the bot in a real Teams client (Agents Playground)", () => {
  let session: PlaygroundSession;
  beforeAll(async () => {
    // Reminders and digests are sent by the test itself (the same call the schedule makes), so their timing is known.
    session = await startPlaygroundSession({
      env: { REMINDER_SCHEDULE: "off", DIGEST_SCHEDULE: "off", IMPORT_DOWNLOAD_ALLOW_LOOPBACK_HTTP: "true" },
    });
    await session.open();
  }, 120_000);
  afterAll(async () => {
    await session?.close();
  });

  it("listens only on loopback: the bot and the Teams client", () => {
    expect(listeningAddresses(session.ports.bot)).toEqual(["127.0.0.1"]);
    expect(listeningAddresses(session.ports.playground)).toEqual(["127.0.0.1"]);
  });

  it("shows the Swedish welcome card when the app is installed in the personal chat", async () => {
    const welcome = await session.waitForCount(session.cards("Hej! Jag är Uppföljningsboten"));
    expect(await welcome.innerText()).toContain("Det här kan du skriva till mig");
    await session.screenshot("01-welcome-card");
  });

  it("posts hjälp from the welcome card's Hjälp button and answers with the help card", async () => {
    const welcome = await session.waitForCount(session.cards("Hej! Jag är Uppföljningsboten"));
    await welcome.getByRole("button", { name: "Hjälp" }).click();
    const help = await session.waitForCount(session.cards("Ställ en fråga om överenskommelserna"));
    expect(await help.innerText()).toContain("Visar vad jag kan och hur du frågar.");
    await session.screenshot("01b-welcome-help-button");
  });

  it("answers hjälp with the Swedish help card", async () => {
    await session.send("hjälp");
    const help = await session.waitForCount(session.cards("Ställ en fråga om överenskommelserna"));
    expect(await help.innerText()).toContain("Visar vad jag kan och hur du frågar.");
    await session.screenshot("02-help-swedish");
  });

  it("answers an English message in English", async () => {
    await session.send("What can you do?");
    const help = await session.waitForCount(session.cards("Ask about the agreements in your own words"));
    expect(await help.innerText()).toContain("Shows what I can do and how to ask.");

    await session.send("What does the agreement say about snow clearing?");
    const reply = await session.waitForCount(
      session.botMessages().filter({ hasText: "I found nothing in the agreements" }),
    );
    expect(await reply.innerText()).toContain("won't guess");
    await session.screenshot("03-english");
  });

  it("answers a greeting with the help card", async () => {
    await session.send("Hi, what can you do?");
    const help = await session.waitForCount(session.cards("Ask about the agreements in your own words"), 2);
    expect(await help.innerText()).toContain("Shows what I can do and how to ask.");
    await session.screenshot("03b-greeting-help");
  });

  it("answers deadline and content questions from imported agreements, with sources", async () => {
    // Import the seed agreements into the running bot's database, as an administrator would.
    const services = await composeServices(
      loadConfig({ DATABASE_URL: session.databaseUrl, UPPFOLJNING_CLOCK_START: e2eClockStart.toISOString() }),
      {
        logger: silentLogger,
      },
    );
    try {
      await importSeeds(services);
    } finally {
      await services.close();
    }
    await session.send("vad ska redovisas i april 2026?");
    const card = await session.waitForCount(session.cards("Redovisningar i april 2026"));
    const cardText = await card.innerText();
    expect(cardText).toContain("2026-04-02");
    expect(cardText).toContain("Mottagande av flyktingar");
    expect(cardText).toContain("2026-04-23");
    await session.screenshot("04-deadline-card");

    await session.send("What is the target group for Jobbtorg?");
    const content = await session.waitForCount(session.botMessages().filter({ hasText: "18-64" }));
    expect(await content.innerText()).toContain("section 3.1");
    await session.screenshot("05-content-answer");

    // Something the agreements do not say: the honest reply, in the asker's language.
    await session.send("What are the swimming pool's opening hours on Christmas Eve?");
    await session.waitForCount(session.botMessages().filter({ hasText: "I found nothing in the agreements" }));
    await session.screenshot("05b-honest-reply");
  });

  it("stored the person it talked to, with tenant and conversation, for proactive messages", () => {
    const db = new BetterSqlite3(session.databaseUrl.slice("file:".length), { readonly: true });
    try {
      const person = db.prepare('SELECT * FROM "Person" WHERE "aadObjectId" = ?').get(ANNA_AAD_OBJECT_ID) as Record<
        string,
        unknown
      >;
      expect(person).toMatchObject({ tenantId: "tenant-nykoping", displayName: "Anna Andersson", language: "en" });
      const chat = db
        .prepare('SELECT * FROM "ConversationReference" WHERE "personId" = ? AND "conversationType" = ?')
        .get(person.id, "personal") as Record<string, unknown>;
      expect(JSON.parse(chat.reference as string)).toMatchObject({
        serviceUrl: expect.stringContaining("127.0.0.1"),
        conversation: { id: expect.any(String) },
      });
    } finally {
      db.close();
    }
  });

  it("lets a chief report status through the card, edit it, and get a reminder; refuses without the role", async () => {
    const today = calendarDate(e2eClockStart);
    const due = new Date(Date.parse(`${today}T12:00:00Z`) + 7 * 86_400_000).toISOString().slice(0, 10);
    const services = await composeServices(
      loadConfig({ DATABASE_URL: session.databaseUrl, UPPFOLJNING_CLOCK_START: e2eClockStart.toISOString() }),
      {
        logger: silentLogger,
      },
    );
    try {
      const imported = await importDocument(
        { name: "amn-daf.txt", bytes: Buffer.from(followUpAgreementText(today)) },
        services.importDependencies,
      );
      expect(imported.ok).toBe(true);

      await session.send("lämna status");
      const refusal = await session.waitForCount(session.cards("Jag kan tyvärr inte ta emot status från dig"));
      expect(await refusal.innerText()).toContain("ingen roll som divisionschef eller ombud");

      await grantRole(
        services,
        { kind: "operator", name: "e2e" },
        {
          tenantId: "tenant-nykoping",
          aadObjectId: ANNA_AAD_OBJECT_ID,
          displayName: "Anna Andersson",
          role: "chief",
          scope: "DAF",
        },
      );
      // The morning reminder run, as the scheduler does it: a proactive card in Anna's personal chat.
      const { sendReminders } = composeTeams(services);
      const report = await sendReminders();
      expect(report).toMatchObject({ sent: 1, failed: 0 });
      const reminder = await session.waitForCount(session.cards(`Påminnelse: status senast ${due}`));
      expect(await reminder.innerText()).toContain("Grunduppdrag Vägledning till arbete");
      await session.screenshot("06-status-reminder");

      await reminder.getByRole("button", { name: "Rapportera" }).click();
      const form = await session.waitForCount(session.cards("Status: 2 Grunduppdrag Vägledning till arbete"));
      await form.getByRole("radio", { name: "Risk" }).check();
      await form
        .getByLabel("Vad har gjorts, avvikelser och nästa steg")
        .fill("Tolv kvinnor och nio män i praktik; två platser saknas.");
      await form.getByLabel("Kvinnor (antal)").fill("12");
      await form.getByLabel("Män (antal)", { exact: true }).fill("9");
      await session.screenshot("07-status-form");
      await form.getByRole("button", { name: "Skicka status" }).click();
      const receipt = await session.waitForCount(session.cards("Status sparad"));
      const receiptText = await receipt.innerText();
      expect(receiptText).toContain("● Risk");
      expect(receiptText).toContain("Anna Andersson");
      expect(receiptText).toMatch(/12[\s\S]*9[\s\S]*21/);
      await session.screenshot("08-status-receipt");

      await receipt.getByRole("button", { name: "Ändra" }).click();
      const editForm = await session.waitForCount(session.cards("Du ändrar version 1"));
      await editForm.getByRole("radio", { name: "Enligt plan" }).check();
      await editForm.getByLabel("Vad har gjorts, avvikelser och nästa steg").fill("Alla platser tillsatta.");
      await editForm.getByRole("button", { name: "Skicka status" }).click();
      const edited = await session.waitForCount(session.cards("Senast ändrad av"));
      expect(await edited.innerText()).toContain("● Enligt plan");
      await session.screenshot("09-status-edited");
    } finally {
      await services.close();
    }

    const db = new BetterSqlite3(session.databaseUrl.slice("file:".length), { readonly: true });
    try {
      const updates = db.prepare('SELECT * FROM "StatusUpdate"').all() as Array<Record<string, unknown>>;
      expect(updates).toHaveLength(1);
      expect(updates[0]).toMatchObject({
        status: "on_track",
        version: 2,
        text: "Alla platser tillsatta.",
        authorAadObjectId: ANNA_AAD_OBJECT_ID,
        dueDate: due,
      });
      expect(JSON.parse(updates[0]!.indicatorValues as string)).toEqual([
        { indicator: "Antal deltagare i praktik", ordinal: 0, women: 12, men: 9, total: 21 },
      ]);
      const revisions = db.prepare('SELECT version, status, editorName FROM "StatusRevision" ORDER BY version').all();
      expect(revisions).toEqual([
        { version: 1, status: "at_risk", editorName: "Anna Andersson" },
        { version: 2, status: "on_track", editorName: "Anna Andersson" },
      ]);
    } finally {
      db.close();
    }
  });

  it("gives the chief the helår summary card, with a Word download that opens", async () => {
    const year = calendarDate(e2eClockStart).slice(0, 4);
    await session.send(`sammanfattning helår ${year}`);
    const card = await session.waitForCount(session.cards(`Helårsuppföljning ${year}: Överenskommelse ${year}`));
    const text = await card.innerText();
    expect(text).toContain("1 enligt plan, 0 risk, 0 försenade, 0 klara, 0 utan uppdatering (av 1 uppdrag och mål)");
    expect(text).toContain("Alla platser tillsatta.");
    await session.screenshot("10-summary-card");
    // Action.OpenUrl is rendered as a link button that shows its address; open that address as the browser would.
    const url = (await card.getByRole("link", { name: "Ladda ner Word" }).getAttribute("title")) ?? "";
    expect(url).toMatch(new RegExp(`^${session.botUrl}/downloads/summary\\?`));
    const response = await fetch(url);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-disposition")).toContain(`sammanfattning-amn-daf-${year}-helar-${year}.docx`);
    const { value } = await mammoth.extractRawText({ buffer: Buffer.from(await response.arrayBuffer()) });
    expect(value).toContain("2 Grunduppdrag Vägledning till arbete");
    expect(value).toContain("Alla platser tillsatta.");
    const forged = await fetch(url.replace(/sig=[^&]+/, "sig=forged"));
    expect(forged.status).toBe(403);
  });

  it("delivers the weekly digest card to an expert, once per week", async () => {
    const services = await composeServices(
      loadConfig({ DATABASE_URL: session.databaseUrl, UPPFOLJNING_CLOCK_START: e2eClockStart.toISOString() }),
      {
        logger: silentLogger,
      },
    );
    try {
      await grantRole(
        services,
        { kind: "operator", name: "e2e" },
        {
          tenantId: "tenant-nykoping",
          aadObjectId: ANNA_AAD_OBJECT_ID,
          displayName: "Anna Andersson",
          role: "expert",
          scope: "AMN",
        },
      );
      const { sendDigests } = composeTeams(services);
      expect(await sendDigests()).toMatchObject({ sent: 1, failed: 0, unknown: 0 });
      expect(await sendDigests()).toMatchObject({ sent: 0, alreadyClaimed: 1 }); // the same week again: nothing new goes out
    } finally {
      await services.close();
    }
    const week = Number(isoWeekOf(calendarDate(e2eClockStart)).slice(-2));
    const digest = await session.waitForCount(session.cards(`Veckans uppföljning, vecka ${week}`));
    const text = await digest.innerText();
    expect(text).toContain("Kommande 14 dagar");
    expect(text).toContain("Nytt sedan förra veckan (1)");
    expect(text).toContain("Alla platser tillsatta.");
    await session.screenshot("11-weekly-digest");
    expect(await session.cards(`Veckans uppföljning, vecka ${week}`).count()).toBe(1);

    // Its buttons ask as if typed, and the answers come as new messages below it.
    await digest.getByRole("button", { name: "Hela listan" }).click();
    const list = await session.waitForCount(session.cards("Redovisningar de kommande 4 veckorna"));
    expect(await list.innerText()).toContain("Grunduppdrag Vägledning till arbete");
    const year = calendarDate(e2eClockStart).slice(0, 4);
    await digest.getByRole("button", { name: /^Sammanfattning / }).click();
    const summary = await session.waitForCount(session.cards(`Helårsuppföljning ${year}: Överenskommelse ${year}`), 2);
    expect(await summary.innerText()).toContain("Alla platser tillsatta.");
    await session.screenshot("12-digest-buttons");
  });

  it("shows a chief the seed agreements as of today: nothing passed as next, shares unsummed, long text kept, who can reopen", async () => {
    const services = await composeServices(
      loadConfig({ DATABASE_URL: session.databaseUrl, UPPFOLJNING_CLOCK_START: e2eClockStart.toISOString() }),
      {
        logger: silentLogger,
      },
    );
    const grant = (aadObjectId: string, displayName: string, role: string, scope?: string) =>
      grantRole(
        services,
        { kind: "operator", name: "e2e" },
        { tenantId: "tenant-nykoping", aadObjectId, displayName, role, scope },
      );
    try {
      await grant(ANNA_AAD_OBJECT_ID, "Anna Andersson", "chief", "DSO");
      await grant(EVA_AAD_OBJECT_ID, "Eva Ek", "expert", "SN");

      await session.send("status grunduppdrag");
      const overview = await session.waitForCount(session.cards("Dina uppdrag att rapportera på"));
      const overviewText = await overview.innerText();
      expect(overviewText).toMatch(/Inga kommande redovisningar\. Senaste: .*, passerad \(status senast 2026-04-02\)/);
      expect(overviewText).not.toContain("Nästa: sammanträde 2026-04-23");
      await overview.scrollIntoViewIfNeeded();
      await session.screenshot("13-status-overview-passed");

      await session.send("status 4.1.3");
      let form = await session.waitForCount(session.cards("Status: 4.1.3"));
      expect(await form.innerText()).toContain("Andel i procent. Ange totalen själv – andelar läggs inte ihop.");
      await form.locator('input[role="combobox"]').click();
      await session.page.getByRole("option", { name: /Delårsuppföljning 2026/ }).click();
      await form.getByRole("radio", { name: "Risk" }).check();
      const long = "Andelen med ekonomiskt bistånd minskar men långsamt. ".repeat(40).trim(); // 2,119 characters
      await form.getByLabel(/Vad har gjorts, avvikelser och nästa steg/).fill(long);
      await form.getByRole("button", { name: "Skicka status" }).click();
      form = await session.waitForCount(session.cards("Texten är 2"));
      expect(await form.innerText()).toMatch(/Texten är 2\s119 tecken; högst 2\s000 får plats\. Inget är sparat/);
      expect(await form.getByLabel(/Vad har gjorts/).inputValue()).toBe(long);
      await session.screenshot("14-status-text-too-long");

      await form.getByLabel(/Vad har gjorts/).fill("Andelen minskar men långsamt; aktivitetskravet införs i juli.");
      await form.getByLabel("Kvinnor (%)").first().fill("3,5");
      await form.getByLabel("Män (%)", { exact: true }).first().fill("4,1");
      await expect.poll(() => form.getByLabel("Totalt (%)").first().inputValue()).toBe("");
      await session.screenshot("15a-share-form");
      await form.getByRole("button", { name: "Skicka status" }).click();
      let receipt = await session.waitForCount(
        session.cards("Status sparad").filter({ hasText: "Andelen minskar men långsamt" }),
      );
      const receiptText = await receipt.innerText();
      expect(receiptText).toMatch(/3,5 %[\s\S]*4,1 %[\s\S]*–/);
      expect(receiptText).not.toContain("7,6");
      expect(receiptText).toContain(
        "Sista dagen (2026-09-30) har passerat, så statusen kan inte längre ändras. Eva Ek (sakkunnig för SN) eller en administratör kan öppna den för en ändring.",
      );
      await session.screenshot("15b-share-receipt-locked");

      // Eva has never opened the app: the chief is told so. As the committee's expert herself, Anna may reopen it.
      await receipt.getByRole("button", { name: "Be om att få ändra" }).click();
      receipt = await session.waitForCount(session.cards("Jag når ingen som kan öppna den"));
      await grant(ANNA_AAD_OBJECT_ID, "Anna Andersson", "expert", "SN");
      await receipt.getByRole("button", { name: "Be om att få ändra" }).click();
      receipt = await session.waitForCount(session.cards("Öppna för ändring (7 dagar)"));
      await receipt.getByRole("button", { name: "Öppna för ändring (7 dagar)" }).click();
      receipt = await session.waitForCount(session.cards("Öppnad för ändring av Anna Andersson till och med"));
      await receipt.getByRole("button", { name: "Ändra" }).click();
      form = await session.waitForCount(session.cards("Du ändrar version 1"));
      await form.getByLabel(/Vad har gjorts/).fill("Andelen minskar; aktivitetskravet införs den 1 juli.");
      await form.getByRole("button", { name: "Skicka status" }).click();
      receipt = await session.waitForCount(
        session.cards("Senast ändrad av").filter({ hasText: "aktivitetskravet införs den 1 juli" }),
      );
      expect(await receipt.innerText()).toContain("aktivitetskravet införs den 1 juli.");
      await session.screenshot("16-reopened-and-corrected");
    } finally {
      await services.close();
    }
  });

  it("names people instead of object ids and suggests role commands that work as typed", async () => {
    const services = await composeServices(
      loadConfig({ DATABASE_URL: session.databaseUrl, UPPFOLJNING_CLOCK_START: e2eClockStart.toISOString() }),
      {
        logger: silentLogger,
      },
    );
    try {
      // Granted by object id only; Anna has talked to the bot, so her name is known.
      await grantRole(
        services,
        { kind: "operator", name: "e2e" },
        { tenantId: "tenant-nykoping", aadObjectId: ANNA_AAD_OBJECT_ID, role: "admin" },
      );
      await grantRole(
        services,
        { kind: "operator", name: "e2e" },
        { tenantId: "tenant-nykoping", aadObjectId: ANNA_AAD_OBJECT_ID, role: "delegate", scope: "DSO" },
      );
    } finally {
      await services.close();
    }
    await session.send("roller");
    const roles = await session.waitForCount(session.botMessages().filter({ hasText: "Dina roller:" }));
    const text = await roles.innerText();
    expect(text).toContain("Anna Andersson: ombud (DSO)");
    expect(text).not.toContain("0000000a0001");
    await session.send("roller ge chef @Otto Olsson");
    const hint = await session.waitForCount(session.botMessages().filter({ hasText: "behöver en kod" }));
    expect(await hint.innerText()).toContain("Skriv t.ex. ”roller ge chef DAF @Otto Olsson”");
    await session.screenshot("17-roles-names");
  });

  it("narrows summaries by committee code and counts items by the period they report on", async () => {
    await session.send("sammanfattning helår 2026 sn");
    const sn = await session.waitForCount(
      session.cards("Helårsuppföljning 2026: Socialnämndens överenskommelse om verksamhet 2026"),
    );
    expect(await sn.innerText()).toContain("Andelen minskar; aktivitetskravet införs den 1 juli.");
    await sn.locator(".ac-textBlock").first().scrollIntoViewIfNeeded();
    await session.screenshot("18-summary-sn");
    await session.send("sammanfattning delår 2025 kan");
    const delar = await session.waitForCount(session.cards("Delårsuppföljning 2025: Överenskommelse 2025"));
    expect(await delar.innerText()).toMatch(
      /Redovisningar i perioden: 0 lämnade, \d+ missade, 0 kommande; \d+ inte lämnade med sista dag efter perioden/,
    );
    await delar.locator(".ac-textBlock").first().scrollIntoViewIfNeeded();
    await session.screenshot("19-summary-delar-2025");
  });

  it("imports an agreement an administrator sends as a file (a custom activity) and shows the review card, which edits in place", async () => {
    // Anna is an administrator since "names people …". Teams would point the attachment at SharePoint
    // over https; here a loopback server plays that part (IMPORT_DOWNLOAD_ALLOW_LOOPBACK_HTTP, tests only).
    const body = await careAgreementDocx();
    let downloads = 0;
    const files = createServer((_req, res) => {
      downloads += 1;
      res.writeHead(200, { "content-length": body.length }).end(body);
    });
    await new Promise<void>((resolve) => files.listen(0, "127.0.0.1", resolve));
    try {
      const url = `http://127.0.0.1:${(files.address() as AddressInfo).port}/Overenskommelse-VON-2027.docx`;
      const page = session.page;
      // The Playground cannot attach a file to a message; its "Mock an Activity → Custom activity" sends
      // the activity Teams would send for one, to the bot, in this chat.
      await page.getByRole("button", { name: /Mock an Activity/i }).click();
      await page.getByRole("menuitem", { name: /Custom activity/i }).click();
      const editor = page.locator(".monaco-editor").first();
      await editor.waitFor();
      await editor.click();
      await page.keyboard.press("Control+A");
      await page.keyboard.press("Delete");
      await page.keyboard.insertText(
        JSON.stringify({
          type: "message",
          text: "",
          channelId: "msteams",
          serviceUrl: `${session.playgroundUrl}/_connector`,
          from: { id: "user-anna", name: "Anna Andersson", aadObjectId: ANNA_AAD_OBJECT_ID },
          recipient: { id: "28:uppfoljningsboten", name: "Uppföljningsboten" },
          conversation: { id: "personal-chat-anna", conversationType: "personal", tenantId: "tenant-nykoping" },
          channelData: { tenant: { id: "tenant-nykoping" } },
          attachments: [
            {
              contentType: "application/vnd.microsoft.teams.file.download.info",
              name: "Överenskommelse VON 2027.docx",
              contentUrl: url,
              content: { downloadUrl: url, uniqueId: "e2e-1", fileType: "docx" },
            },
          ],
        }),
      );
      await page.getByRole("button", { name: "Send activity" }).click();
      const review = await session.waitForCount(
        session.cards("Granska: Överenskommelse 2027 mellan Vård- och omsorgsnämnden"),
      );
      const shown = await review.innerText();
      expect(shown).toContain("Ny överenskommelse inläst.");
      expect(shown).toContain("Sammanträde 2027-03-15 · Underlag senast 2027-03-01");
      expect(downloads).toBe(1);
      await session.waitForCount(
        session.botMessages().filter({ hasText: "Klart: Överenskommelse VON 2027.docx är inläst." }),
      );
      await review.scrollIntoViewIfNeeded();
      await session.screenshot("21-import-review-card");

      await review.getByRole("button", { name: "Redigera" }).first().click();
      const form = await session.waitForCount(session.cards("Redigera redovisning"));
      await form.getByLabel("Vad redovisas").fill("Digital tillsyn i hemtjänsten – lägesrapport");
      await form.getByRole("button", { name: "Spara" }).click();
      const edited = await session.waitForCount(session.cards("Rättat: Digital tillsyn i hemtjänsten – lägesrapport."));
      expect(await edited.innerText()).toContain("✎ rättad");
      await edited.scrollIntoViewIfNeeded();
      await session.screenshot("22-import-review-edited");
    } finally {
      files.close();
    }
  });

  it("keeps status to the personal chat in a group chat", async () => {
    await session.openChat("KAN uppföljning");
    const page = session.page;
    await page.locator('div[contenteditable="true"][role="textbox"][data-lexical-editor="true"]').last().click();
    await page.keyboard.type("@Uppf");
    await page.locator('[aria-label="Typeahead menu"]').getByText("Uppföljningsboten").click();
    await page.keyboard.type(" status");
    await page.keyboard.press("Enter");
    const reply = await session.waitForCount(
      session.botMessages().filter({ hasText: "Status och rapportering visar jag bara i vår personliga chatt" }),
    );
    expect(await reply.innerText()).toContain("Skriv ”status” till mig där.");
    await session.screenshot("20-group-chat-status");
  });

  it("reads an @mention in a team channel", async () => {
    await session.openChat("Uppföljning");
    const page = session.page;
    await session.waitForCount(session.cards("Hej! Jag är Uppföljningsboten"));
    await page.locator('div[contenteditable="true"][role="textbox"][data-lexical-editor="true"]').first().click();
    await page.keyboard.type("@Uppf");
    await page.locator('[aria-label="Typeahead menu"]').getByText("Uppföljningsboten").click();
    await page.keyboard.type(" help");
    await page.getByRole("button", { name: "Post" }).click();
    const help = await session.waitForCount(session.cards("In a channel or group chat, mention me first"));
    expect(await help.innerText()).toContain("Shows what I can do and how to ask.");
    await session.screenshot("04-channel-mention");
  });
});
