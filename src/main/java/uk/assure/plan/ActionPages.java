package uk.assure.plan;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;
import uk.assure.account.Access;
import uk.assure.account.Access.Capability;
import uk.assure.account.SignedInUser;
import uk.assure.plan.PlanViews.ActionPage;

/** The action page's model: what the person may do on it, each form, the comments; shared by its controllers. */
@Component
class ActionPages {

    private final PlanWork work;
    private final Publication publication;
    private final Access access;

    ActionPages(PlanWork work, Publication publication, Access access) {
        this.work = work;
        this.publication = publication;
        this.access = access;
    }

    String render(SignedInUser user, ActionPage action, Model model) {
        PlanWork.Permissions may = work.permissions(user, action);
        model.addAttribute("action", action);
        model.addAttribute("mayUpdate", may.mayUpdate());
        model.addAttribute("refusal", may.updateRefusal());
        model.addAttribute("comments", work.comments(user, action));
        model.addAttribute("mayComment", may.mayComment());
        Set<ActionStatus> statuses = new LinkedHashSet<>();
        statuses.add(action.status());
        statuses.addAll(StatusTransitions.next(action.status()));
        model.addAttribute("statuses", List.copyOf(statuses));
        model.addAttribute("mayEdit", may.mayEdit());
        model.addAttribute("mayLink", may.mayLink());
        model.addAttribute("maySignOff", may.maySignOffCompletion());
        model.addAttribute("mayDecideRevision", may.mayDecideRevision());
        if (!model.containsAttribute("signOffForm")) {
            model.addAttribute("signOffForm", SignOffController.SignOffForm.blank(action));
        }
        if (may.mayLink()) {
            model.addAttribute("candidates", work.linkCandidates(user, action));
        }
        if (access.may(user, Capability.ADMINISTER)) {
            model.addAttribute("withheld", publication.marksOn(user, action.externalId()));
        }
        return "plans/action";
    }
}
