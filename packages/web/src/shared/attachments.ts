/**
 * A stored evidence file as every API hands it out (work-log entries, point events, appeals): checked
 * by content, content-addressed, downloaded at its url.
 */
export interface StoredAttachment {
  id: number;
  fileName: string;
  mimeType: string;
  size: number;
  sha256: string;
  url: string;
  createdAt?: string;
}
