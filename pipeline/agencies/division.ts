/** An administrative division of GB/T 2260 (or a township of the statistics list), as the registry keeps it. */
import type { AgencyLevel } from '../model/agency.ts';

export interface Division {
  /** Unique key: the six-digit code; for a township, the 12-digit statistical code. */
  key: string;
  /** The six-digit GB/T 2260 code of the area (a township: the code of its county, or city when it has none). */
  code: string;
  name: string;
  level: AgencyLevel;
  /** Key of the division above (none for a province). */
  parent?: string;
  /** A county-level division renamed or abolished (no township of the package's 2021 statistics list is in it). */
  former?: boolean;
  /** The current division that carries on a former one's name (长泰县 → 长泰区). */
  successor?: string;
}
