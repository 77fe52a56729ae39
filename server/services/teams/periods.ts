/**
 * Dated periods: `startsOn` inclusive, `endsOn` exclusive (the first day it no longer holds), null
 * for open-ended. ISO dates compare as strings.
 */
export interface Period {
  startsOn: string;
  endsOn: string | null;
}

/** Do two periods share at least one day? */
export const overlaps = (a: Period, b: Period) =>
  (b.endsOn === null || a.startsOn < b.endsOn) && (a.endsOn === null || b.startsOn < a.endsOn);

/** Does the period hold on `day`? */
export const holdsOn = (p: Period, day: string) => p.startsOn <= day && (p.endsOn === null || day < p.endsOn);

/** Is `inner` already covered by `outer` with the same end (re-sending it changes nothing)? */
export const covers = (outer: Period, inner: Period) => outer.startsOn <= inner.startsOn && outer.endsOn === inner.endsOn;
