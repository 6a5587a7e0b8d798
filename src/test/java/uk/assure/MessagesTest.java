package uk.assure;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeTraversor;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * Every word a person reads is in {@code messages.properties} (STYLE.md, rule 8; docs/architecture.md). This fails
 * when a Java class writes prose where a page or an API answer can show it, when a template writes words of its own
 * (a text, or a title, alt, aria-label or placeholder), when a key that Java or a template asks for is missing, and
 * when a key is there that nothing asks for. The scanner is plain text work on the sources; the nested tests plant a
 * hard-coded message to prove it is caught.
 */
class MessagesTest {

    private static final Path JAVA = Path.of("src/main/java/uk/assure");
    private static final Path TEMPLATES = Path.of("src/main/resources/templates");
    private static final Path PROPERTIES = Path.of("src/main/resources/messages.properties");

    /**
     * Sources whose words are not messages, and why. A file here is skipped whole, so each is one whose prose is all
     * of one kind: output for someone at a terminal, content, or data that is stored and shown as stored.
     */
    private static final Map<String, String> FILES_ALLOWED = Map.ofEntries(
            Map.entry("cli/", "the command line's output, for whoever runs the server"),
            Map.entry("demo/", "the invented demo partnership: plan content, not messages"),
            Map.entry(
                    "importer/",
                    "the readers' reports (ImportException, the parse warnings) are the parse's output: the same text "
                            + "on the preview page, in `assure parse`'s JSON and in the golden files; what the importer "
                            + "writes into a plan's history is data. Its pages are checked (PAGES_CHECKED)"),
            Map.entry("plan/StatusVocabulary.java", "words read in partners' documents, not written for anyone"),
            Map.entry("plan/DueDateParser.java", "notes on how a plan's date was read, stored with the date"),
            Map.entry("plan/ActionStatus.java", "the domain's labels, also in the API's JSON and the docs' diagram"),
            Map.entry("plan/PlanKind.java", "the domain's labels, also in the API's JSON"),
            Map.entry("plan/FindingKind.java", "the domain's labels, also in the API's JSON"),
            Map.entry("plan/Rag.java", "the domain's labels, also in the API's JSON"),
            Map.entry("account/SignInAudit.java", "the audit log's record of a sign-in: data"),
            Map.entry("account/SingleSignOnOutcome.java", "the audit log's record of a refused single sign-on: data"),
            Map.entry("system/DatabaseRoleCheck.java", "why the app will not start, for the operator, in the log"),
            Map.entry("system/DataDirectoryLock.java", "why the app will not start, for the operator, in the log"),
            Map.entry("system/DurabilityCheck.java", "why the app will not start, for the operator, in the log"),
            Map.entry("system/LeftoverServer.java", "why the app will not start, for the operator, in the log"),
            Map.entry("backup/", "`assure backup` and `assure restore`: output for whoever runs the server"),
            Map.entry("audit/AuditKey.java", "the audit key's refusals, for the operator, in the log"),
            Map.entry("audit/ChainStart.java", "the keyed chain's own domain strings: data hashed, never shown"),
            Map.entry("audit/ChainWalk.java", "`assure audit verify`'s findings, for whoever runs the server"),
            Map.entry("audit/CheckpointFile.java", "the checkpoint file's header and `audit verify`'s findings"),
            Map.entry("audit/AuditLog.java", "`assure audit verify`'s findings and the log's own failures"),
            Map.entry("system/AppRolePassword.java", "why the app will not start, for the operator, in the log"),
            Map.entry(
                    "system/EmbeddedPostgresServer.java", "why the app will not start, for the operator, in the log"));

    /** The importer's own pages, checked although the rest of the importer is allowed. */
    private static final Set<String> PAGES_CHECKED =
            Set.of("importer/ImportPagesController.java", "importer/UploadTooLarge.java");

