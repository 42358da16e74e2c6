// The honours module prints 45 certificates of merit (Giấy khen) at once. This measures making
// them one PDF each through the shared Chromium, against printing a blank A4 page through the
// same browser in the same run (the cost of a PDF at all). Rounds alternate, so the machine's
// other work falls on both alike; the figure is the median round.
//   node --import tsx bench/documents.bench.ts
import { closeDocumentBrowser } from '../src/server/documents/browser.ts';
import { toCertificatePdf, toCertificatesPdf } from '../src/server/documents/certificate.ts';
import { htmlToPdf } from '../src/server/documents/pdf.ts';
import { sampleCertificates } from '../src/server/documents/fixtures/certificates.ts';

const COUNT = 45;
const ROUNDS = 3;
const blankPage =
  '<!doctype html><html><head><meta charset="utf-8"><style>@page { size: A4 landscape; margin: 0; }</style></head><body></body></html>';

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

async function perItemMs(work: (i: number) => Promise<Buffer>): Promise<number> {
  const started = performance.now();
  for (let i = 0; i < COUNT; i++) {
    const pdf = await work(i);
    if (pdf.subarray(0, 5).toString('latin1') !== '%PDF-') throw new Error('not a PDF');
  }
  return (performance.now() - started) / COUNT;
}

const certificates = sampleCertificates(COUNT);
try {
  // Launch the browser and load the fonts once before timing anything.
  await htmlToPdf(blankPage);
  await toCertificatePdf(certificates[0]);

  const blank: number[] = [];
  const each: number[] = [];
  for (let round = 0; round < ROUNDS; round++) {
    blank.push(await perItemMs(() => htmlToPdf(blankPage)));
    each.push(await perItemMs((i) => toCertificatePdf(certificates[i])));
  }
  const started = performance.now();
  const all = await toCertificatesPdf(certificates);
  const batchMs = performance.now() - started;

  const parallelStarted = performance.now();
  await Promise.all(certificates.map((c) => toCertificatePdf(c)));
  const parallelMs = performance.now() - parallelStarted;

  const ms = median(each);
  const base = median(blank);
  console.log(
    `  ${COUNT} certificates, one PDF each, ${ROUNDS} rounds: ${each.map((x) => x.toFixed(1)).join(' / ')} ms each; blank page: ${blank.map((x) => x.toFixed(1)).join(' / ')} ms`,
  );
  console.log(
    `  all ${COUNT} in one PDF (${(all.length / 1024).toFixed(0)} KiB): ${batchMs.toFixed(0)} ms; ${COUNT} separate PDFs, 4 pages at a time: ${parallelMs.toFixed(0)} ms`,
  );
  console.log(
    `bench documents-certificates: ${ms.toFixed(1)} ms per certificate (${(ms / base).toFixed(2)}× of a blank-page PDF baseline in the same run)`,
  );
} finally {
  await closeDocumentBrowser();
}
