import { nfc } from '../../../common/text.ts';
import { fail } from '../../platform/http/errors.ts';
import type { Platform } from '../../platform/platform.ts';
import { issueNumber } from '../office/index.ts';
import { type Caller, requireManage } from './access.ts';
import { findCeremony, getCeremony, touched } from './ceremonies.ts';
import type { Invitation } from './documents.ts';
import { publishCeremony } from './live.ts';
import type { InvitationInput } from './schema.ts';

/**
 * Issuing the invitation: one letter number (GM) from the office's outgoing register, in this
 * transaction, printed on every guest's letter with its date and signer. Issued once.
 */
export async function issueInvitation(platform: Platform, caller: Caller, id: string, input: InvitationInput) {
  requireManage(caller);
  const now = platform.clock();
  const version = await platform.db.transaction().execute(async (tx) => {
    const c = await findCeremony(tx, id);
    if (c.invitation_json)
      throw fail.conflict('INVITATION_ISSUED', {
        vi: `Giấy mời đã có số ${(JSON.parse(c.invitation_json) as Invitation).number}.`,
        en: `The invitation already has the number ${(JSON.parse(c.invitation_json) as Invitation).number}.`,
      });
    if (input.date > c.event_date)
      throw fail.field(
        'date',
        'AFTER_EVENT',
        'Ngày ký giấy mời phải trước ngày tổ chức.',
        'The invitation must be dated before the event.',
      );
    const guests = await tx
      .selectFrom('ceremony_guests')
      .select(['name', 'title'])
      .where('ceremony_id', '=', id)
      .execute();
    const issued = await issueNumber(
      tx,
      caller.actor,
      {
        type: 'GM',
        date: input.date,
        summary: `Mời dự ${c.name}`,
        signer: { name: input.signer.name, position: input.signer.position },
        recipients: guests.map((g) => `Đồng chí ${g.name}, ${g.title}`),
        isPublic: false,
        source: { type: 'ceremony.invitation', id },
      },
      now,
    );
    const invitation: Invitation = {
      outgoingId: issued.id,
      number: issued.symbol.split('-')[0],
      suffix: issued.symbol.split('/').slice(1).join('/'),
      date: input.date,
      signer: {
        authority: nfc(input.signer.authority.trim()),
        position: nfc(input.signer.position.trim()),
        name: nfc(input.signer.name.trim()),
      },
    };
    await tx
      .updateTable('ceremonies')
      .set({ invitation_json: JSON.stringify(invitation) })
      .where('id', '=', id)
      .execute();
    return touched(tx, caller, id, 'ceremony.invitation_issue', now, { invitation, symbol: issued.symbol });
  });
  publishCeremony(platform, id, 'guests', version);
  return getCeremony(platform, id);
}