    /**
     * Calls whose text never reaches a person's page or an API answer: an argument of one of these (or of anything
     * inside one) is not looked at. A call is matched by its name ({@code jdbc.sql} as {@code sql}). Exceptions' own
     * text (programmers' errors, Spring Security's, and any exception's {@code super(...)}: pages and the API say
     * their own words, never an exception's), logs, SQL, the audit log's records and checks (data), HTTP headers,
     * recognising a text ({@code contains}), date patterns (GOV.UK's "31 March 2019 at 2:15pm"), OpenAPI's documentation, a setting's default (README documents it),
     * and the first partnership's name (data).
     */
    private static final Pattern CALLS_ALLOWED = Pattern.compile("new (IllegalStateException|IllegalArgumentException"
            + "|UncheckedIOException|UsernameNotFoundException|NotFoundException|Refused|Break|AuditLog\\.Event|Event)"
            + "|super|(log|LOG)\\.(trace|debug|info|warn|error)|sql|record|setHeader|contains|ofPattern"
            + "|@Operation|@Schema|@Tag|@DefaultValue|description|title|createPartnership");

    /** Words for a person: a capitalised word and another ("Not set", "Select a role"), or three words in a row. */
    private static final Pattern PROSE =
            Pattern.compile("^[A-Z][a-z'’]* [a-z'’]+|(?<![\\w.$/-])[A-Za-z][a-z'’]* [a-z'’]+ [a-z'’-]+\\b");

    /** A message key: words joined by dots. */
    private static final Pattern KEY = Pattern.compile("[a-zA-Z]\\w*(\\.\\w+)+");

    private static final Set<String> TEXT_REPLACED = Set.of("th:text", "th:utext", "th:replace", "th:insert");
    private static final Set<String> WORDED_ATTRIBUTES = Set.of("title", "alt", "aria-label", "placeholder");

    @Test
    void noJavaClassWritesWordsForAPerson() {
        List<String> found = new ArrayList<>();
        for (Path file : javaFiles()) {
            String name = JAVA.relativize(file).toString().replace('\\', '/');
            if (PAGES_CHECKED.contains(name) || FILES_ALLOWED.keySet().stream().noneMatch(name::startsWith)) {
                found.addAll(javaProse(name, read(file)));
            }
        }
        assertThat(found)
                .as("words for a person written in Java: give each a key in messages.properties")
                .isEmpty();
    }

    @Test
    void noTemplateWritesWordsOfItsOwn() {
        List<String> found = new ArrayList<>();
        for (Path file : templates()) {
            found.addAll(templateWords(TEMPLATES.relativize(file).toString(), read(file)));
        }
        assertThat(found)
                .as("words written in a template: use #{...} with a key in messages.properties")
                .isEmpty();
    }

    @Test
    void everyKeyJavaOrATemplateAsksForIsInMessagesProperties() {
        Set<String> keys = keys().keySet();
        List<String> missing = new ArrayList<>();
        for (Path file : javaFiles()) {
            keysInJava(read(file)).stream()
                    .filter(k -> !keys.contains(k))
                    .forEach(k -> missing.add(JAVA.relativize(file) + ": " + k));
        }
        for (Path file : templates()) {
            Uses uses = keysInTemplate(read(file));
            uses.keys().stream()
                    .filter(k -> !keys.contains(k))
                    .forEach(k -> missing.add(TEMPLATES.relativize(file) + ": " + k));
            uses.patterns().stream()
                    .filter(p -> keys.stream().noneMatch(k -> p.matcher(k).matches()))
                    .forEach(p -> missing.add(TEMPLATES.relativize(file) + ": a key like " + p));
        }
        assertThat(missing).as("keys asked for and missing").isEmpty();
    }

