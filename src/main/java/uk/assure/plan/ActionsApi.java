package uk.assure.plan;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.context.request.WebRequest;
import uk.assure.account.SignedInUser;
import uk.assure.system.InvalidInput;
import uk.assure.system.Message;

/**
 * The actions list as JSON: the Actions page's filters, its orders, a page at a time with an opaque cursor, and an
 * ETag so that a client asking again learns "not modified" (304). What the caller may read is decided by
 * {@link PlanWork#actions(SignedInUser, ActionFilter, Instant, String, int)}, which the pages call too: every plan of
 * their partnership, or a viewer's granted ones.
 */
@RestController
@RequestMapping(path = "/api/v1", produces = "application/json")
@Tag(name = "plans")
@SecurityRequirement(name = "token")
class ActionsApi {

    static final int DEFAULT_LIMIT = 50;
    static final int MAX_LIMIT = 500;
    private static final List<String> OWN_PARAMETERS = List.of("updatedSince", "cursor", "limit");

    private final PlanWork work;
    private final ObjectMapper json;

    ActionsApi(PlanWork work, ObjectMapper json) {
        this.work = work;
        this.json = json;
    }

    @Operation(
            summary = "The actions the caller may read, filtered and sorted as on the Actions page, a page at a time",
            description = "Every filter is optional and they combine: plan (a plan's id), section (a section's title),"
                    + " agency (an agency's id: the actions it leads), lead (words in the lead's name), status"
                    + " (NOT_STARTED, IN_PROGRESS, COMPLETED, CLOSED, SUPERSEDED), rag (RED, AMBER, NO_DUE_DATE, GREEN,"
                    + " AWAITING_SIGN_OFF, COMPLETED, CLOSED), due (overdue; 30 or 90: due within so many days;"
                    + " later; none: no due date), q (words the text or ref holds, every one), activity (stale: open"
                    + " and not updated in the stale window; recent: completed lately), flag (awaiting-sign-off,"
                    + " revision-requested, slipped, no-due-date, impact-pending), updatedSince (an instant such as"
                    + " 2026-03-31T09:00:00Z: updated, or made, at or after it). sort: plan (the default), due, rag or"
                    + " updated. limit: 1 to 500, 50 when absent. cursor: the next of an earlier page, with the same"
                    + " filters and sort. A parameter or value the list does not know answers 400 naming the"
                    + " parameter. Send If-None-Match with the ETag of an earlier answer to be told 304 when nothing"
                    + " it holds has changed.")
    @GetMapping("/actions")
    ResponseEntity<ApiModels.ActionList> actions(
            @AuthenticationPrincipal SignedInUser user,
            @RequestParam(required = false) String plan,
            @RequestParam(required = false) String section,
            @RequestParam(required = false) String agency,
            @RequestParam(required = false) String lead,
            @RequestParam(required = false) String status,
            @RequestParam(required = false) String rag,
            @RequestParam(required = false) String due,
            @RequestParam(required = false) String q,
            @RequestParam(required = false) String activity,
            @RequestParam(required = false) String flag,
            @RequestParam(required = false) String sort,
            @RequestParam(required = false) String updatedSince,
            @RequestParam(required = false) String cursor,
            @RequestParam(required = false) String limit,
            @Parameter(hidden = true) @RequestParam Map<String, String> params,
            @Parameter(hidden = true) WebRequest request) {
        for (String name : params.keySet()) {
            if (!ActionFilter.PARAMETERS.contains(name) && !OWN_PARAMETERS.contains(name)) {
                throw new InvalidInput(name, Message.of("api.actions.unknown", name));
            }
        }
        ActionFilter filter = ActionFilter.strict(params);
        Worklists.Slice slice =
                work.actions(user, filter, since(updatedSince), blank(cursor) ? null : cursor, limit(limit));
        ApiModels.ActionList body = ApiModels.ActionList.of(slice);
        String etag = etag(body);
        if (request.checkNotModified(etag)) {
            return null; // 304, with the ETag
        }
        return ResponseEntity.ok()
                .eTag(etag)
                .cacheControl(CacheControl.noCache().cachePrivate())
                .body(body);
    }

    private static Instant since(String value) {
        if (blank(value)) {
            return null;
        }
        try {
            return Instant.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw new InvalidInput("updatedSince", Message.of("api.actions.updatedSince"));
        }
    }

    private static int limit(String value) {
        if (blank(value)) {
            return DEFAULT_LIMIT;
        }
        try {
            int limit = Integer.parseInt(value.strip());
            if (limit >= 1 && limit <= MAX_LIMIT) {
                return limit;
            }
        } catch (NumberFormatException e) {
            // refused below, as out of range
        }
        throw new InvalidInput("limit", Message.of("api.actions.limit", MAX_LIMIT));
    }

    /** A strong ETag: the hash of the answer as sent, so that it changes with anything the answer shows. */
    private String etag(ApiModels.ActionList body) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(json.writeValueAsBytes(body));
            return "\"" + HexFormat.of().formatHex(hash, 0, 16) + "\"";
        } catch (NoSuchAlgorithmException | JsonProcessingException e) {
            throw new IllegalStateException("the answer could not be hashed", e);
        }
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
