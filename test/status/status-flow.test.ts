// A division chief reports status through the real teams-ai Application: the "status" command,
// Action.Execute form, validation, receipt, edit, history, double submit, stale edit, refusals,
// role commands and reminders, against SQLite and PostgreSQL with the seed agreements imported.
import { TeamsAdapter } from "@microsoft/teams-ai";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { grantRole } from "../../src/people/manage-roles.ts";
import { runReminders } from "../../src/composition-root.ts";
import { TeamsReminderChannel } from "../../src/adapters/teams/proactive-reminders.ts";
import {
  actionData,
  cardInputs,
  cardOf,
  cardTexts,
  createBotHarness,
  invokeCard,
  type BotHarness,
} from "../support/bot-harness.ts";
import { startFakeConnector, type FakeConnector } from "../support/fake-connector.ts";
import { importSeeds } from "../support/seeded-corpus.ts";
import { testProviders } from "../support/test-database.ts";
import { admin, anna, bertil, cardAction, cecilia, message, personal, TENANT } from "../support/teams-activities.ts";

const operator = { kind: "operator" as const, name: "test" };

describe.each(testProviders)("status updates in Teams (in process, %s)", (provider) => {
  let bot: BotHarness;
  let connector: FakeConnector;
  const prisma = () => bot.services.database.prisma;

  beforeAll(async () => {
    // Monday 28 April 2025: the KAN agreement's tertial-1 material is due on 7 May.
    bot = await createBotHarness({
      provider,
      now: new Date("2025-04-28T08:00:00Z"),
      env: { ADMIN_AAD_OBJECT_IDS: admin.aadObjectId },
    });
    await importSeeds(bot.services);
    connector = await startFakeConnector();
  }, 120_000);
  afterAll(async () => {
    await connector?.close();
    await bot?.close();
  });

  const send = async (text: string, user = anna) => cardOf((await bot.send(message(text, user)))[0]);
  const click = async (verb: string, data: Record<string, unknown>, user = anna) => {
    const card = invokeCard(await bot.send(cardAction(verb, data, user)));
    expect(card, `${verb} answers with a card`).toBeDefined();
    return card!;
  };
  const submitForm = (form: unknown, changes: Record<string, unknown>, user = anna) =>
    click("status.submit", { ...actionData(form, "status.submit"), ...cardInputs(form), ...changes }, user);
  const rows = async () => ({
    updates: await prisma().statusUpdate.findMany(),
    revisions: await prisma().statusRevision.findMany({ orderBy: { version: "asc" } }),
  });

  it("politely refuses someone without a reporting role, and stores nothing", async () => {
    const card = await send("status", bertil);
    expect(cardTexts(card).join(" ")).toContain("du har ingen roll som divisionschef eller ombud");
    // A suggestion that works as typed: a division code the agreements use, and the person's name.
    expect(cardTexts(card).join(" ")).toContain(
      "Be en administratör skriva ”roller ge chef DSO @Bertil Berg” (divisionskoder: DSO).",
    );
    expect(await prisma().statusUpdate.count()).toBe(0);
  });

  it("shows a chief the division's assignments with their next reporting item", async () => {
    await grantRole(bot.services, operator, {
      tenantId: TENANT,
      aadObjectId: anna.aadObjectId,
      displayName: anna.name,
      role: "chief",
      scope: "dso",
    });
    const card = await send("status");
    const texts = cardTexts(card).join("\n");
    expect(texts).toMatch(/Dina uppdrag att rapportera på \(29\)/); // 9 KAN + 20 SN assignments of DSO
    expect(texts).toContain("3.1 Grunduppdrag Arbetsmarknadsverksamhet");
    expect(texts).toContain("status senast 2025-05-07");
    expect(texts).toContain("Inte rapporterat ännu");
    expect(texts).toContain("… och 17 till");
    expect(actionData(card, "status.open")).toMatchObject({ assignmentId: expect.any(String), lang: "sv" });
  });

  it("offers a Report button on deadline answers to people who report, and not to others", async () => {
    const forAnna = await send("vad ska redovisas i maj 2025?");
    expect(actionData(forAnna, "status.open")).toMatchObject({
      assignmentId: expect.any(String),
      itemKey: expect.any(String),
    });
    const opened = await click("status.open", actionData(forAnna, "status.open")!);
    expect(cardTexts(opened).join("\n")).toContain("Sista dag för status: 2025-05-07");
    const forBertil = await send("vad ska redovisas i maj 2025?", bertil);
    expect(cardTexts(forBertil).join("\n")).toContain("2025-05-28");
    expect(actionData(forBertil, "status.open")).toBeUndefined();
  });

  let form: Record<string, unknown>;
  it("opens the form for one assignment with the next reporting period preselected", async () => {
    form = (await send("rapportera arbetsmarknadsverksamhet"))!;
    const texts = cardTexts(form).join("\n");
    expect(texts).toContain("Status: 3.1 Grunduppdrag Arbetsmarknadsverksamhet");
    expect(texts).toContain("Sista dag för status: 2025-05-07");
    const inputs = cardInputs(form);
    expect(Object.keys(inputs)).toEqual(
      expect.arrayContaining(["period", "status", "text", "women_1", "men_1", "total_1"]),
    );
    const periodChoice = (JSON.stringify(form).match(/"title":"([^"]*2025-05-07[^"]*)","value":"([^"]+)"/) ?? [])[2];
    expect(inputs.period).toBe(periodChoice);
  });

  it("returns validation errors in the same card, next to the fields, keeping what was typed", async () => {
    const card = await submitForm(form, { status: "", text: "   ", women_1: "fyrtio", men_1: "12" });
    const texts = cardTexts(card).join("\n");
    expect(texts).toContain("Något behöver rättas innan jag kan spara");
    expect(texts).toContain("Välj en status.");
    expect(texts).toContain("Skriv kort vad som har gjorts");
    expect(texts).toContain("”fyrtio” är inte ett tal");
    expect(cardInputs(card)).toMatchObject({ women_1: "fyrtio", men_1: "12" });
    const tooLong = await submitForm(form, { status: "risk", text: "x".repeat(2001) });
    expect(cardTexts(tooLong).join("\n")).toMatch(/Texten är 2\s001 tecken; högst 2\s000 får plats\. Inget är sparat/);
    expect(cardInputs(tooLong).text).toBe("x".repeat(2001)); // what was typed comes back whole
    const oneSex = await submitForm(form, { status: "on_track", text: "Bra", women_1: "4" });
    expect(cardTexts(oneSex).join("\n")).toContain("Ange både kvinnor och män");
    const thousands = await submitForm(form, { status: "on_track", text: "Bra", women_1: "1,200", men_1: "3" });
    expect(cardTexts(thousands).join("\n")).toContain("”1,200” kan läsas på två sätt");
    expect(await prisma().statusUpdate.count()).toBe(0);
  });

  let receipt: Record<string, unknown>;
  it("stores a valid status and refreshes the card into a receipt with an Edit button", async () => {
    receipt = await submitForm(form, {
      status: "at_risk",
      text: "Åtta av tio praktikplatser tillsatta; två saknas.",
      women_1: "40",
      men_1: "35",
      total_1: "",
    });
    const texts = cardTexts(receipt).join("\n");
    expect(texts).toContain("Status sparad");
    expect(texts).toContain("● Risk");
    expect(texts).toContain("Åtta av tio praktikplatser tillsatta");
    expect(texts).toContain("Anna Andersson, 2025-04-28 10:00");
    expect(texts).toMatch(/\b40\b[\s\S]*\b35\b[\s\S]*\b75\b/); // total derived from women + men
    expect(actionData(receipt, "status.edit")).toMatchObject({ updateId: expect.any(String) });
    const { updates, revisions } = await rows();
    expect(updates).toHaveLength(1);
    expect(updates[0]).toMatchObject({
      status: "at_risk",
      version: 1,
      authorAadObjectId: anna.aadObjectId,
      dueDate: "2025-05-07",
    });
    expect(JSON.parse(updates[0]!.indicatorValues)).toEqual([
      expect.objectContaining({ women: 40, men: 35, total: 75 }),
    ]);
    expect(revisions).toHaveLength(1);
  });

  it("stores a double click or a re-sent activity once", async () => {
    const again = await submitForm(form, {
      status: "at_risk",
      text: "Åtta av tio praktikplatser tillsatta; två saknas.",
      women_1: "40",
      men_1: "35",
    });
    expect(cardTexts(again).join("\n")).toContain("Formuläret kom fram två gånger; statusen är sparad en gång.");
    const twice = await Promise.all(
      [1, 2].map(() => submitForm(form, { status: "at_risk", text: "Samma igen", women_1: "40", men_1: "35" })),
    );
    for (const card of twice) expect(cardTexts(card).join("\n")).toContain("Status sparad");
    const { updates, revisions } = await rows();
    expect(updates).toHaveLength(1);
    expect(revisions).toHaveLength(1);
  });

  it("edits keep history: who changed what, when", async () => {
    bot.clock.set(new Date("2025-04-29T07:30:00Z"));
    const editForm = await click("status.edit", actionData(receipt, "status.edit")!);
    expect(cardInputs(editForm)).toMatchObject({
      status: "at_risk",
      text: "Åtta av tio praktikplatser tillsatta; två saknas.",
      women_1: "40",
    });
    expect(cardTexts(editForm).join("\n")).toContain("Du ändrar version 1");
    const edited = await submitForm(editForm, { status: "on_track", text: "Alla tio platser tillsatta." });
    const texts = cardTexts(edited).join("\n");
    expect(texts).toContain("● Enligt plan");
    expect(texts).toContain("Senast ändrad av");
    expect(texts).toContain("Version 2 · 2025-04-29 09:30 · Anna Andersson · Enligt plan");
    expect(texts).toContain("Version 1 · 2025-04-28 10:00 · Anna Andersson · Risk");
    const { updates, revisions } = await rows();
    expect(updates[0]).toMatchObject({ version: 2, status: "on_track", text: "Alla tio platser tillsatta." });
    expect(revisions.map((r) => [r.version, r.status])).toEqual([
      [1, "at_risk"],
      [2, "on_track"],
    ]);
    receipt = edited;
  });

  it("refuses an edit from a stale card and shows the newer version instead", async () => {
    await grantRole(bot.services, operator, {
      tenantId: TENANT,
      aadObjectId: bertil.aadObjectId,
      displayName: bertil.name,
      role: "delegate",
      scope: "DSO",
    });
    const annasForm = await click("status.edit", actionData(receipt, "status.edit")!);
    const bertilsForm = await click("status.edit", actionData(receipt, "status.edit")!, bertil);
    await submitForm(bertilsForm, { status: "delayed", text: "Två platser föll bort i går." }, bertil);
    const stale = await submitForm(annasForm, { status: "done", text: "Klart!" });
    const texts = cardTexts(stale).join("\n");
    expect(texts).toContain("Bertil Berg sparade en nyare version (version 3");
    expect(texts).toContain("Två platser föll bort i går.");
    expect(texts).toContain("● Försenad");
    const { updates, revisions } = await rows();
    expect(updates[0]).toMatchObject({ version: 3, status: "delayed" });
    expect(revisions).toHaveLength(3);
  });

  it("refuses an edit of an old version even when its fields need fixing first", async () => {
    const annasForm = await click("status.edit", actionData(receipt, "status.edit")!);
    const bertilsForm = await click("status.edit", actionData(receipt, "status.edit")!, bertil);
    await submitForm(bertilsForm, { status: "delayed", text: "Fortfarande två platser kvar." }, bertil);
    const invalid = await submitForm(annasForm, { status: "done", text: "" });
    expect(cardTexts(invalid).join("\n")).toContain("Bertil Berg sparade en nyare version (version 4");
    expect((await rows()).updates[0]).toMatchObject({ version: 4 });
    receipt = invalid;
  });

  it("does not take the same form from a second person as a repeat of the first", async () => {
    const shared = await click("status.edit", actionData(receipt, "status.edit")!);
    await submitForm(shared, { status: "delayed", text: "Anna skickar först." });
    const second = await submitForm(shared, { status: "done", text: "Bertil skickar samma kort." }, bertil);
    expect(cardTexts(second).join("\n")).toContain("Det här formuläret har redan skickats");
    const { updates, revisions } = await rows();
    expect(updates[0]).toMatchObject({ version: 5, text: "Anna skickar först." });
    expect(revisions).toHaveLength(5);
    receipt = (await click("status.open", {
      assignmentId: updates[0]!.assignmentId,
      itemKey: updates[0]!.reportingItemKey,
    }))!;
  });

  it("refuses a chief of another division, and a forged submit from someone without a role", async () => {
    await grantRole(bot.services, operator, {
      tenantId: TENANT,
      aadObjectId: cecilia.aadObjectId,
      role: "chief",
      scope: "DAF",
    });
    const assignmentId = actionData(form, "status.submit")!.assignmentId;
    const deadlinesForCecilia = await send("vad ska redovisas i maj 2025?", cecilia);
    expect(actionData(deadlinesForCecilia, "status.open")).toBeUndefined(); // DSO's items: not hers to report
    const refused = await click("status.open", { assignmentId, lang: "sv" }, cecilia);
    expect(cardTexts(refused).join("\n")).toContain("du rapporterar inte för DSO. Dina roller: divisionschef (DAF).");
    const forged = await click(
      "status.submit",
      { ...actionData(form, "status.submit"), idempotencyKey: "forged-key-0001", status: "done", text: "x" },
      { ...cecilia, aadObjectId: "aad-nobody", id: "29:nobody" },
    );
    expect(cardTexts(forged).join("\n")).toContain("du har ingen roll som divisionschef eller ombud");
    expect((await rows()).revisions).toHaveLength(5);
  });

  it("keeps a report as sent once its due date has passed", async () => {
    const editForm = await click("status.edit", actionData(receipt, "status.edit")!); // opened in time …
    bot.clock.set(new Date("2025-05-08T08:00:00Z"));
    const closed = await submitForm(editForm, { status: "done", text: "För sent" }); // … sent after the due date
    expect(cardTexts(closed).join("\n")).toContain("Redovisningen stängde 2025-05-07");
    expect(actionData(closed, "status.edit")).toBeUndefined();
    const lateEdit = await click("status.edit", actionData(receipt, "status.edit")!);
    expect(cardTexts(lateEdit).join("\n")).toContain("Sista dagen (2025-05-07) har passerat");
    expect(cardInputs(lateEdit)).toEqual({});
    expect((await rows()).updates[0]).toMatchObject({ version: 5 });
    bot.clock.set(new Date("2025-04-28T08:00:00Z"));
  });

  it("audits role grants, submits and edits", async () => {
    const actions = (await bot.services.audit.list()).map((e) => e.action);
    expect(actions.filter((a) => a === "role.grant")).toHaveLength(3);
    expect(actions.filter((a) => a === "status.submit")).toHaveLength(1);
    expect(actions.filter((a) => a === "status.edit")).toHaveLength(4);
  });

  it("lets the configured administrator grant and revoke roles with an @mention; others may not", async () => {
    await bot.send(message("hej", cecilia)); // Cecilia has talked to the bot: her Teams id is known
    const mention = (text: string, user = admin) => {
      const activity = message(`${text} <at>Cecilia Carlsson</at>`, user, personal(user));
      activity.entities = [
        { type: "mention", text: "<at>Cecilia Carlsson</at>", mentioned: { id: cecilia.id, name: cecilia.name } },
      ];
      return activity;
    };
    const reply = async (activity: ReturnType<typeof message>) => String((await bot.send(activity))[0]?.text);
    expect(await reply(mention("roller ge sakkunnig KAN"))).toBe("Cecilia Carlsson är nu sakkunnig (KAN).");
    expect(await reply(mention("roller ge sakkunnig KAN"))).toContain("var redan sakkunnig (KAN); inget ändrades");
    expect(await reply(mention("roles grant admin", bertil))).toContain("Only administrators can change roles");
    expect(await reply(message("roller ge chef DSO Okänd Person", admin))).toContain(
      "Jag vet inte vem ”okänd person” är",
    );
    expect(await reply(mention("roller ge kung KAN"))).toBe(
      "”kung” är ingen roll jag känner till. Roller: admin, sakkunnig, chef, ombud.",
    );
    // The mention's text is the person, never the code: a forgotten code is asked for, an unknown one refused.
    expect(await reply(mention("roller ge chef"))).toContain("Rollen divisionschef behöver en kod");
    expect(await reply(mention("roller ge chef XYZ"))).toBe(
      "Jag känner inte till koden ”XYZ” i någon överenskommelse. Koder jag känner till: DSO.",
    );
    // A role goes only to the person named exactly; a partial name is offered, not taken.
    expect(await reply(message("roller ge sakkunnig KAN cecilia", admin))).toContain(
      "Flera personer matchar ”cecilia”: Cecilia Carlsson, Cecilia Carlsson",
    ); // two people of that name
    expect(await reply(message("roller ge sakkunnig KAN bertil", admin))).toBe(
      "Jag hittar ingen som heter exakt ”bertil”. Menar du Bertil Berg? Skriv hela namnet, eller nämn personen med @.",
    );
    // The refusal's suggestion typed as shown, without a real mention: the @name is the person, the code is asked for.
    expect(await reply(message("roller ge ombud @Bertil Berg", admin))).toBe(
      "Rollen ombud behöver en kod: nämndens för sakkunnig, divisionens för chef och ombud. Koder jag känner till: DSO. Skriv t.ex. ”roller ge ombud DSO @Bertil Berg”.",
    );
    expect(await reply(message("roller ge ombud DSO @Bertil Berg", admin))).toContain(
      "Bertil Berg var redan ombud (DSO)",
    );
    const list = await reply(message("roller", admin));
    expect(list).toContain("Cecilia Carlsson: sakkunnig (KAN)");
    expect(list).toContain("Anna Andersson: divisionschef (DSO)");
    expect(await reply(mention("roller ta bort sakkunnig KAN"))).toBe(
      "Cecilia Carlsson är inte längre sakkunnig (KAN).",
    );
    expect(await reply(message("roller", cecilia))).toContain("Dina roller: divisionschef (DAF).");
  });

  it("reminds chiefs before a submission date once, skipping what is already reported", async () => {
    // The chiefs' personal chats point at the fake connector, as Teams' service URL would: no message leaves the machine.
    await bot.send({ ...message("hej"), serviceUrl: connector.serviceUrl });
    await bot.send({ ...message("hej", bertil), serviceUrl: connector.serviceUrl });
    const channel = new TeamsReminderChannel(new TeamsAdapter({}), undefined, bot.services.conversations, bot.cards);
    bot.clock.set(new Date("2025-04-30T05:00:00Z")); // 7 days before 2025-05-07
    const first = await runReminders(bot.services, channel);
    const annas = first.reminders.filter((r) => r.recipient.aadObjectId === anna.aadObjectId);
    expect(annas.map((r) => [r.dueDate, r.daysBefore])).toEqual([["2025-05-07", 7]]);
    const titles = annas[0]!.items.map((i) => i.assignment.title);
    expect(titles).toContain("Grunduppdrag Integrationsvägledning och -samordning");
    expect(titles).not.toContain("Grunduppdrag Arbetsmarknadsverksamhet"); // reported already
    expect(first).toMatchObject({ sent: 2, failed: 0, noConversation: 0 }); // Anna (chief) and Bertil (delegate)
    await connector.waitFor(2);
    const toAnna = connector.received.find(
      (r) =>
        r.path.includes(encodeURIComponent(`a:personal-${anna.aadObjectId}`)) ||
        r.path.includes(`a:personal-${anna.aadObjectId}`),
    );
    expect(toAnna).toBeDefined();
    const card = toAnna!.activity.attachments?.[0]?.content;
    expect(cardTexts(card).join("\n")).toContain("Påminnelse: status senast 2025-05-07");
    expect(actionData(card, "status.open")).toMatchObject({
      assignmentId: expect.any(String),
      itemKey: expect.any(String),
    });

    const second = await runReminders(bot.services, channel);
    expect(second.sent).toBe(0);
    expect(second.skippedAlreadyClaimed).toBe(first.planned);
    bot.clock.set(new Date("2025-05-05T05:00:00Z")); // 2 days before: the second step, once
    const third = await runReminders(bot.services, channel);
    expect(
      third.reminders.filter((r) => r.recipient.aadObjectId === anna.aadObjectId).map((r) => r.daysBefore),
    ).toEqual([2]);
    expect(third).toMatchObject({ sent: 2, failed: 0 });
    expect(connector.received).toHaveLength(4);
    const deliveries = await prisma().reminderDelivery.findMany({ where: { aadObjectId: anna.aadObjectId } });
    expect(deliveries.map((d) => [d.daysBefore, d.outcome])).toEqual(
      expect.arrayContaining([
        [7, "sent"],
        [2, "sent"],
      ]),
    );
    bot.clock.set(new Date("2025-04-28T08:00:00Z"));
  });
});

