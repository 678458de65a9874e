import { closeSync, openSync, readFileSync, readSync } from 'node:fs'

/* What the export children (export-child.ts, statements-child.ts) measure around their one export. */

/**
 * The peak resident memory of this program, in MB. process.resourceUsage().maxRSS is the
 * portable answer, but on Linux it also holds the parent's resident set at the time of the fork
 * (the kernel keeps the old address space's high-water mark across exec), and the bench parent
 * has just seeded a workspace: it would report the parent's ~300 MB, not the export's. VmHWM is
 * the high-water mark of this program's own address space.
 */
export function peakRssMb(): number {
  try {
    const match = /^VmHWM:\s+(\d+) kB$/m.exec(readFileSync('/proc/self/status', 'utf8'))
    if (match) return Number(match[1]) / 1024
  } catch {
    // Not Linux: fall back to maxRSS (in KiB).
  }
  return process.resourceUsage().maxRSS / 1024
}

/**
 * Reads the workspace file once, sequentially, so the export starts from the OS page cache as
 * it would on a desktop that just used the workspace. The machines this runs on page out file
 * data idle for about 30 s, and the export reads the history newest first, backwards through
 * the file, where the kernel's read-ahead does not help: cold, the same export spends a minute
 * waiting on 4 KiB reads. read() into one reused buffer adds nothing to this process's RSS.
 */
export function warmPageCache(file: string): void {
  const buffer = Buffer.allocUnsafe(1 << 20)
  const fd = openSync(file, 'r')
  try {
    while (readSync(fd, buffer, 0, buffer.length, null) > 0);
  } finally {
    closeSync(fd)
  }
}
