package uk.assure.plan;

/** A rating with the plain-English reason for it, so nobody has to guess why an action is Red. */
public record RagAssessment(Rag rag, String explanation) {}
