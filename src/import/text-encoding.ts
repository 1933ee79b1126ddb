/** Bytes of an import file → its text. (Work in progress: only UTF-8 so far.) */
export function decodeText(bytes: Buffer, _file: string, _encoding: string | undefined): string {
  return bytes.toString('utf8');
}
