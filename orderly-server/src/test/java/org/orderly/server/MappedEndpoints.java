package org.orderly.server;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/** Every endpoint the server maps, read from its own request mappings, for tests that must reach each one. */
final class MappedEndpoints {
    /** One mapped method and path pattern ({@code /api/v1/negotiations/{id}}). */
    record Mapped(RequestMethod method, String pattern) {}

    private MappedEndpoints() {}

    /** Each (method, pattern); a mapping that names no method is listed once per method in {@code unnamed}. */
    static List<Mapped> of(RequestMappingHandlerMapping mappings, Set<RequestMethod> unnamed) {
        List<Mapped> endpoints = new ArrayList<>();
        for (RequestMappingInfo info : mappings.getHandlerMethods().keySet()) {
            Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
            for (String pattern : info.getPatternValues()) {
                for (RequestMethod method : methods.isEmpty() ? unnamed : methods)
                    endpoints.add(new Mapped(method, pattern));
            }
        }
        return endpoints;
    }
}
