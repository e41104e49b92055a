// An administrator sends an agreement as a file in the personal chat, through the real teams-ai
// Application in process. The Teams file attachment points at a download server on loopback (Teams
// would point at SharePoint over https); the test counts what was fetched and checks the database.
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import type { Activity } from "botbuilder";
import PDFDocument from "pdfkit";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { downloadFile, type DownloadError, refusedUrl } from "../../../src/adapters/teams/file-download.ts";
import { fileDownloadInfo } from "../../../src/adapters/teams/handlers/file-upload-handler.ts";
import { careAgreementDocx, careAgreementExpected, cultureAgreementPdf } from "../../fixtures/agreement-fixtures.ts";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { agreementText, fixtureFolder } from "../../fixtures/scanned/scanned-fixtures.ts";
import { readWithDictionary } from "../../support/reader.ts";
import { cardOf, cardTexts, createBotHarness, type BotHarness } from "../../support/bot-harness.ts";
import { admin, anna, message, type TeamsUser } from "../../support/teams-activities.ts";

interface DownloadServer {
  url(path: string): string;
  hits(path: string): number;
  close(): Promise<void>;
}

async function startDownloadServer(
  files: Record<string, { body: Buffer; type: string } | "slow" | "redirect-away" | "lying-length">,
): Promise<DownloadServer> {
  const hits = new Map<string, number>();
  const open = new Set<import("node:net").Socket>();
  const server: Server = createServer((req, res) => {
    const path = new URL(req.url ?? "/", "http://127.0.0.1").pathname;
    hits.set(path, (hits.get(path) ?? 0) + 1);
    const file = files[path];
    if (!file) return void res.writeHead(404).end();
    if (file === "slow") {
      // Headers at once, then the body a trickle that never ends: only an overall time limit stops it.
      res.writeHead(200, { "content-type": "application/pdf" });
      res.write("%PDF-1.4\n");
      const trickle = setInterval(() => res.write(" "), 100);
      res.on("close", () => clearInterval(trickle));
      return;
    }
    if (file === "redirect-away")
      return void res.writeHead(302, { location: "http://127.0.0.2:9/agreement.pdf" }).end();
    if (file === "lying-length") {
      // No Content-Length: the cap must be counted while the bytes arrive.
      res.writeHead(200, { "content-type": "application/pdf", "transfer-encoding": "chunked" });
      const chunk = Buffer.alloc(64 * 1024, 0x20);
      let sent = 0;
      const pump = () => {
        while (sent < 4 * 1024 * 1024 && res.write(chunk)) sent += chunk.length;
        if (sent < 4 * 1024 * 1024) res.once("drain", pump);
        else res.end();
      };
      return pump();
    }
    res.writeHead(200, { "content-type": file.type, "content-length": file.body.length });
    res.end(file.body);
  });
  server.on("connection", (socket) => {
    open.add(socket);
    socket.on("close", () => open.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: (path) => `http://127.0.0.1:${port}${path}`,
    hits: (path) => hits.get(path) ?? 0,
    close: () =>
      new Promise((resolve) => {
        for (const socket of open) socket.destroy();
        server.close(() => resolve());
      }),
  };
}

/** A message with a file, as Teams delivers it in a personal chat with a bot that supports files. */
function fileMessage(user: TeamsUser, file: { name: string; url: string; fileType: string }): Partial<Activity> {
  return {
    ...message("", user),
    text: "",
    attachments: [
      {
        contentType: fileDownloadInfo,
        contentUrl: "https://kommun.sharepoint.com/personal/x/Documents/" + file.name,
        name: file.name,
        content: { downloadUrl: file.url, uniqueId: "1f2e3d", fileType: file.fileType },
      },
      { contentType: "text/html", content: "<p></p>" },
    ],
  };
}

const docx = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

describe("importing an agreement sent as a file in Teams (in process)", () => {
  let bot: BotHarness;
  let files: DownloadServer;
  const prisma = () => bot.services.database.prisma;
  const counts = async () => ({
    agreements: await prisma().agreement.count(),
    documents: await prisma().document.count(),
    items: await prisma().reportingItem.count(),
  });
  const texts = (replies: Partial<Activity>[]) => replies.filter((r) => r.text).map((r) => r.text!);

  beforeAll(async () => {
    const pdf = await cultureAgreementPdf();
    files = await startDownloadServer({
      "/care.docx": { body: await careAgreementDocx(), type: docx },
      "/culture.pdf": { body: pdf, type: "application/pdf" },
      "/scan.pdf": { body: readFileSync(join(fixtureFolder, "scanned-agreement.pdf")), type: "application/pdf" },
      "/damaged.pdf": {
        body: Buffer.concat([pdf.subarray(0, 400), Buffer.from("\n%%EOF\n")]),
        type: "application/pdf",
      },
      "/big.pdf": { body: Buffer.concat([pdf, Buffer.alloc(2 * 1024 * 1024, 0x20)]), type: "application/pdf" },
      "/slow.pdf": "slow",
      "/away.pdf": "redirect-away",
      "/endless.pdf": "lying-length",
    });
    bot = await createBotHarness({
      env: {
        ADMIN_AAD_OBJECT_IDS: admin.aadObjectId,
        IMPORT_DOWNLOAD_ALLOW_LOOPBACK_HTTP: "true",
        IMPORT_DOWNLOAD_TIMEOUT_SECONDS: "1",
        IMPORT_MAX_FILE_MB: "1",
      },
    });
  }, 60_000);
  afterAll(async () => {
    await bot?.close();
    await files?.close();
  });

  it("refuses someone who is not an administrator before anything is fetched or stored", async () => {
    const before = await counts();
    const replies = await bot.send(
      fileMessage(anna, { name: "care.docx", url: files.url("/care.docx"), fileType: "docx" }),
    );
    expect(texts(replies)).toEqual([expect.stringContaining("Bara administratörer kan importera överenskommelser")]);
    expect(files.hits("/care.docx")).toBe(0);
    expect(await counts()).toEqual(before);
  });

  it("imports a Word file an administrator sends and answers with the import review card", async () => {
    const replies = await bot.send(
      fileMessage(admin, { name: "Överenskommelse VON 2027.docx", url: files.url("/care.docx"), fileType: "docx" }),
    );
    expect(files.hits("/care.docx")).toBe(1);
    // The "reading …" message is updated in place when the import is done.
    expect(texts(replies)).toEqual(["Klart: Överenskommelse VON 2027.docx är inläst."]);
    const card = cardOf(replies.find((r) => cardOf(r)));
    const shown = cardTexts(card).join("\n");
    expect(shown).toContain(
      "Granska: Överenskommelse 2027 mellan Vård- och omsorgsnämnden (VON) och Division Vård och omsorg (DVO)",
    );
    expect(shown).toContain("Ny överenskommelse inläst.");
    for (const expected of careAgreementExpected) expect(shown).toContain(`Sammanträde ${expected.meetingDate}`);
    expect(shown).toContain("Underlag senast 2027-03-01");
    expect(shown).toMatch(/Redigera/);
    // What the card shows is what is stored.
    const [agreement] = await bot.services.agreements.listAgreements();
    expect(agreement).toMatchObject({ committeeCode: "VON", year: 2027 });
    const items = await bot.services.corrections.reviewItems(agreement!.id);
    expect(items.filter((i) => i.date).map((i) => i.meetingDate)).toEqual(
      careAgreementExpected.map((e) => e.meetingDate),
    );
    // The import is audited as the administrator's, as the CLI's are as the operator's.
    const audit = await bot.services.audit.list({ action: "import" });
    expect(audit[0]).toMatchObject({ actor: `aad:tenant-nykoping/${admin.aadObjectId}`, subject: agreement!.id });
    // Sending the same file again changes nothing and says so.
    const again = await bot.send(
      fileMessage(admin, { name: "care.docx", url: files.url("/care.docx"), fileType: "docx" }),
    );
    expect(cardTexts(cardOf(again.find((r) => cardOf(r)))).join("\n")).toContain(
      "Filen var redan inläst – inget har ändrats.",
    );
  });

  it("imports a PDF the same way", async () => {
    const replies = await bot.send(
      fileMessage(admin, { name: "kultur.pdf", url: files.url("/culture.pdf"), fileType: "pdf" }),
    );
    expect(cardTexts(cardOf(replies.find((r) => cardOf(r)))).join("\n")).toContain("Sammanträde 2027-04-20");
    expect(texts(replies)).toEqual(["Klart: kultur.pdf är inläst."]);
    expect(await prisma().agreement.count()).toBe(2);
  });

  it("reads a scanned PDF by OCR and shows the same items as the agreement's text", { timeout: 120_000 }, async () => {
    const replies = await bot.send(
      fileMessage(admin, { name: "skannat avtal.pdf", url: files.url("/scan.pdf"), fileType: "pdf" }),
    );
    expect(texts(replies)).toEqual(["Klart: skannat avtal.pdf är inläst."]);
    const shown = cardTexts(cardOf(replies.find((r) => cardOf(r)))).join("\n");
    const fromText = readWithDictionary(agreementText()).reportingItems.filter((i) => i.date);
    const agreements = await bot.services.agreements.listAgreements();
    const scanned = agreements.find((a) => !["VON", "KFN"].includes(a.committeeCode ?? ""));
    const stored = (await bot.services.corrections.reviewItems(scanned!.id)).filter((i) => i.date);
    // Every dated item of the text version is in the scan's, by its date (measured: all of them).
    const found = fromText.filter((t) => stored.some((s) => s.date === t.date)).length;
    expect(found / fromText.length).toBeGreaterThanOrEqual(0.9);
    expect(shown).toContain(`Sammanträde ${stored[0]!.meetingDate ?? stored[0]!.date}`);
  });

  it.each([
    [
      "an inline image",
      { contentType: "image/png", contentUrl: "https://smba.trafficmanager.net/emea/v3/attachments/x/views/original" },
    ],
    [
      "a spreadsheet",
      {
        contentType: fileDownloadInfo,
        name: "budget.xlsx",
        content: { downloadUrl: "http://127.0.0.1:9/budget.xlsx", fileType: "xlsx" },
      },
    ],
    [
      "a file attachment without a download URL",
      { contentType: fileDownloadInfo, name: "avtal.pdf", content: { fileType: "pdf" } },
    ],
  ])("asks for a PDF or Word file when sent %s, and fetches nothing", async (_what, attachment) => {
    const before = await counts();
    const replies = await bot.send({ ...message("", admin), text: "", attachments: [attachment] });
    expect(texts(replies)).toEqual([
      "Skicka överenskommelsen som en PDF- eller Word-fil (.pdf eller .docx) – bilder och andra bilagor kan jag inte läsa in.",
    ]);
    expect(await counts()).toEqual(before);
  });

  it.each([
    [
      "a file over the size cap",
      "/big.pdf",
      "Filen är större än 1 MB, som är gränsen för import (IMPORT_MAX_FILE_MB).",
    ],
    ["a file that never stops arriving", "/endless.pdf", "Filen är större än 1 MB"],
    ["a damaged PDF", "/damaged.pdf", "PDF-filen är skadad och går inte att läsa."],
    ["a download that is too slow", "/slow.pdf", "Det tog för lång tid att hämta filen från Teams (mer än 1 s)."],
    [
      "a redirect to another host",
      "/away.pdf",
      "Filens adress är inte en säker Teams-adress (https), så jag hämtade den inte.",
    ],
  ])(
    "refuses %s with a clear message and leaves the database unchanged",
    async (_what, path, expected) => {
      const before = await counts();
      const replies = await bot.send(fileMessage(admin, { name: "avtal.pdf", url: files.url(path), fileType: "pdf" }));
      const answer = texts(replies).at(-1)!;
      expect(answer).toContain("avtal.pdf importerades inte.");
      expect(answer).toContain(expected);
      expect(answer).toContain("Inget har ändrats.");
      expect(replies.some((r) => cardOf(r))).toBe(false);
      expect(await counts()).toEqual(before);
    },
    20_000,
  );

  it("takes files only in the personal chat", async () => {
    const before = await counts();
    const fetched = files.hits("/care.docx");
    const replies = await bot.send({
      ...fileMessage(admin, { name: "care.docx", url: files.url("/care.docx"), fileType: "docx" }),
      ...message("", admin, { kind: "groupChat", id: "19:group-kan@thread.v2" }),
      attachments: fileMessage(admin, { name: "care.docx", url: files.url("/care.docx"), fileType: "docx" })
        .attachments,
    });
    expect(texts(replies)).toEqual([
      "Filer tar jag emot i vår personliga chatt. Skicka överenskommelsen till mig där.",
    ]);
    expect(files.hits("/care.docx")).toBe(fetched);
    expect(await counts()).toEqual(before);
  });

  // Last: the bot remembers the language a person last wrote in.
  it("answers in English to someone who writes English", async () => {
    const replies = await bot.send({
      ...message("here is the agreement", admin),
      attachments: [{ contentType: "image/jpeg", contentUrl: "https://example.invalid/x.jpg" }],
    });
    expect(texts(replies)).toEqual([
      "Send the agreement as a PDF or Word file (.pdf or .docx) – I cannot import images or other attachments.",
    ]);
  });
});

/** A PDF agreement of `pages` pages, each page one reporting item. */
function longAgreementPdf(pages: number): Promise<Buffer> {
  const doc = new PDFDocument({ size: "A4", margin: 50 });
  const chunks: Buffer[] = [];
  doc.on("data", (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve) => doc.on("end", () => resolve(Buffer.concat(chunks))));
  doc.fontSize(16).text("Överenskommelse 2027 mellan Kultur- och fritidsnämnden och Division Kultur och fritid");
  doc.fontSize(11).text("Denna överenskommelse avser kalenderåret 2027.");
  for (let page = 1; page <= pages; page++) {
    if (page > 1) doc.addPage();
    doc.text(`${page} Särskilt uppdrag ${page}`);
    doc.text(`Uppdraget redovisas muntligt vid nämndens sammanträde 2027-0${1 + (page % 9)}-1${page % 10}.`);
  }
  doc.end();
  return done;
}

describe("progress while a long file is read", () => {
  let bot: BotHarness;
  let files: DownloadServer;
  const updates: string[] = [];

  beforeAll(async () => {
    files = await startDownloadServer({ "/long.pdf": { body: await longAgreementPdf(6), type: "application/pdf" } });
    bot = await createBotHarness({
      env: { ADMIN_AAD_OBJECT_IDS: admin.aadObjectId, IMPORT_DOWNLOAD_ALLOW_LOOPBACK_HTTP: "true" },
      // Every page reported: the real interval (2 s) would skip them all in a file read this fast.
      override: (deps) => ({ ...deps, imports: { ...deps.imports, progressIntervalMs: 0 } }),
    });
    bot.app.turn("beforeTurn", async (context) => {
      context.onUpdateActivity(async (_context, activity, next) => {
        updates.push(activity.text ?? "");
        return next();
      });
      return true;
    });
  }, 60_000);
  afterAll(async () => {
    await bot?.close();
    await files?.close();
  });

  it("updates one message page by page, then says it is done", async () => {
    const replies = await bot.send(
      fileMessage(admin, { name: "lång.pdf", url: files.url("/long.pdf"), fileType: "pdf" }),
    );
    expect(updates).toContain("Läser lång.pdf: sida 2 av 6 …");
    expect(updates.at(-1)).toBe("Klart: lång.pdf är inläst.");
    expect(replies.filter((r) => r.text).map((r) => r.text)).toEqual(["Klart: lång.pdf är inläst."]);
    expect(replies.some((r) => cardOf(r))).toBe(true);
  });
});

describe("downloading the attachment", () => {
  it("fetches https, and plain http only to loopback when the test flag allows it", () => {
    expect(refusedUrl(new URL("https://kommun.sharepoint.com/x.pdf"), { allowLoopbackHttp: false })).toBeNull();
    expect(refusedUrl(new URL("http://127.0.0.1:8080/x.pdf"), { allowLoopbackHttp: false })).toMatch(
      /not an https address/,
    );
    expect(refusedUrl(new URL("http://127.0.0.1:8080/x.pdf"), { allowLoopbackHttp: true })).toBeNull();
    expect(refusedUrl(new URL("http://kommun.sharepoint.com/x.pdf"), { allowLoopbackHttp: true })).toMatch(
      /not an https address/,
    );
    expect(refusedUrl(new URL("file:///etc/passwd"), { allowLoopbackHttp: true })).toMatch(/not an https address/);
    expect(
      refusedUrl(new URL("https://user:secret@kommun.sharepoint.com/x.pdf"), { allowLoopbackHttp: false }),
    ).toMatch(/credentials/);
  });

  it("follows a redirect on the same host, but not to another one", async () => {
    const server = await startDownloadServer({
      "/file.txt": { body: Buffer.from("avtal"), type: "text/plain" },
      "/away.pdf": "redirect-away",
    });
    const moved = createServer((req, res) => {
      if (req.url === "/old") return void res.writeHead(301, { location: "/new" }).end();
      res.writeHead(200).end("flyttad");
    });
    await new Promise<void>((resolve) => moved.listen(0, "127.0.0.1", resolve));
    try {
      const options = { maxBytes: 1000, timeoutMs: 2000, allowLoopbackHttp: true };
      expect((await downloadFile(server.url("/file.txt"), options)).toString()).toBe("avtal");
      expect(
        (await downloadFile(`http://127.0.0.1:${(moved.address() as AddressInfo).port}/old`, options)).toString(),
      ).toBe("flyttad");
      await expect(downloadFile(server.url("/away.pdf"), options)).rejects.toMatchObject({
        reason: "refused",
        message: expect.stringContaining("another host"),
      });
    } finally {
      moved.close();
      await server.close();
    }
  });

  it("refuses a non-https URL without connecting", async () => {
    await expect(
      downloadFile("http://127.0.0.1:9/x.pdf", { maxBytes: 1000, timeoutMs: 1000, allowLoopbackHttp: false }),
    ).rejects.toMatchObject({ reason: "refused" } satisfies Partial<DownloadError>);
  });
});
