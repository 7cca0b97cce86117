// useDraft: a form keeps what is typed as a local draft while it is typed, and offers a draft left
// from before when it opens. The form stays the owner of its values; the hook only stores, finds and
// forgets them (see draft-keeper.ts for the timing).
import { useCallback, useEffect, useRef, useState } from 'react';
import { createDraftKeeper, type DraftKeeper, sameValues } from '../../draft-keeper';
import { useDatabase } from '../../provider';
import { discardDraft, readDraft, saveDraft } from '../../repositories/drafts';

/** A stored draft found when the form opened. */
export interface DraftOffer<V, B> {
  values: V;
  base: B;
  savedAt: string;
}

export interface DraftControl<V, B> {
  /**
   * A draft left from before that the person has neither restored nor discarded yet; null when there
   * is none; undefined while looking. The form stays usable meanwhile: what is typed then is kept as
   * the draft (the newest typing is never lost), and the offered values stay at hand to restore.
   */
  offer: DraftOffer<V, B> | null | undefined;
  /** What the form's save compares against: the record as the form opened, or a restored draft's base. */
  base: B;
  /** The form's values after a change: stored after a pause in typing. */
  keep: (values: V) => void;
  /** Takes the offered draft: its values for the form, its base from now on. */
  restore: () => DraftOffer<V, B> | null;
  /** Forgets the offered (or current) draft. */
  discard: () => Promise<void>;
  /** The form was saved: forget the draft; the form now starts from `newBase` (and `newPristine`). */
  saved: (newBase: B, newPristine?: V) => Promise<void>;
  /** A draft could not be stored (e.g. the disk is full); null while all is well. */
  problem: unknown;
}

/**
 * `pristine`: the values the form starts from; values brought back to them need no draft, and the
 * draft is removed instead.
 */
export function useDraft<V, B>(
  formKey: string,
  recordId: string,
  initialBase: B,
  pristine?: V,
): DraftControl<V, B> {
  const db = useDatabase();
  const key = JSON.stringify([formKey, recordId]);
  // What was found, for which form and record: a form whose record changes (a notice's unit) never
  // sees the previous record's draft while the new one is looked for.
  const [found, setFound] = useState<{ key: string; offer: DraftOffer<V, B> | null } | null>(null);
  const offer = found?.key === key ? found.offer : undefined;
  const [base, setBase] = useState<B>(initialBase);
  const [problem, setProblem] = useState<unknown>(null);
  const baseRef = useRef(base);
  const offerRef = useRef<{ key: string; offer: DraftOffer<V, B> | null } | null>(null);
  // Typed before it was known whether a draft exists: written once that is known.
  const held = useRef<{ values: V } | null>(null);
  // Whether the person typed while a draft was on offer: the stored draft is then that typing.
  const typedOverOffer = useRef(false);
  const startValues = useRef(pristine);

  // Made on first use, outside render: its writes read the base in effect when they run.
  const keeperRef = useRef<{ key: string; keeper: DraftKeeper<V> } | null>(null);
  const keeperOf = useCallback((): DraftKeeper<V> => {
    if (keeperRef.current?.key !== key) {
      const keeper = createDraftKeeper<V>({
        write: async (values) => {
          await saveDraft(db, { formKey, recordId, values, base: baseRef.current });
          setProblem(null);
        },
        remove: () => discardDraft(db, formKey, recordId),
        onError: setProblem,
      });
      keeperRef.current = { key, keeper };
    }
    return keeperRef.current.keeper;
  }, [db, formKey, recordId, key]);

  const settleOffer = useCallback(
    (next: DraftOffer<V, B> | null) => {
      offerRef.current = { key, offer: next };
      setFound({ key, offer: next });
    },
    [key],
  );

  useEffect(() => {
    let live = true;
    readDraft(db, formKey, recordId).then(
      (row) => {
        if (!live) return;
        settleOffer(row ? { values: row.values as V, base: row.base as B, savedAt: row.savedAt } : null);
        const typed = held.current?.values;
        held.current = null;
        const pristineTyped = startValues.current !== undefined && sameValues(typed, startValues.current);
        if (typed !== undefined && !pristineTyped) {
          typedOverOffer.current = row !== null;
          keeperOf().keep(typed);
        }
      },
      (error: unknown) => {
        if (!live) return;
        setProblem(error);
        settleOffer(null);
      },
    );
    return () => {
      live = false;
    };
  }, [db, formKey, recordId, keeperOf, settleOffer]);

  // Written at once when the page is hidden (another tab, the window closed, the laptop sleeping) and
  // when the form goes away (another page of the app): the pause is never waited for there.
  useEffect(() => {
    const flush = () => void keeperOf().flush();
    const onVisibility = () => {
      if (document.visibilityState === 'hidden') flush();
    };
    window.addEventListener('pagehide', flush);
    document.addEventListener('visibilitychange', onVisibility);
    return () => {
      window.removeEventListener('pagehide', flush);
      document.removeEventListener('visibilitychange', onVisibility);
      flush();
    };
  }, [keeperOf]);

  const keep = useCallback(
    (values: V) => {
      // Until the stored draft has been looked for, writing could replace it before it is offered.
      if (offerRef.current?.key !== key) return void (held.current = { values });
      if (offerRef.current.offer !== null) typedOverOffer.current = true;
      if (startValues.current !== undefined && sameValues(values, startValues.current))
        void keeperOf().clear();
      else keeperOf().keep(values);
    },
    [keeperOf, key],
  );

  const restore = useCallback(() => {
    const taken = offerRef.current?.key === key ? offerRef.current.offer : null;
    if (!taken) return null;
    held.current = null;
    typedOverOffer.current = false;
    baseRef.current = taken.base;
    setBase(taken.base);
    settleOffer(null);
    // Stored again as the draft: anything typed while it was on offer is replaced by it, as shown.
    keeperOf().keep(taken.values);
    void keeperOf().flush();
    return taken;
  }, [settleOffer, keeperOf, key]);

  const discard = useCallback(async () => {
    settleOffer(null);
    // What was typed while the draft was on offer is the draft now, and stays.
    if (typedOverOffer.current) typedOverOffer.current = false;
    else await keeperOf().clear();
  }, [keeperOf, settleOffer]);

  const saved = useCallback(
    async (newBase: B, newPristine?: V) => {
      held.current = null;
      typedOverOffer.current = false;
      if (newPristine !== undefined) startValues.current = newPristine;
      baseRef.current = newBase;
      setBase(newBase);
      settleOffer(null);
      await keeperOf().clear();
    },
    [keeperOf, settleOffer],
  );

  return { offer, base, keep, restore, discard, saved, problem };
}
