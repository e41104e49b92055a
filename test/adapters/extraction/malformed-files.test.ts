// Files an administrator might feed the import by mistake: each gets a clear reason.
import { describe, expect, it } from "vitest";
import { FileTextExtractor } from "../../../src/adapters/extraction/file-text-extractor.ts";
import { DocumentRejected } from "../../../src/agreements/source-document.ts";
import { cultureAgreementPdf, scannedPdf } from "../../fixtures/agreement-fixtures.ts";

const extractor = new FileTextExtractor({ maxBytes: 1024 * 1024 });

async function rejection(name: string, bytes: Uint8Array): Promise<DocumentRejected> {
  try {
    await extractor.extract({ name, bytes });
  } catch (error) {
    if (error instanceof DocumentRejected) return error;
    throw error;
  }
  throw new Error(`${name} was accepted`);
}

const swedish =
  "Överenskommelse 2027 mellan Socialnämnden och Division Social omsorg. Uppföljning sker vid nämndens sammanträde den 4 juni.";

describe("reading files that are not what they should be", () => {
  it("refuses an empty file", async () => {
    expect((await rejection("tom.txt", new Uint8Array())).reason).toBe("empty");
  });

  it("refuses binary junk renamed to .pdf", async () => {
    const junk = new Uint8Array(4096).map((_, i) => (i * 7919) % 251);
    const error = await rejection("avtal.pdf", junk);
    expect(error.reason).toBe("not_a_pdf");
    expect(error.message).toMatch(/not a PDF/);
  });

  it("refuses a PDF whose body is damaged", async () => {
    const bytes = Buffer.concat([Buffer.from("%PDF-1.7\n"), Buffer.alloc(2000, 0x41)]);
    expect((await rejection("trasig.pdf", bytes)).reason).toBe("pdf_damaged");
  });

  it("asks for the password to be removed from a protected PDF", async () => {
    const error = await rejection(
      "skyddad.pdf",
      await cultureAgreementPdf({ userPassword: "hemligt", ownerPassword: "agare" }),
    );
    expect(error.reason).toBe("pdf_encrypted");
    expect(error.message).toMatch(/password/);
  });

  it("says that a scanned PDF without a text layer needs OCR", async () => {
    const error = await rejection("skannad.pdf", await scannedPdf());
    expect(error.reason).toBe("pdf_needs_ocr");
    expect(error.message).toMatch(/OCR/);
  });

  it("refuses a file over the size limit before reading it", async () => {
    const error = await rejection("stor.txt", new Uint8Array(2 * 1024 * 1024).fill(0x61));
    expect(error.reason).toBe("too_large");
    expect(error.message).toMatch(/2\.0 MB.*1\.0 MB/);
  });

  it("explains that old .doc files must be saved as .docx", async () => {
    const ole = new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, ...new Array(100).fill(0)]);
    expect((await rejection("gammal.doc", ole)).reason).toBe("legacy_word");
  });

  it("refuses a .docx that is not a Word document", async () => {
    expect((await rejection("falsk.docx", Buffer.from("bara text, inte en zip-fil"))).reason).toBe("docx_damaged");
  });

  it("refuses binary content in a .txt file", async () => {
    const binary = new Uint8Array(3000).map((_, i) => (i % 3 === 0 ? 0 : (i * 31) % 32));
    expect((await rejection("konstig.txt", binary)).reason).toBe("binary");
  });

  it("reads Windows-1252 and UTF-16 text with å, ä and ö intact", async () => {
    const latin1 = Buffer.from(swedish, "latin1");
    const decoded = await extractor.extract({ name: "ansi.txt", bytes: latin1 });
    expect(decoded.text).toBe(swedish);
    expect(decoded.encoding).toBe("windows-1252");
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(swedish, "utf16le")]);
    expect((await extractor.extract({ name: "unicode.txt", bytes: utf16 })).text).toBe(swedish);
    const utf16NoBom = Buffer.from(swedish, "utf16le");
    expect((await extractor.extract({ name: "unicode2.txt", bytes: utf16NoBom })).encoding).toBe("utf-16le");
  });

  it("refuses types it cannot read", async () => {
    expect((await rejection("bild.png", Buffer.from(swedish))).reason).toBe("unsupported_type");
  });
});