    @Test
    void everyKeyInMessagesPropertiesIsAskedForSomewhere() {
        Set<String> used = new TreeSet<>();
        List<Pattern> patterns = new ArrayList<>();
        javaFiles().forEach(file -> used.addAll(keysInJava(read(file))));
        for (Path file : templates()) {
            Uses uses = keysInTemplate(read(file));
            used.addAll(uses.keys());
            patterns.addAll(uses.patterns());
        }
        List<String> unused = keys().keySet().stream()
                .filter(k -> !used.contains(k))
                .filter(k -> patterns.stream().noneMatch(p -> p.matcher(k).matches()))
                .sorted()
                .toList();
        assertThat(unused).as("keys nothing asks for").isEmpty();
    }

    @Test
    void noKeyIsWrittenTwiceAndApostrophesAreWrittenAsEachMessageIsRead() {
        List<String> problems = new ArrayList<>();
        Set<String> seen = new LinkedHashSet<>();
        for (String line : read(PROPERTIES).split("\n")) {
            Matcher entry = Pattern.compile("^([^#!\\s][^=]*)=(.*)$").matcher(line);
            if (entry.matches() && !seen.add(entry.group(1).strip())) {
                problems.add(entry.group(1) + " is written twice: the last wins");
            }
        }
        keys().forEach((key, text) -> {
            boolean hasValues = Pattern.compile("\\{\\d").matcher(text).find();
            // with values MessageFormat reads it, and ' must be ''; without, it is shown as written
            if (hasValues && text.replace("''", "").contains("'")) {
                problems.add(key + ": a message with values writes an apostrophe as ''");
            } else if (!hasValues && text.contains("''")) {
                problems.add(key + ": a message without values writes an apostrophe as '");
            }
        });
        assertThat(problems).isEmpty();
    }

    @Test
    void everyConstraintOfAFormNamesItsMessageKey() {
        Pattern constraint =
                Pattern.compile("@(NotBlank|NotNull|NotEmpty|Size|Pattern|Email|Min|Max)\\b(\\([^)]*\\))?");
        List<String> unnamed = new ArrayList<>();
        for (Path file : javaFiles()) {
            Matcher m = constraint.matcher(read(file));
            while (m.find()) {
                if (m.group(2) == null || !m.group(2).matches("(?s).*message\\s*=\\s*\"\\{[\\w.]+}\".*")) {
                    unnamed.add(JAVA.relativize(file) + ": " + m.group());
                }
            }
        }
        assertThat(unnamed)
                .as("a constraint without message = \"{key}\" would show Hibernate Validator's English")
                .isEmpty();
    }

    /** The scanner catches what it is for, and lets be what it should. */
    @Nested
    class TheScanner {

        @Test
        void catchesAMessageWrittenInJava() {
            String source = """
                    class Planted {
                        void save(String name) {
                            if (name.isBlank()) {
                                throw new InvalidInput("name", "Enter the name of the agency");
                            }
                            errors.add(new FormError("email", name + " is not an email address we know"));
                        }
                    }
                    """;

            assertThat(javaProse("Planted.java", source))
                    .hasSize(2)
                    .anySatisfy(f -> assertThat(f).contains("Planted.java:4", "Enter the name of the agency"))
                    .anySatisfy(f -> assertThat(f).contains("Planted.java:6", "is not an email address"));
        }

        @Test
        void letsBeLogsProgrammersErrorsSqlKeysAndComments() {
            String source = """
                    /** Saves the agency, as the form said it. */
                    class Allowed {
                        void save(String name) {
                            log.warn("Could not save the agency {}", name); // Not shown to anyone
                            throw new IllegalStateException("The scope cannot change inside a transaction");
                        }
                        String sql() {
                            jdbc.sql("SELECT name FROM agency WHERE the name is given");
                            return Message.of("admin.error.name.missing").toString();
                        }
                    }
                    """;

            assertThat(javaProse("Allowed.java", source)).isEmpty();
            assertThat(keysInJava(source)).containsExactly("admin.error.name.missing");
        }

