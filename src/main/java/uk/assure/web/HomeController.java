package uk.assure.web;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

@Controller
class HomeController {

    @GetMapping("/")
    String home() {
        return "redirect:/plans";
    }

    @GetMapping("/sign-in")
    String signIn() {
        return "sign-in";
    }
}
