// Draws the Teams app icons (appPackage/color.png 192×192, appPackage/outline.png 32×32 white on
// transparent) from simple shapes, so they can be redrawn instead of edited as binaries.
// Usage: tsx scripts/draw-icons.ts
import { writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { PNG } from "pngjs";

type Shape = (x: number, y: number) => boolean;

const insideRoundedRect =
  (x0: number, y0: number, x1: number, y1: number, r: number): Shape =>
  (x, y) => {
    if (x < x0 || x > x1 || y < y0 || y > y1) return false;
    const cx = Math.min(Math.max(x, x0 + r), x1 - r);
    const cy = Math.min(Math.max(y, y0 + r), y1 - r);
    return (x - cx) ** 2 + (y - cy) ** 2 <= r * r;
  };

const nearSegment =
  (ax: number, ay: number, bx: number, by: number, halfWidth: number): Shape =>
  (x, y) => {
    const dx = bx - ax;
    const dy = by - ay;
    const t = Math.max(0, Math.min(1, ((x - ax) * dx + (y - ay) * dy) / (dx * dx + dy * dy)));
    return (x - (ax + t * dx)) ** 2 + (y - (ay + t * dy)) ** 2 <= halfWidth * halfWidth;
  };

/** Coverage (0..1) of `shape` in each pixel of a size×size image, 4×4 supersampled; shapes use 0..1 units. */
function coverage(size: number, shape: Shape): Float64Array {
  const out = new Float64Array(size * size);
  const n = 4;
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      let hits = 0;
      for (let sy = 0; sy < n; sy++)
        for (let sx = 0; sx < n; sx++) if (shape((px + (sx + 0.5) / n) / size, (py + (sy + 0.5) / n) / size)) hits++;
      out[py * size + px] = hits / (n * n);
    }
  }
  return out;
}

const union =
  (...shapes: Shape[]): Shape =>
  (x, y) =>
    shapes.some((s) => s(x, y));
const minus =
  (a: Shape, b: Shape): Shape =>
  (x, y) =>
    a(x, y) && !b(x, y);

// A document (page with a folded look suggested by a notch) carrying a check mark.
const page = insideRoundedRect(0.27, 0.18, 0.73, 0.82, 0.05);
const check = union(nearSegment(0.36, 0.52, 0.46, 0.63, 0.045), nearSegment(0.46, 0.63, 0.65, 0.39, 0.045));
const lines = union(nearSegment(0.36, 0.28, 0.64, 0.28, 0.022), nearSegment(0.36, 0.37, 0.56, 0.37, 0.022));

function drawColor(size: number): PNG {
  const png = new PNG({ width: size, height: size });
  const paper = coverage(size, minus(page, union(check, lines)));
  const background: [number, number, number] = [0x1f, 0x5c, 0x99];
  for (let i = 0; i < size * size; i++) {
    const a = paper[i]!;
    png.data[i * 4] = Math.round(background[0] * (1 - a) + 255 * a);
    png.data[i * 4 + 1] = Math.round(background[1] * (1 - a) + 255 * a);
    png.data[i * 4 + 2] = Math.round(background[2] * (1 - a) + 255 * a);
    png.data[i * 4 + 3] = 255;
  }
  return png;
}

function drawOutline(size: number): PNG {
  // Teams wants pure white on transparent: only alpha varies.
  const png = new PNG({ width: size, height: size });
  const frame = minus(insideRoundedRect(0.2, 0.1, 0.8, 0.9, 0.08), insideRoundedRect(0.29, 0.19, 0.71, 0.81, 0.03));
  const mark = union(nearSegment(0.34, 0.52, 0.46, 0.65, 0.06), nearSegment(0.46, 0.65, 0.68, 0.36, 0.06));
  const alpha = coverage(size, union(frame, mark));
  for (let i = 0; i < size * size; i++) {
    png.data[i * 4] = 255;
    png.data[i * 4 + 1] = 255;
    png.data[i * 4 + 2] = 255;
    png.data[i * 4 + 3] = Math.round(255 * alpha[i]!);
  }
  return png;
}

const folder = join(dirname(fileURLToPath(import.meta.url)), "..", "appPackage");
writeFileSync(join(folder, "color.png"), PNG.sync.write(drawColor(192)));
writeFileSync(join(folder, "outline.png"), PNG.sync.write(drawOutline(32)));
console.log("wrote appPackage/color.png and appPackage/outline.png");
