/** At most this many rows of one kind are shown (the oldest); a payment with more says `truncated`. */
export const timelineKindLimit = 500;
