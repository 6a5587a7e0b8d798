package uk.assure.web;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

@Controller
class HomeController {

    @GetMapping("/")
    String home() {
        return "redirect:/plans";
    }

    @GetMapping("/sign-in")
    String signIn(@RequestParam(required = false) String error, @RequestParam(required = false) String signedOut,
            @RequestParam(required = false) Integer wait, @RequestParam(required = false) String expired, Model model) {
        model.addAttribute("expired", expired != null);
        model.addAttribute("failed", error != null || wait != null);
        model.addAttribute("waitSeconds", wait);
        model.addAttribute("signedOut", signedOut != null);
        return "sign-in";
    }
}