describe("status updates while the database is briefly down", () => {
  it("answers a submit with a retry message that keeps the card and its input, and stores nothing half-way", async () => {
    const bot = await createBotHarness({ now: new Date("2025-04-28T08:00:00Z") });
    try {
      await importSeeds(bot.services);
      await grantRole(bot.services, operator, {
        tenantId: TENANT,
        aadObjectId: anna.aadObjectId,
        role: "chief",
        scope: "DSO",
      });
      const form = cardOf((await bot.send(message("status arbetsmarknadsverksamhet"))).at(-1))!;
      const submit = {
        ...actionData(form, "status.submit"),
        ...cardInputs(form),
        status: "at_risk",
        text: "Två platser saknas.",
      };
      let down = true;
      const realCreate = bot.services.status.create.bind(bot.services.status);
      bot.services.status.create = async (update) => {
        if (down)
          throw Object.assign(new Error("connect ECONNREFUSED 127.0.0.1:5432"), {
            name: "DriverAdapterError",
            code: "ECONNREFUSED",
          });
        return realCreate(update);
      };
      const replies = await bot.send(cardAction("status.submit", submit));
      const response = replies.find((r) => r.type === "invokeResponse")?.value as {
        status: number;
        body: { type: string; value: string };
      };
      expect(response.status).toBe(200);
      expect(response.body).toMatchObject({
        type: "application/vnd.microsoft.activity.message",
        value: expect.stringContaining("Databasen svarar inte just nu"),
      });
      expect(await bot.services.database.prisma.statusUpdate.count()).toBe(0);
      expect(await bot.services.database.prisma.statusRevision.count()).toBe(0);

      down = false; // the same card, sent again once the database is back
      const stored = invokeCard(await bot.send(cardAction("status.submit", submit)));
      expect(cardTexts(stored).join("\n")).toContain("Status sparad");
      expect(await bot.services.database.prisma.statusUpdate.count()).toBe(1);
    } finally {
      await bot.close();
    }
  });
});
