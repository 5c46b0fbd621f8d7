#!/usr/bin/env node
// Post-build step of the web app (nx target web:compress): writes a .br and a .gz next to every text
// file of the build, once, at maximum effort, so the server (@fastify/static with preCompressed) sends
// them without compressing per request. A file whose compressed form saves under 5 % gets none.
//   node tools/build/compress-web.mjs dist/apps/web/browser
import { readFileSync, readdirSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

const COMPRESSIBLE = /\.(js|mjs|css|html|json|webmanifest|svg|txt|map)$/;
const MIN_BYTES = 512;

const dir = resolve(process.argv[2] ?? 'dist/apps/web/browser');
const started = Date.now();
const totals = { raw: 0, br: 0, gz: 0, files: 0 };
for (const file of walk(dir)) {
  if (!COMPRESSIBLE.test(file)) continue;
  const raw = readFileSync(file);
  const br = brotliCompressSync(raw, {
    params: { [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY, [constants.BROTLI_PARAM_SIZE_HINT]: raw.length },
  });
  const gz = gzipSync(raw, { level: constants.Z_BEST_COMPRESSION });
  writeOrRemove(`${file}.br`, br, raw);
  writeOrRemove(`${file}.gz`, gz, raw);
  totals.raw += raw.length;
  totals.br += br.length;
  totals.gz += gz.length;
  totals.files++;
}
const kb = (bytes) => `${(bytes / 1024).toFixed(0)} kB`;
console.log(
  `compress-web: ${totals.files} files in ${relative(process.cwd(), dir) || '.'}: ${kb(totals.raw)} → brotli ${kb(totals.br)}, gzip ${kb(totals.gz)} (${Date.now() - started} ms)`,
);

function writeOrRemove(target, compressed, raw) {
  if (raw.length >= MIN_BYTES && compressed.length < raw.length * 0.95) writeFileSync(target, compressed);
  else rmIfPresent(target);
}

function rmIfPresent(target) {
  try {
    unlinkSync(target);
  } catch (error) {
    if (error.code !== 'ENOENT') throw error;
  }
}

function* walk(folder) {
  for (const name of readdirSync(folder)) {
    const path = join(folder, name);
    if (statSync(path).isDirectory()) yield* walk(path);
    else if (!name.endsWith('.br') && !name.endsWith('.gz')) yield path;
  }
}
