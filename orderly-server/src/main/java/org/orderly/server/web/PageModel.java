package org.orderly.server.web;

import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** What every page template may use: the glossary (labels and hover text for terms) and the world map's address. */
@ControllerAdvice(annotations = org.springframework.stereotype.Controller.class)
class PageModel {
    private final Glossary glossary;
    private final WorldMap worldMap;

    PageModel(Glossary glossary, WorldMap worldMap) {
        this.glossary = glossary;
        this.worldMap = worldMap;
    }

    @ModelAttribute("glossary")
    Glossary glossary() {
        return glossary;
    }

    @ModelAttribute("worldMap")
    WorldMap worldMap() {
        return worldMap;
    }
}
