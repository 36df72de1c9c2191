import type { SharingLevel } from '../../../core/model.js';
import type { Db } from './db.js';

/** The organisation-wide default of each module that has one saved. */
export function sharingDefaults(db: Db): Promise<Array<{ module: string; level: SharingLevel }>> {
  return db.query(`SELECT module, level FROM sharing_default`);
}
