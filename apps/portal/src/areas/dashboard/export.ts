import { type ExportSheet, toCsv } from './figures';

function save(blob: Blob, fileName: string): void {
  const link = document.createElement('a');
  link.href = URL.createObjectURL(blob);
  link.download = fileName;
  link.click();
  URL.revokeObjectURL(link.href);
}

export function downloadCsv(sheets: ExportSheet[], fileName: string): void {
  save(new Blob([toCsv(sheets)], { type: 'text/csv;charset=utf-8' }), `${fileName}.csv`);
}

/** XLSX with one worksheet per part of the page; the writer is loaded only when someone asks for a workbook. */
export async function downloadXlsx(sheets: ExportSheet[], fileName: string): Promise<void> {
  const { default: writeXlsxFile } = await import('write-excel-file/browser');
  const blob = await writeXlsxFile(
    sheets.map((s) => ({
      // Excel refuses sheet names over 31 characters or with any of []:*?/\
      sheet: s.name.replace(/[[\]:*?/\\]/g, ' ').slice(0, 31),
      data: s.rows.map((row) => row.map((value) => (value === null ? null : { value }))),
      stickyRowsCount: 1,
    })),
  ).toBlob();
  save(blob, `${fileName}.xlsx`);
}
