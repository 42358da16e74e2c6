/**
 * The office module's public entry (ADR 17): what other modules may use of it. A module that
 * issues a document takes its number here, inside its own transaction, and prints it.
 */
export { type IssuedNumber, type IssueInput, issueNumber, issueOnce, registeredNumber } from './numbering.ts';
export { partyDocumentTypes, type PartyDocumentCode } from '../../../common/partyDocumentTypes.ts';
export type { InboxItemOut, IncomingOut, OutgoingOut, ReceiptBoardOut } from './schema.ts';
// The public website: the documents the Office marked public, and where their files download without a session
export { type PublicDocument, publicDocuments, publicFilePath } from './publish.ts';
