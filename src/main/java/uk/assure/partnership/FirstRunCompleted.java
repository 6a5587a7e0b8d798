package uk.assure.partnership;

/** Published once, after the first run set up an empty database, for the work that follows it. */
public record FirstRunCompleted(long partnershipId) {}
