package uk.assure.plan;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** What each RAG rating means, in plain words: every RAG tag links here. */
@Controller
class RagLegendController {

    @GetMapping("/rag")
    String legend() {
        return "plans/rag-legend";
    }
}
