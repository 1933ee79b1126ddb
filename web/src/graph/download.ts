/**
 * Hands a file to the browser's downloads through a blob: URL (nothing leaves the page, and the
 * explorer's policy allows them). The URL is freed once the download has taken it.
 */
export function download(content: Blob | string, fileName: string, type: string): void {
  const blob = typeof content === 'string' ? new Blob([content], { type }) : content;
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => {
    URL.revokeObjectURL(url);
  }, 10_000);
}
