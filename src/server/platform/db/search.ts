import { sql } from 'kysely';
import { fold, likeContains } from '../../../common/text.ts';

/**
 * The right-hand side of `column LIKE …` for a search that ignores diacritics and case:
 * compare it with a stored folded column (`fold()` of the text). LIKE wildcards in the term
 * are escaped, the same way on SQLite and PostgreSQL.
 */
export const foldedContains = (term: string) => sql<string>`${likeContains(fold(term))} escape '\\'`;
