/**
 * The organisation module's public entry (ADR 17): what other modules may use of the registry.
 * A module imports the organisation only from here; nothing else of this folder is public.
 */

// The kinds of unit and the groups of kinds other modules' rules are written in
export { committeeKinds, grassrootsKinds, type UnitKind, unitKindCodes } from './kinds.ts';
// Small read-only questions: units and people by id, live units, subtrees, accounts' persons
export {
  liveUnits,
  mailContactOfUser,
  membersOfUnit,
  type PersonRef,
  partyMembersWithin,
  personOfUser,
  personRefs,
  subtreeUnitIds,
  type UnitRef,
  unitRefs,
  unitsFounded,
  unitsWithin,
} from './lookups.ts';
// The unit tree inside other modules' queries: units, subtrees, ancestors, children, group sets
export {
  ancestorIds,
  ancestorsOf,
  type ChildUnit,
  childUnits,
  enclosingGroupOf,
  groupMembersWithin,
  hasChildren,
  subtreeOf,
  unitsInGroups,
  unitView,
} from './queries.ts';
export { unitByCode } from './repo.ts';
export { type PublicProfile, publicProfile } from './publicProfile.ts';
// Service reads
export { listGroupSets } from './groups.ts';
export { listInCharge } from './inCharge.ts';
export { positionsIn } from './units.ts';
export { organisersSignature, signerOf } from './signers.ts';
// Subtree moves, heard in the mover's transaction (reporting's live totals follow them)
export { onSubtreeMove, type SubtreeMoveListener } from './tree.ts';
// Who works where on a day (the tournament's entries), and people's gender and birth year
export { demoPeopleIn, personFacts, type StaffMember, staffOf, type Worker, workersOf } from './rosters.ts';
// People and their positions, for other modules' demo data (through the same checks as the screens)
export { addPosition, createPerson } from './people.ts';
export { grassroots as demoGrassroots } from './demoData.ts';
