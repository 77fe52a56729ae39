import { createRequire } from 'node:module';
import path from 'node:path';
import type pdfmakeModule from 'pdfmake';

const pdfFontsDir = path.join(path.dirname(createRequire(import.meta.url).resolve('pdfmake/package.json')), 'fonts', 'Roboto');
let pdfReady = false;

/**
 * Sets pdfmake up once for every PDF Trellis writes (rubrics, performance plans): its bundled Roboto
 * (Unicode: "Nguyễn" prints right); no other file or URL may be read.
 */
export function preparePdf(pdfmake: typeof pdfmakeModule) {
  if (pdfReady) return;
  pdfmake.setFonts({
    Roboto: {
      normal: path.join(pdfFontsDir, 'Roboto-Regular.ttf'),
      bold: path.join(pdfFontsDir, 'Roboto-Medium.ttf'),
      italics: path.join(pdfFontsDir, 'Roboto-Italic.ttf'),
      bolditalics: path.join(pdfFontsDir, 'Roboto-MediumItalic.ttf'),
    },
  });
  pdfmake.setUrlAccessPolicy(() => false);
  pdfmake.setLocalAccessPolicy((file) => path.resolve(file).startsWith(pdfFontsDir));
  pdfReady = true;
}
