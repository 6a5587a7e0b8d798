package uk.assure.importer;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/** A parsed plan as JSON, dates as ISO strings: what {@code assure parse} prints and golden files hold. */
public final class PlanJson {

    private static final ObjectMapper MAPPER = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .enable(SerializationFeature.INDENT_OUTPUT);

    private PlanJson() {}

    public static String write(ParsedPlan plan) {
        try {
            return MAPPER.writeValueAsString(plan);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A parsed plan could not be written as JSON", e);
        }
    }

    public static ParsedPlan read(String json) {
        try {
            return MAPPER.readValue(json, ParsedPlan.class);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Not a parsed plan: " + e.getOriginalMessage(), e);
        }
    }
}
