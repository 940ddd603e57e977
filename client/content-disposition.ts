// The name a downloaded file is saved under, from the Worker's
// Content-Disposition header (the merged workbook, a blank template).

/**
 * The file name of a download from its Content-Disposition: the UTF-8 name
 * (filename*, RFC 8187) where given, else the plain one (RFC 6266), else
 * `fallback`. Path separators become "-", so the name cannot leave the
 * downloads folder.
 */
export function fileNameFrom(header: string | null | undefined, fallback: string): string {
  if (!header) return fallback;
  const star = /filename\*\s*=\s*UTF-8''([^;]+)/i.exec(header);
  if (star?.[1]) {
    try {
      return clean(decodeURIComponent(star[1].trim())) || fallback;
    } catch {
      // A malformed percent-encoding: fall through to the plain name.
    }
  }
  const plain = /filename\s*=\s*"([^"]*)"|filename\s*=\s*([^;]+)/i.exec(header);
  const name = plain?.[1] ?? plain?.[2]?.trim();
  return (name && clean(name)) || fallback;
}

/** No path parts in a name the browser saves. */
const clean = (name: string) => name.replace(/[\\/]/g, '-').trim();
