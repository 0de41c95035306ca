/** A numbered schema step. Each lives in its own file under migrations/ and never changes once shipped. */
export interface Migration {
  version: number;
  name: string;
  sql: string;
}