        @Test
        void catchesWordsWrittenInATemplate() {
            String template = """
                    <html th:replace="~{layout :: layout(#{plans.title}, ~{::main-content})}">
                    <body><th:block th:fragment="main-content">
                      <nav aria-label="Breadcrumb"><a th:href="@{/plans}" th:text="#{plans.title}">Plans</a></nav>
                      <p class="govuk-body">You cannot update this action.</p>
                      <th:block th:replace="~{fragments/errors :: summary(${errors})}"/>
                      <span class="govuk-visually-hidden">Warning</span>
                      <strong th:text="${x} ? 'Not yet started' : #{plans.none}">Placeholder words</strong>
                    </th:block></body></html>
                    """;

            assertThat(templateWords("planted.html", template))
                    .hasSize(4)
                    .anySatisfy(f -> assertThat(f).contains("aria-label", "Breadcrumb"))
                    .anySatisfy(f -> assertThat(f).contains("You cannot update this action"))
                    .anySatisfy(f -> assertThat(f).contains("Warning"))
                    .anySatisfy(f -> assertThat(f).contains("Not yet started"));
        }

        @Test
        void findsTheKeysATemplateAsksFor() {
            Uses uses = keysInTemplate("""
                    <h1 th:text="#{admin.title}">Manage</h1>
                    <p th:text="#{'admin.' + ${kind} + '.title'}">Agencies</p>
                    <title th:text="${#messages.msg(on ? 'twoStep.title' : 'no.such.key')}">x</title>
                    """);

            assertThat(uses.keys()).containsExactlyInAnyOrder("admin.title", "twoStep.title", "no.such.key");
            assertThat(uses.patterns())
                    .singleElement()
                    .satisfies(p -> assertThat(p.matcher("admin.agency.title").matches())
                            .isTrue());
        }
    }

    // --- Java ---

    /**
     * Each string literal of the source that reads as prose, with its line, unless it is an argument of an allowed
     * call (or of anything inside one) or sits in a comment.
     */
    static List<String> javaProse(String name, String source) {
        List<String> found = new ArrayList<>();
        JavaLiterals.scan(source, (literal, line, calls) -> {
            if (PROSE.matcher(literal).find()
                    && calls.stream().noneMatch(MessagesTest::allowed)
                    && !KEY.matcher(literal).matches()) {
                found.add(name + ":" + line + " \"" + literal + "\" in " + calls);
            }
        });
        return found;
    }

    /** Whether text given to this call is never shown to a person: "jdbc.sql" is matched as "sql". */
    private static boolean allowed(String call) {
        String name = call.startsWith("new ") || call.startsWith("@") || call.matches("(log|LOG)\\..*")
                ? call
                : call.substring(call.lastIndexOf('.') + 1);
        return CALLS_ALLOWED.matcher(name).matches();
    }

    /** The keys a Java source asks for: {@code Message.of("key", ...)}, {@code getMessage("key", ...)}, {@code "{key}"}. */
    static Set<String> keysInJava(String source) {
        Set<String> keys = new TreeSet<>();
        JavaLiterals.scan(source, (literal, line, calls) -> {
            String call = calls.isEmpty() ? "" : calls.get(calls.size() - 1);
            if (KEY.matcher(literal).matches() && (call.endsWith("Message.of") || call.endsWith("getMessage"))) {
                keys.add(literal);
            }
            Matcher braced = Pattern.compile("\\{(" + KEY.pattern() + ")}").matcher(literal);
            if (braced.matches()) {
                keys.add(braced.group(1));
            }
        });
        return keys;
    }

    // --- templates ---

