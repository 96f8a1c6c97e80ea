import type { CertificateView } from '@psc/contracts/volunteer';
import PDFDocument from 'pdfkit';
import QRCode from 'qrcode';

const hours = (minutes: number) => `${(minutes / 60).toFixed(2).replace(/\.?0+$/, '')} 小时`;
const MM = 72 / 25.4;
const SEAL_RED = '#c00000';

export interface CertificateFont {
  /** a TrueType/OpenType file or collection with CJK glyphs, read once at boot */
  data: Buffer;
  /** the face inside a collection (.ttc), by PostScript name */
  family?: string;
}

/**
 * The printable A4 志愿服务记录证明 as a PDF: the facts, the hours by year and by activity, the organisation's name
 * as seal text and a QR code to the public verification. The font is embedded (subset) so any printer renders it.
 */
export async function certificatePdf(input: {
  certificateId: string;
  name: string;
  issuerName: string;
  issuedOn: string;
  hours: NonNullable<CertificateView['hours']>;
  verifyUrl: string;
  font: CertificateFont;
}): Promise<Buffer> {
  const { hours: h } = input;
  const qr = await QRCode.toBuffer(input.verifyUrl, {
    type: 'png',
    errorCorrectionLevel: 'M',
    margin: 1,
    scale: 6,
  });
  const doc = new PDFDocument({
    size: 'A4',
    margin: 20 * MM,
    info: { Title: `志愿服务记录证明 ${input.certificateId}`, Author: input.issuerName },
  });
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });

  doc.registerFont('cjk', input.font.data, input.font.family);
  doc.font('cjk');
  const left = doc.page.margins.left;
  const width = doc.page.width - left - doc.page.margins.right;

  doc.fontSize(24).text('志愿服务记录证明', { align: 'center', characterSpacing: 6 });
  doc.moveDown(1.2).fontSize(12);
  doc.text(
    `兹证明 ${input.name} 在本组织参加志愿服务，累计志愿服务时长 ${hours(h.totalMinutes)}，` +
      `其中信用时长 ${hours(h.creditMinutes)}，荣誉时长 ${hours(h.honourMinutes)}。`,
    { lineGap: 6 },
  );
  doc
    .moveDown(0.5)
    .text('本证明依据《志愿服务记录与证明出具办法》（民政部令第67号）出具，免费，真实、准确、完整。', {
      lineGap: 6,
    });

  doc.moveDown();
  doc.table({
    columnStyles: ['*', '*', '*'],
    defaultStyle: { padding: 5, border: 0.8 },
    data: [
      [
        { text: '年度', type: 'TH' },
        { text: '信用时长', type: 'TH' },
        { text: '荣誉时长', type: 'TH' },
      ],
      ...h.byYear.map((y) => [`${y.year} 年`, hours(y.creditMinutes), hours(y.honourMinutes)]),
    ],
  });
  doc.moveDown();
  doc.table({
    columnStyles: [90, '*', 90],
    defaultStyle: { padding: 5, border: 0.8 },
    data: [
      [
        { text: '服务日期', type: 'TH' },
        { text: '活动', type: 'TH' },
        { text: '时长', type: 'TH' },
      ],
      ...h.byActivity.map((a) => [a.servedOn, a.title, hours(a.minutes)]),
    ],
  });

  // the foot of the last page: issuer, date and number on the left, the seal over them, the QR code on the right
  const qrSize = 32 * MM;
  const sealSize = 42 * MM;
  if (doc.y + sealSize + 20 * MM > doc.page.height - doc.page.margins.bottom) doc.addPage();
  const top = Math.max(doc.y + 10 * MM, doc.page.height - doc.page.margins.bottom - sealSize - 12 * MM);
  doc.fontSize(12).text(`出具组织：${input.issuerName}`, left, top + 8 * MM, { lineGap: 6 });
  doc.text(`出具日期：${input.issuedOn}`, { lineGap: 6 });
  doc.text(`证明编号：${input.certificateId}`, { lineGap: 6 });

  const sealX = left + 60 * MM + sealSize / 2;
  const sealY = top + sealSize / 2;
  doc
    .save()
    .lineWidth(2)
    .strokeColor(SEAL_RED)
    .circle(sealX, sealY, sealSize / 2)
    .stroke();
  // a long name shrinks to stay on one line inside the ring, as a seal's text does
  const inner = sealSize - 8 * MM;
  doc.fillColor(SEAL_RED).fontSize(12);
  doc.fontSize(Math.min(12, (12 * inner) / doc.widthOfString(input.issuerName)));
  doc.text(input.issuerName, sealX - inner / 2, sealY - 6 * MM, { width: inner, align: 'center' });
  doc
    .fontSize(9)
    .text('志愿服务记录专用', sealX - inner / 2, sealY + 2 * MM, { width: inner, align: 'center' });
  doc.restore();

  doc.image(qr, left + width - qrSize, top, { width: qrSize, height: qrSize });
  doc
    .fillColor('#000')
    .fontSize(9)
    .text(
      '扫描二维码核验本证明的真伪；核验页显示的内容与本证明一致即为真实有效。',
      left,
      top + sealSize + 4 * MM,
      {
        width,
      },
    );
  doc.end();
  return done;
}
