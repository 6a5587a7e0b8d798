package uk.assure.api;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import java.io.IOException;
import uk.assure.system.Message;
import uk.assure.web.TextInput;

/**
 * Every string in a JSON body is one that can be stored (no NUL, no half of a character pair, no control
 * character), or the body is refused naming the field and where it is, before anything is done with it.
 */
final class StorableStrings extends SimpleModule {

    StorableStrings() {
        super("assure-storable-strings");
        addDeserializer(String.class, new Checked());
    }

    /** A string that cannot be stored; Jackson adds the path to the field as it unwinds. */
    static final class Unstorable extends JsonMappingException {
        private final transient Message problem;

        Unstorable(JsonParser parser, Message problem) {
            super(parser, "unstorable string: " + problem.getCode(), parser.currentLocation());
            this.problem = problem;
        }

        /** What the string holds that cannot be stored. */
        Message problem() {
            return problem;
        }
    }

    private static final class Checked extends StringDeserializer {
        @Override
        public String deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            String text = super.deserialize(parser, context);
            Message problem = TextInput.problem(text);
            if (problem != null) {
                throw new Unstorable(parser, problem);
            }
            return text;
        }
    }
}