    /** Text a template shows as written, and titles, alts, aria-labels and placeholders with words in them. */
    static List<String> templateWords(String name, String html) {
        // <th:block th:replace="..."/> closes itself: say so, or the HTML parser would take what follows as inside it
        Document document = Jsoup.parse(html.replaceAll("<((?:th:)?[\\w-]+)([^<>]*?)/>", "<$1$2></$1>"));
        List<String> found = new ArrayList<>();
        NodeTraversor.traverse(
                (node, depth) -> {
                    if (node instanceof TextNode text
                            && !replaced(text.parent())
                            && text.text()
                                    .replaceAll("\\[\\[.*?]]|\\[\\(.*?\\)]", "")
                                    .matches("(?s).*\\p{L}{2}.*")) {
                        found.add(name + ": text \"" + text.text().strip() + "\"");
                    }
                    if (node instanceof Element element) {
                        for (Attribute attribute : element.attributes()) {
                            String key = attribute.getKey();
                            if (WORDED_ATTRIBUTES.contains(key)
                                    && attribute.getValue().matches("(?s).*\\p{L}{2}.*")) {
                                found.add(name + ": " + key + "=\"" + attribute.getValue() + "\"");
                            }
                            if (key.startsWith("th:")) {
                                Matcher literal = Pattern.compile("'([^']*)'").matcher(attribute.getValue());
                                while (literal.find()) {
                                    if (PROSE.matcher(literal.group(1)).find()) {
                                        found.add(name + ": " + key + " writes '" + literal.group(1) + "'");
                                    }
                                }
                            }
                        }
                    }
                },
                document);
        return found;
    }

    /** Whether Thymeleaf puts something else in place of this element's content (its text is a placeholder). */
    private static boolean replaced(Element element) {
        for (Element e = element; e != null; e = e.parent()) {
            boolean root = e.normalName().equals("html");
            if (e.normalName().equals("script")
                    || e.normalName().equals("style")
                    || e.hasAttr("th:remove") && !e.attr("th:remove").matches("tag|none")) {
                return true;
            }
            if (e.attributes().asList().stream()
                    .anyMatch(a -> TEXT_REPLACED.contains(a.getKey())
                            && !(root && !a.getKey().endsWith("text")))) {
                return true;
            }
        }
        return false;
    }

    /** The keys a template asks for by name, and the shapes of those it makes from values ('admin.' + kind). */
    record Uses(Set<String> keys, List<Pattern> patterns) {}

    static Uses keysInTemplate(String html) {
        Set<String> keys = new TreeSet<>();
        List<Pattern> patterns = new ArrayList<>();
        Matcher asked = Pattern.compile("#\\{|#messages\\.msg\\w*\\(").matcher(html);
        while (asked.find()) {
            // #{key(values)} or #messages.msg(key, values): the key is what comes before the values
            String expression = firstPart(html, asked.end()).strip();
            if (KEY.matcher(expression).matches()) {
                keys.add(expression);
                continue;
            }
            List<String> quoted = new ArrayList<>();
            Matcher literal = Pattern.compile("'([^']*)'").matcher(expression);
            while (literal.find()) {
                quoted.add(literal.group(1));
            }
            if (expression.contains("?")) {
                quoted.stream().filter(q -> KEY.matcher(q).matches()).forEach(keys::add);
            } else {
                String shape = Stream.of(expression.split("\\+"))
                        .map(String::strip)
                        .map(part ->
                                part.matches("'[^']*'") ? Pattern.quote(part.substring(1, part.length() - 1)) : "[^.]+")
                        .collect(Collectors.joining());
                patterns.add(Pattern.compile(shape));
            }
        }
        return new Uses(keys, patterns);
    }

