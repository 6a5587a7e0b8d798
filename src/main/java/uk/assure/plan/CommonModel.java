package uk.assure.plan;

import java.util.List;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** Values every page may list (Thymeleaf 3.1 does not reach static members). */
@ControllerAdvice
class CommonModel {

    @ModelAttribute("rags")
    List<Rag> rags() {
        return List.of(Rag.values());
    }

    @ModelAttribute("dueWindows")
    List<String> dueWindows() {
        return ActionFilter.DUE_WINDOWS;
    }

    @ModelAttribute("flags")
    List<Worklists.Flag> flags() {
        return List.of(Worklists.Flag.values());
    }

    @ModelAttribute("sorts")
    List<String> sorts() {
        return ActionFilter.SORTS;
    }

    @ModelAttribute("actionStatuses")
    List<ActionStatus> statuses() {
        return List.of(ActionStatus.values());
    }
}
