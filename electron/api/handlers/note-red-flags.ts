import { ApiError } from '../../../shared/api/errors';
import { defineHandlers } from '../handler';
import { userNames } from './charting-context';
import { assertEditableDraft, noteRowOrThrow } from './note-rows';
import { recordRedFlagScreen } from './red-flag-screens';

/**
 * The red-flag screen in a visit note's subjective (issue #10): asked on the day of the visit by the
 * note's author while the note is a draft, stored through the one storage path of every screen
 * (`recordRedFlagScreen`, context visit-note) so the plan and its alerts see it like any other.
 */
export const noteRedFlagHandlers = defineHandlers({
  async 'notes.redFlagScreen'({ noteId, entry, replacesId }, ctx) {
    const row = await noteRowOrThrow(ctx.db, noteId);
    const names = await userNames(ctx.db, [row.authorId]);
    // The screen is not part of the note's text: it needs the draft to be the user's, not its latest revision.
    assertEditableDraft(row, ctx, row.revision, names.get(row.authorId) ?? 'another user');
    if (replacesId !== null) {
      const old = await ctx.db.selectFrom('redFlagScreens').select(['noteId']).where('id', '=', replacesId).executeTakeFirst();
      if (old?.noteId !== noteId) throw new ApiError('VALIDATION', 'A correction replaces the screen of this same note.', { fields: { replacesId: 'Not this note’s screen' } });
    }
    const { screen } = await recordRedFlagScreen(ctx, { patientId: row.patientId, context: { kind: 'visit-note', noteId }, entry, replacesId, askedOn: row.dateOfService });
    return { screen };
  },
});
