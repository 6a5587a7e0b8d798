package uk.assure.web;

import java.util.Map;
import org.springframework.web.util.HtmlUtils;

/**
 * The options of a long select (a partnership's plans, hundreds of them), written as HTML in one pass instead of three
 * template expressions an option: every value and label escaped here, as the template would escape them.
 */
public final class SelectOptions {

    private SelectOptions() {}

    /** An option for each entry (value → label, the label cut to {@code longest} characters), the chosen one selected. */
    public static String of(Map<String, String> options, String chosen, int longest) {
        StringBuilder html = new StringBuilder(options.size() * 64);
        for (Map.Entry<String, String> option : options.entrySet()) {
            html.append("<option value=\"")
                    .append(HtmlUtils.htmlEscape(option.getKey()))
                    .append('"');
            if (option.getKey().equals(chosen)) {
                html.append(" selected=\"selected\"");
            }
            html.append('>')
                    .append(HtmlUtils.htmlEscape(abbreviate(option.getValue(), longest)))
                    .append("</option>");
        }
        return html.toString();
    }

    /** As Thymeleaf's {@code #strings.abbreviate}: cut to {@code longest} characters, the last three an ellipsis. */
    static String abbreviate(String text, int longest) {
        if (text == null || text.length() <= longest) {
            return text == null ? "" : text;
        }
        return text.substring(0, longest - 3) + "...";
    }
}
