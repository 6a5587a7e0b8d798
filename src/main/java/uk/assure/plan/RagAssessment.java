package uk.assure.plan;

import uk.assure.system.Message;

/**
 * A RAG rating and why, as a message the page or the API puts into words ("Due 31 March 2019, 3 days ago; not
 * completed"), so nobody has to guess why an action is Red.
 */
public record RagAssessment(Rag rag, Message explanation) {}
