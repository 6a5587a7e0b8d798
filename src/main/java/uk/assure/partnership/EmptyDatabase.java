package uk.assure.partnership;

/**
 * Published by the first run on an empty database, inside its transaction and before the first partnership is
 * looked for: a listener (the demo) may create the partnership that the first admin then joins.
 */
public record EmptyDatabase() {}