    /** From {@code from} to the first "(" or "," outside ${...} and quotes, or the closing "}" or ")". */
    private static String firstPart(String text, int from) {
        int depth = 0;
        boolean quoted = false;
        for (int i = from; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\'') {
                quoted = !quoted;
            } else if (!quoted && c == '{') {
                depth++;
            } else if (!quoted && depth > 0 && c == '}') {
                depth--;
            } else if (!quoted && depth == 0 && (c == '(' || c == ',' || c == ')' || c == '}')) {
                return text.substring(from, i);
            }
        }
        return text.substring(from);
    }

    // --- the files ---

    private static Map<String, String> keys() {
        Properties properties = new Properties();
        try {
            properties.load(new StringReader(read(PROPERTIES)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, String> keys = new LinkedHashMap<>();
        properties.stringPropertyNames().stream().sorted().forEach(k -> keys.put(k, properties.getProperty(k)));
        return keys;
    }

    private static List<Path> javaFiles() {
        return files(JAVA, ".java");
    }

    private static List<Path> templates() {
        return files(TEMPLATES, ".html");
    }

    private static List<Path> files(Path root, String extension) {
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(f -> f.toString().endsWith(extension)).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * A small lexer of Java: it skips comments and char literals, reads string literals and text blocks, and knows,
     * for each literal, the calls it is an argument of ({@code new InvalidInput}, {@code log.warn}, {@code @Schema}),
     * innermost last, up to the block it is in.
     */
    static final class JavaLiterals {

        interface Visitor {
            void literal(String text, int line, List<String> calls);
        }

        private JavaLiterals() {}

        static void scan(String source, Visitor visitor) {
            Deque<String> open = new ArrayDeque<>(); // a call's name for "(", "{" for a block
            int line = 1;
            int i = 0;
            while (i < source.length()) {
                char c = source.charAt(i);
                if (c == '\n') {
                    line++;
                    i++;
                } else if (source.startsWith("//", i)) {
                    i = source.indexOf('\n', i) < 0 ? source.length() : source.indexOf('\n', i);
                } else if (source.startsWith("/*", i)) {
                    int end = source.indexOf("*/", i + 2);
                    end = end < 0 ? source.length() : end + 2;
                    line += count(source, i, end);
                    i = end;
                } else if (source.startsWith("\"\"\"", i)) {
                    int end = source.indexOf("\"\"\"", i + 3);
                    end = end < 0 ? source.length() : end + 3;
                    visitor.literal(source.substring(i + 3, end - 3), line, calls(open));
                    line += count(source, i, end);
                    i = end;
                } else if (c == '"' || c == '\'') {
                    StringBuilder text = new StringBuilder();
                    int j = i + 1;
                    while (j < source.length() && source.charAt(j) != c && source.charAt(j) != '\n') {
                        if (source.charAt(j) == '\\' && j + 1 < source.length()) {
                            j++;
                        }
                        text.append(source.charAt(j));
                        j++;
                    }
                    if (c == '"') {
                        visitor.literal(text.toString(), line, calls(open));
                    }
                    i = j + 1;
                } else if (c == '(') {
                    open.push(callee(source, i));
                    i++;
                } else if (c == '{') {
                    open.push("{");
                    i++;
                } else if ((c == ')' || c == '}') && !open.isEmpty()) {
                    open.pop();
                    i++;
                } else {
                    i++;
                }
            }
        }

        /** The calls open around this point, outermost first, back to the nearest block. */
        private static List<String> calls(Deque<String> open) {
            List<String> calls = new ArrayList<>();
            for (String call : open) {
                if (call.equals("{")) {
                    break;
                }
                calls.add(0, call);
            }
            return calls;
        }

        /** "new InvalidInput", "log.warn", "@Schema", "Message.of": what stands before a "(". */
        private static String callee(String source, int paren) {
            int end = paren;
            while (end > 0 && Character.isWhitespace(source.charAt(end - 1))) {
                end--;
            }
            int start = end;
            while (start > 0
                    && (Character.isJavaIdentifierPart(source.charAt(start - 1)) || source.charAt(start - 1) == '.')) {
                start--;
            }
            String name = source.substring(start, end);
            if (start > 0 && source.charAt(start - 1) == '@') {
                return "@" + name;
            }
            String before = source.substring(Math.max(0, start - 4), start);
            return before.equals("new ") ? "new " + name : name;
        }

        private static int count(String source, int from, int to) {
            int n = 0;
            for (int k = from; k < to; k++) {
                if (source.charAt(k) == '\n') {
                    n++;
                }
            }
            return n;
        }
    }
}
