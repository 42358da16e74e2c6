import { rolePermissions, type Permission, type Role } from './permissions.ts';

export type Grant = { role: Role; unitId: string | null };

/**
 * Answers "is unit `unitId` inside the subtree rooted at `rootId`?". The organisation module
 * provides the real tree; until a tree is known a unit is only inside itself.
 */
export type UnitScope = {
  isWithin(unitId: string, rootId: string): Promise<boolean>;
};

export const flatScope: UnitScope = {
  isWithin: async (unitId, rootId) => unitId === rootId,
};

/** Does any grant carry this permission, anywhere? (What a route checks before it runs.) */
export function holdsAnywhere(grants: readonly Grant[], permission: Permission): boolean {
  return grants.some((g) => rolePermissions[g.role]?.includes(permission));
}

/**
 * May the holder of these grants do `permission` to a record that belongs to `unitId`?
 * A grant with no unit covers everything; a grant on a unit covers that unit's subtree.
 */
export async function can(
  grants: readonly Grant[],
  permission: Permission,
  unitId: string | null,
  scope: UnitScope,
): Promise<boolean> {
  for (const g of grants) {
    if (!rolePermissions[g.role]?.includes(permission)) continue;
    if (g.unitId === null) return true;
    if (unitId !== null && (await scope.isWithin(unitId, g.unitId))) return true;
  }
  return false;
}

/** The units a permission reaches: null means everywhere, otherwise the subtree roots. */
export function reach(grants: readonly Grant[], permission: Permission): string[] | null {
  const roots: string[] = [];
  for (const g of grants) {
    if (!rolePermissions[g.role]?.includes(permission)) continue;
    if (g.unitId === null) return null;
    roots.push(g.unitId);
  }
  return roots;
}
