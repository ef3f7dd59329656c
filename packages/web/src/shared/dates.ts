/** The browser's Asia/Shanghai date — until the server has said what "today" is. */
export function shanghaiToday(now = new Date()): string {
  return new Date(now.getTime() + 8 * 3_600_000).toISOString().slice(0, 10);
}
