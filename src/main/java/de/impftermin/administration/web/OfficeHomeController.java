package de.impftermin.administration.web;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** The office console's start page: what the state office can do here. Only administrators reach it. */
@Controller
class OfficeHomeController {

    @GetMapping("/staff/office")
    String home() {
        return "office/home";
    }
}
