import type { CertificateView } from '@psc/contracts/volunteer';

const ENTITIES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};
const escape = (text: string) => text.replace(/[&<>"']/g, (c) => ENTITIES[c] ?? c);

const hours = (minutes: number) => `${(minutes / 60).toFixed(2).replace(/\.?0+$/, '')} 小时`;

/** The printable A4 志愿服务记录证明: the facts, the hours by year and activity, the seal text and the QR code. */
export function certificatePage(input: {
  certificateId: string;
  name: string;
  issuerName: string;
  issuedOn: string;
  hours: NonNullable<CertificateView['hours']>;
  qrSvg: string;
}): string {
  const { hours: h } = input;
  const years = h.byYear
    .map(
      (y) =>
        `<tr><td>${y.year} 年</td><td>${hours(y.creditMinutes)}</td><td>${hours(y.honourMinutes)}</td></tr>`,
    )
    .join('');
  const activities = h.byActivity
    .map(
      (a) => `<tr><td>${escape(a.servedOn)}</td><td>${escape(a.title)}</td><td>${hours(a.minutes)}</td></tr>`,
    )
    .join('');
  return `<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8"><title>志愿服务记录证明 ${escape(input.certificateId)}</title>
<style>
@page { size: A4; margin: 20mm; }
body { font-family: "Songti SC", "SimSun", serif; font-size: 12pt; color: #000; }
h1 { text-align: center; font-size: 22pt; letter-spacing: 0.3em; }
table { width: 100%; border-collapse: collapse; margin: 4mm 0; }
td, th { border: 1px solid #000; padding: 2mm; text-align: left; }
.seal { float: right; width: 42mm; height: 42mm; border: 2px solid #c00; border-radius: 50%; color: #c00;
  display: flex; align-items: center; justify-content: center; text-align: center; font-weight: bold; padding: 4mm; }
.qr { width: 32mm; height: 32mm; }
footer { margin-top: 10mm; font-size: 9pt; }
</style></head><body>
<h1>志愿服务记录证明</h1>
<p>兹证明 <strong>${escape(input.name)}</strong> 在本组织参加志愿服务，累计志愿服务时长
<strong>${hours(h.totalMinutes)}</strong>，其中信用时长 ${hours(h.creditMinutes)}，荣誉时长 ${hours(h.honourMinutes)}。</p>
<p>本证明依据《志愿服务记录与证明出具办法》（民政部令第67号）出具，免费，真实、准确、完整。</p>
<table><thead><tr><th>年度</th><th>信用时长</th><th>荣誉时长</th></tr></thead><tbody>${years}</tbody></table>
<table><thead><tr><th>服务日期</th><th>活动</th><th>时长</th></tr></thead><tbody>${activities}</tbody></table>
<div class="seal">${escape(input.issuerName)}</div>
<p>出具组织：${escape(input.issuerName)}<br>出具日期：${escape(input.issuedOn)}<br>证明编号：${escape(input.certificateId)}</p>
<div class="qr">${input.qrSvg}</div>
<footer>扫描二维码核验本证明的真伪；核验页显示的内容与本证明一致即为真实有效。</footer>
</body></html>`;
}
