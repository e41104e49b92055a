// A Word file is a zip archive, and a zip archive can say "1 MB" and unpack to gigabytes (a zip bomb).
// Before the Word reader inflates anything, the archive's directory is read and checked (number of
// parts, declared sizes, compression ratio), and every part is inflated once as a stream whose output
// is counted and thrown away, stopping as soon as it holds more than it declared. Only an archive that
// passes reaches mammoth, which then inflates at most what was checked.
import { createInflateRaw } from "node:zlib";
import { DocumentRejected } from "../../agreements/source-document.ts";

export interface ArchiveLimits {
  /** Total unpacked size of all parts. */
  maxUnpackedBytes: number;
  maxEntries: number;
  /** Largest unpacked/packed ratio of a part bigger than `ratioAppliesAboveBytes`. */
  maxRatio: number;
  ratioAppliesAboveBytes: number;
}

/** Word documents have a few dozen parts; XML packs 5–30 times; zip bombs pack hundreds to a thousand times. */
export const defaultArchiveLimits: ArchiveLimits = {
  maxUnpackedBytes: 100 * 1024 * 1024,
  maxEntries: 2000,
  maxRatio: 100,
  ratioAppliesAboveBytes: 1024 * 1024,
};

interface Entry {
  name: string;
  method: number;
  packedBytes: number;
  unpackedBytes: number;
  localHeaderOffset: number;
}

const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;

function damaged(detail: string): DocumentRejected {
  return new DocumentRejected(
    "docx_damaged",
    `The Word file could not be read (${detail}). Open it in Word and save it again as .docx.`,
  );
}

function suspicious(detail: string): DocumentRejected {
  return new DocumentRejected(
    "archive_suspicious",
    `The Word file was not read: ${detail}. Word does not write files like this; it may be built to harm the reader. Open the original in Word and save it again as .docx.`,
  );
}

function readDirectory(bytes: Uint8Array, limits: ArchiveLimits): Entry[] {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  // The end-of-directory record is the last 22 bytes, unless the archive has a comment (at most 64 KB).
  let end = -1;
  for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 22 - 0xffff); i--) {
    if (view.getUint32(i, true) === 0x06054b50) {
      end = i;
      break;
    }
  }
  if (end < 0) throw damaged("it is not a complete zip archive");
  const count = view.getUint16(end + 10, true);
  const directorySize = view.getUint32(end + 12, true);
  const directoryOffset = view.getUint32(end + 16, true);
  if (count === 0xffff || directoryOffset === 0xffffffff)
    throw suspicious("it uses ZIP64, which only archives of gigabytes need");
  if (count > limits.maxEntries)
    throw suspicious(`it has ${count} parts (a Word document has a few dozen; at most ${limits.maxEntries} are read)`);
  if (directoryOffset + directorySize > end) throw damaged("its table of contents is cut off");

  const entries: Entry[] = [];
  let at = directoryOffset;
  for (let n = 0; n < count; n++) {
    if (at + 46 > end || view.getUint32(at, true) !== 0x02014b50) throw damaged("its table of contents is broken");
    const nameLength = view.getUint16(at + 28, true);
    const entry: Entry = {
      name: Buffer.from(bytes.subarray(at + 46, at + 46 + nameLength)).toString("utf8"),
      method: view.getUint16(at + 10, true),
      packedBytes: view.getUint32(at + 20, true),
      unpackedBytes: view.getUint32(at + 24, true),
      localHeaderOffset: view.getUint32(at + 42, true),
    };
    if (entry.packedBytes === 0xffffffff || entry.unpackedBytes === 0xffffffff)
      throw suspicious("it uses ZIP64, which only archives of gigabytes need");
    entries.push(entry);
    at += 46 + nameLength + view.getUint16(at + 30, true) + view.getUint16(at + 32, true);
  }
  return entries;
}

function checkDeclaredSizes(entries: Entry[], limits: ArchiveLimits): void {
  const declared = entries.reduce((sum, e) => sum + e.unpackedBytes, 0);
  if (declared > limits.maxUnpackedBytes) {
    throw new DocumentRejected(
      "archive_too_large",
      `The Word file unpacks to ${mb(declared)}; the import reads at most ${mb(limits.maxUnpackedBytes)} (IMPORT_MAX_UNPACKED_MB). Agreements are far smaller: check that this is the right file.`,
    );
  }
  for (const e of entries) {
    if (e.method !== 0 && e.method !== 8) throw damaged(`part ${e.name} uses compression method ${e.method}`);
    const ratio = e.unpackedBytes / Math.max(1, e.packedBytes);
    if (e.unpackedBytes > limits.ratioAppliesAboveBytes && ratio > limits.maxRatio) {
      throw suspicious(
        `part ${e.name} packs ${mb(e.unpackedBytes)} into ${mb(e.packedBytes)} (${Math.round(ratio)} to 1; at most ${limits.maxRatio} to 1 is read)`,
      );
    }
  }
}

/** The part's packed bytes, found through its local header. */
function packedData(bytes: Uint8Array, entry: Entry): Uint8Array {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const at = entry.localHeaderOffset;
  if (at + 30 > bytes.length || view.getUint32(at, true) !== 0x04034b50) throw damaged(`part ${entry.name} is missing`);
  const start = at + 30 + view.getUint16(at + 26, true) + view.getUint16(at + 28, true);
  if (start + entry.packedBytes > bytes.length) throw damaged(`part ${entry.name} is cut off`);
  return bytes.subarray(start, start + entry.packedBytes);
}

class OverCap extends Error {}

/** Inflates `packed`, counting the output without keeping it; rejects as soon as it exceeds `cap` bytes. */
function inflatedSize(packed: Uint8Array, cap: number): Promise<number> {
  return new Promise((resolve, reject) => {
    const inflate = createInflateRaw({ chunkSize: 64 * 1024 });
    let size = 0;
    inflate.on("data", (chunk: Buffer) => {
      size += chunk.length;
      if (size > cap) {
        inflate.destroy();
        reject(new OverCap());
      }
    });
    inflate.on("end", () => resolve(size));
    inflate.on("error", (error) => reject(error));
    inflate.end(packed);
  });
}

/** Throws DocumentRejected when the archive is too big, too odd or lies about its sizes; resolves when it may be read. */
export async function checkArchive(bytes: Uint8Array, limits: ArchiveLimits = defaultArchiveLimits): Promise<void> {
  const entries = readDirectory(bytes, limits);
  checkDeclaredSizes(entries, limits);
  for (const entry of entries) {
    const packed = packedData(bytes, entry);
    if (entry.method === 0) {
      if (packed.length !== entry.unpackedBytes) throw suspicious(`part ${entry.name} is not the size it declares`);
      continue;
    }
    let actual: number;
    try {
      actual = await inflatedSize(packed, entry.unpackedBytes);
    } catch (error) {
      if (error instanceof OverCap)
        throw suspicious(`part ${entry.name} holds more than the ${mb(entry.unpackedBytes)} it declares`);
      throw damaged(`part ${entry.name} cannot be unpacked`);
    }
    if (actual !== entry.unpackedBytes) throw suspicious(`part ${entry.name} is not the size it declares`);
  }
}
