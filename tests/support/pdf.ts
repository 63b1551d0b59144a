import { execFileSync } from 'node:child_process'
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'

// PDFs in tests are read back with poppler (pdftotext, pdfinfo, pdftoppm) and kept, with a picture
// of the pages looked at, under test-results/pdf for people to look at.

export const PDF_OUT = join(process.cwd(), 'test-results', 'pdf')

/** Writes the PDF to test-results/pdf/<name>.pdf and answers its path. */
export function keepPdf(bytes: Buffer, name: string): string {
  mkdirSync(PDF_OUT, { recursive: true })
  const file = join(PDF_OUT, `${name}.pdf`)
  writeFileSync(file, bytes)
  return file
}

/** The text of the PDF as laid out on its pages; pages are separated by form feeds. */
export const pdfText = (file: string): string =>
  execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' })
export const pdfPages = (text: string): string[] => text.split('\f').slice(0, -1)
export const pdfInfo = (file: string): string => execFileSync('pdfinfo', [file], { encoding: 'utf8' })

/**
 * Share of dark pixels on one page: draws it (a PNG kept for people as <name>-page-<n>.png, a grey
 * PGM read here).
 */
export function inkOnPage(file: string, name: string, page = 1): number {
  const base = join(PDF_OUT, `${name}-page-${page}`)
  const pageArgs = ['-f', String(page), '-l', String(page), '-singlefile']
  execFileSync('pdftoppm', ['-png', '-r', '60', ...pageArgs, file, base])
  execFileSync('pdftoppm', ['-gray', '-r', '30', ...pageArgs, file, `${base}-grey`])
  const pgm = readFileSync(`${base}-grey.pgm`)
  // Binary PGM: "P5", width, height, maximum value, each separated by whitespace, then one byte a pixel.
  const header = pgm
    .subarray(0, 64)
    .toString('latin1')
    .match(/^P5\s+(\d+)\s+(\d+)\s+(\d+)\s/)
  if (!header) throw new Error('not a PGM')
  const pixels = pgm.subarray(header[0].length)
  if (pixels.length !== Number(header[1]) * Number(header[2])) throw new Error('a PGM cut short')
  let dark = 0
  for (const value of pixels) if (value < 128) dark += 1
  return dark / pixels.length
}
