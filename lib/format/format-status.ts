/** An API status or kind (`partially_refunded`, `window_amount`) as words: "Partially refunded", "Window amount". */
export function formatStatus(status: string): string {
  const words = status.replace(/[_-]+/g, ' ').trim();
  return words.charAt(0).toUpperCase() + words.slice(1);
}
