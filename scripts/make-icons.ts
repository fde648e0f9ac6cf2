// npm run icons: draws app/icon.svg at the sizes browsers ask for and writes them to
// public/ (favicon.ico, apple-touch-icon.png, icon-192.png, icon-512.png), so those
// requests get the site's icon, not a 404 page. Run it again after changing the SVG.
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { chromium } from "@playwright/test";

const root = path.resolve(import.meta.dirname, "..");
const svg = readFileSync(path.join(root, "app", "icon.svg"), "utf8");

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
  args: ["--disable-background-networking", "--disable-component-update", "--disable-sync"],
});
async function png(size: number, square = false): Promise<Buffer> {
  const page = await browser.newPage({ viewport: { width: size, height: size } });
  // An apple touch icon is shown with its own rounded corners: give it square ones.
  const art = square ? svg.replace(/ rx="\d+"/, "") : svg;
  await page.setContent(`<html><body style="margin:0">${art.replace("<svg ", `<svg width="${size}" height="${size}" `)}</body></html>`);
  const shot = await page.screenshot({ omitBackground: true, clip: { x: 0, y: 0, width: size, height: size } });
  await page.close();
  return shot;
}

/** An ICO file holding PNG images (the format allows PNG entries since Windows Vista). */
function ico(images: { size: number; data: Buffer }[]): Buffer {
  const header = Buffer.alloc(6 + 16 * images.length);
  header.writeUInt16LE(0, 0);
  header.writeUInt16LE(1, 2);
  header.writeUInt16LE(images.length, 4);
  let offset = header.length;
  images.forEach(({ size, data }, i) => {
    const at = 6 + 16 * i;
    header.writeUInt8(size >= 256 ? 0 : size, at);
    header.writeUInt8(size >= 256 ? 0 : size, at + 1);
    header.writeUInt8(0, at + 2);
    header.writeUInt8(0, at + 3);
    header.writeUInt16LE(1, at + 4);
    header.writeUInt16LE(32, at + 6);
    header.writeUInt32LE(data.length, at + 8);
    header.writeUInt32LE(offset, at + 12);
    offset += data.length;
  });
  return Buffer.concat([header, ...images.map((i) => i.data)]);
}

const out = (name: string, data: Buffer) => writeFileSync(path.join(root, "public", name), data);
out(
  "favicon.ico",
  ico([
    { size: 16, data: await png(16) },
    { size: 32, data: await png(32) },
    { size: 48, data: await png(48) },
  ]),
);
out("apple-touch-icon.png", await png(180, true));
out("icon-192.png", await png(192));
out("icon-512.png", await png(512));
await browser.close();
console.log("Wrote public/favicon.ico, apple-touch-icon.png, icon-192.png and icon-512.png.");
